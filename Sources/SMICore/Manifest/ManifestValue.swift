/// The value of one node of a manifest: what a YAML or JSON document holds once read.
///
/// Scalars are already resolved (a plain `80` is an `.int`, a quoted `"80"` a `.string`).
/// Collections hold `ManifestNode`s so that every element keeps where it came from.
public enum ManifestValue: Sendable {
    /// An explicit or implied null (`null`, `~`, or nothing at all).
    case null
    /// A boolean.
    case bool(Bool)
    /// An integer that fits in 64 bits.
    case int(Int)
    /// A floating-point number, including `.inf` and `.nan`.
    case double(Double)
    /// A string.
    case string(String)
    /// A sequence, in document order.
    case sequence([ManifestNode])
    /// A mapping, with the order of its keys kept.
    case mapping(ManifestMapping)
}

extension ManifestValue: Equatable {
    /// Compares values structurally, ignoring source locations.
    ///
    /// NaN equals NaN so that a value always equals itself after a round trip.
    public static func == (lhs: ManifestValue, rhs: ManifestValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.sequence(a), .sequence(b)): return a == b
        case let (.mapping(a), .mapping(b)): return a == b
        default: return false
        }
    }
}

extension ManifestValue {
    /// The string, when this value is one.
    public var stringValue: String? {
        if case let .string(s) = self { return s }
        return nil
    }

    /// The mapping, when this value is one.
    public var mappingValue: ManifestMapping? {
        if case let .mapping(m) = self { return m }
        return nil
    }

    /// The elements, when this value is a sequence.
    public var sequenceValue: [ManifestNode]? {
        if case let .sequence(s) = self { return s }
        return nil
    }

    /// A short name of the value's type, as used in messages (`string`, `mapping`, ...).
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .sequence: return "sequence"
        case .mapping: return "mapping"
        }
    }
}
