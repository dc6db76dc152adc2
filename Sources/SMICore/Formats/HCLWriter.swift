/// Writes a mapping as HCL attributes in the HCL 1 syntax `consul config write` reads.
///
/// One `Key = value` line per entry, nested mappings as `{ ... }` objects, sequences as `[ ...
/// ]` lists, strings in double quotes with C escapes.
///
/// HCL 1 has no `$${` or `%%{` escape: `%{` is plain text there, and a string holding `${` is
/// refused, since HCL 1 reads what follows as an interpolation (JSON holds it).
public struct HCLWriter: Sendable {
    /// A value HCL cannot hold.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// What cannot be written.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// Creates a writer.
    public init() {}

    /// The HCL text of a mapping's entries (a body), each on its own line.
    public func write(body node: ManifestNode) throws(Error) -> String {
        guard case let .mapping(mapping) = node.value else { throw Error(message: "an HCL body must be a mapping") }
        var out = OutputBuffer()
        for entry in mapping.entries {
            try writeKey(entry.key, into: &out)
            out.append(" = ")
            try write(entry.value, indent: 0, into: &out)
            out.append(0x0A)
        }
        return out.string
    }

    private func write(_ node: ManifestNode, indent: Int, into out: inout OutputBuffer) throws(Error) {
        switch node.value {
        case .null: out.append("null")
        case let .bool(b): out.append(b ? "true" : "false")
        case let .int(i): out.appendDecimal(i)
        case let .double(d):
            guard d.isFinite else { throw Error(message: "HCL cannot represent the number \(d)") }
            out.appendFloat(d)
        case let .string(s): try writeString(s, into: &out)
        case let .sequence(items):
            guard !items.isEmpty else { return out.append("[]") }
            out.append("[\n")
            for item in items {
                out.appendSpaces(indent + 2)
                try write(item, indent: indent + 2, into: &out)
                out.append(",\n")
            }
            out.appendSpaces(indent)
            out.append("]")
        case let .mapping(mapping):
            guard !mapping.entries.isEmpty else { return out.append("{}") }
            out.append("{\n")
            for entry in mapping.entries {
                out.appendSpaces(indent + 2)
                try writeKey(entry.key, into: &out)
                out.append(" = ")
                try write(entry.value, indent: indent + 2, into: &out)
                out.append(0x0A)
            }
            out.appendSpaces(indent)
            out.append("}")
        }
    }

    /// A key: a bare identifier when it is one, else a quoted string.
    private func writeKey(_ key: ManifestNode, into out: inout OutputBuffer) throws(Error) {
        guard case let .string(name) = key.value else { throw Error(message: "HCL keys must be strings") }
        if Self.isIdentifier(name) { out.append(name) } else { try writeString(name, into: &out) }
    }

    /// HCL's identifier syntax, restricted to ASCII: a letter or `_`, then letters, digits,
    /// `_` and `-`; the literals `true`, `false` and `null` are not keys.
    static func isIdentifier(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, !["true", "false", "null"].contains(name) else { return false }
        func letter(_ b: UInt8) -> Bool { (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F }
        return letter(first) && bytes.dropFirst().allSatisfy { letter($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    private func writeString(_ s: String, into out: inout OutputBuffer) throws(Error) {
        guard !s.contains("${") else {
            throw Error(
                message:
                    "HCL 1, which consul config write reads, has no escape for '${' and reads what follows as an interpolation: write JSON (-o json) for '\(s)'"
            )
        }
        out.appendQuoted(s) { v, out in out.appendCEscape(v) }
    }
}
