public import SMICore

/// A small JSON parser for the YAML test suite's `in.json` files, independent of the reader
/// under test.
///
/// An input is a stream of values, one per YAML document.
public struct JSONStream {
    private let bytes: [UInt8]
    private var i = 0

    /// Parses every value of the stream.
    public static func values(_ bytes: [UInt8]) -> [JSONValue]? {
        var parser = JSONStream(bytes: bytes)
        var values: [JSONValue] = []
        while true {
            parser.skipSpace()
            if parser.i >= bytes.count { return values }
            guard let v = parser.value() else { return nil }
            values.append(v)
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    private mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else { return false }
        i += w.count
        return true
    }

    private mutating func value() -> JSONValue? {
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, JSONValue)] = []
            skipSpace()
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return .object(pairs)
            }
            while true {
                skipSpace()
                guard case let .string(k)? = value() else { return nil }
                skipSpace()
                guard bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value() else { return nil }
                pairs.append((k, v))
                skipSpace()
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return .object(pairs)
                }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace()
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                guard let v = value() else { return nil }
                items.append(v)
                skipSpace()
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                    continue
                }
                if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                }
                return nil
            }
        case UInt8(ascii: "\""):
            i += 1
            var out: [UInt8] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") {
                    i += 1
                    let e = bytes[i]
                    i += 1
                    switch e {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "b"): out.append(0x08)
                    case UInt8(ascii: "f"): out.append(0x0C)
                    case UInt8(ascii: "u"):
                        var code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) ?? 0
                        i += 4
                        if (0xD800..<0xDC00).contains(code), bytes[i] == UInt8(ascii: "\\") {
                            let low = UInt32(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16) ?? 0
                            i += 6
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        }
                        out.append(contentsOf: String(Character(Unicode.Scalar(code) ?? "?")).utf8)
                    default: out.append(e)
                    }
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            i += 1
            return .string(String(decoding: out, as: UTF8.self))
        default:
            if literal("true") { return .bool(true) }
            if literal("false") { return .bool(false) }
            if literal("null") { return .null }
            let start = i
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
            return Double(String(decoding: bytes[start..<i], as: UTF8.self)).map { .number($0) }
        }
    }
}

/// A JSON value as the test suite writes it.
public indirect enum JSONValue: CustomStringConvertible {
    /// JSON null.
    case null
    /// true or false.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, in the order written.
    case object([(String, JSONValue)])

    /// Whether a manifest value says the same as this JSON value.
    ///
    /// Mapping keys compared as JSON renders them, numbers by value, key order ignored.
    public func matches(_ value: ManifestValue) -> Bool {
        switch (self, value) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.number(a), .int(b)): return a == Double(b)
        case let (.number(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.matches($1.value) }
        case let (.object(a), .mapping(b)):
            guard a.count == b.count else { return false }
            var byKey: [String: JSONValue] = [:]
            for (k, v) in a { byKey[k] = v }
            return b.entries.allSatisfy { entry in
                guard let key = Self.jsonKey(entry.key.value), let v = byKey[key] else { return false }
                return v.matches(entry.value.value)
            }
        default: return false
        }
    }

    private static func jsonKey(_ value: ManifestValue) -> String? {
        switch value {
        case let .string(s): return s
        case let .int(i): return String(i)
        case let .bool(b): return String(b)
        case .null: return ""
        default: return nil
        }
    }

    /// The value as JSON-like text.
    public var description: String {
        switch self {
        case .null: return "null"
        case let .bool(b): return "\(b)"
        case let .number(d): return "\(d)"
        case let .string(s): return "\"\(s)\""
        case let .array(a): return "[" + a.map(\.description).joined(separator: ", ") + "]"
        case let .object(o): return "{" + o.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
        }
    }
}
