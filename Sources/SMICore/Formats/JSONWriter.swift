/// Writes manifest values as JSON, compact (one line) or pretty (two-space indentation).
///
/// JSON has only string keys: scalar keys are written as their YAML text (`80` as `"80"`,
/// as Kubernetes' YAML-to-JSON conversion does); collection keys and non-finite numbers
/// cannot be written and are reported. Characters YAML forbids raw are escaped, so the
/// output reads back through `YAMLReader` too.
public struct JSONWriter: Sendable {
    /// A value that JSON cannot represent.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// What cannot be written.
        public var message: String
        /// Where the value came from, if it was read from text.
        public var location: SourceLocation?

        /// The message, prefixed with the location when known.
        public var description: String {
            location.map { "\($0): \(message)" } ?? message
        }
    }

    /// Whether to write one value per line with indentation.
    public var pretty: Bool

    /// Creates a writer, compact unless `pretty`.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// The JSON text of a value.
    public func write(_ node: ManifestNode) throws(Error) -> String {
        var out = OutputBuffer()
        try write(node, indent: 0, into: &out)
        return out.string
    }

    /// Appends the JSON text of a value to a byte buffer; on error the buffer is left as
    /// it was.
    public func write(_ node: ManifestNode, into bytes: inout [UInt8]) throws(Error) {
        var out = OutputBuffer(capacity: 0)
        swap(&out.bytes, &bytes)
        defer { swap(&out.bytes, &bytes) }
        let start = out.bytes.count
        do {
            try write(node, indent: 0, into: &out)
        } catch {
            out.bytes.removeSubrange(start...)
            throw error
        }
    }

    private func newline(_ indent: Int, into out: inout OutputBuffer) {
        guard pretty else { return }
        out.append(0x0A)
        out.appendSpaces(indent)
    }

    private func write(_ node: ManifestNode, indent: Int, into out: inout OutputBuffer) throws(Error) {
        switch node.value {
        case .null: out.append("null")
        case let .bool(b): out.append(b ? "true" : "false")
        case let .int(i): out.appendDecimal(i)
        case let .double(d):
            guard d.isFinite else {
                throw Error(message: "JSON cannot represent the number \(d)", location: node.location)
            }
            out.appendFloat(d)
        case let .string(s): writeString(s, into: &out)
        case let .sequence(items):
            out.append(0x5B)
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(indent + 2, into: &out)
                try write(item, indent: indent + 2, into: &out)
            }
            if !items.isEmpty { newline(indent, into: &out) }
            out.append(0x5D)
        case let .mapping(m):
            out.append(0x7B)
            for (i, entry) in m.entries.enumerated() {
                if i > 0 { out.append(0x2C) }
                newline(indent + 2, into: &out)
                try writeKey(entry.key, into: &out)
                out.append(0x3A)
                if pretty { out.append(0x20) }
                try write(entry.value, indent: indent + 2, into: &out)
            }
            if m.count > 0 { newline(indent, into: &out) }
            out.append(0x7D)
        }
    }

    private func writeKey(_ key: ManifestNode, into out: inout OutputBuffer) throws(Error) {
        switch key.value {
        case let .string(s): writeString(s, into: &out)
        case .null: writeString("null", into: &out)
        case let .bool(b): writeString(b ? "true" : "false", into: &out)
        case let .int(i): writeString(String(i), into: &out)
        case .double:
            var text = OutputBuffer(capacity: 32)
            try write(key, indent: 0, into: &text)
            writeString(text.string, into: &out)
        case .sequence, .mapping:
            throw Error(
                message: "JSON cannot represent a \(key.value.typeName) as a mapping key", location: key.location)
        }
    }

    func writeString(_ s: String, into out: inout OutputBuffer) {
        out.appendQuoted(s) { v, out in
            switch v {
            case 0x08: out.append("\\b")
            case 0x0C: out.append("\\f")
            case 0xFEFF, 0xFFFE, 0xFFFF:
                out.append("\\u")
                out.appendHex(v, digits: 4)
            default:
                return out.appendCEscape(v)
            }
            return true
        }
    }
}
