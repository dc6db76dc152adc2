/// A map of strings that keeps the order it was written in (labels, annotations, selectors):
/// output is deterministic.
///
/// Values must be strings, as in Kubernetes: an unquoted `yes` in an annotation is an error,
/// not the text "yes".
public struct StringMap: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral, Sequence {
    /// The entries in order.
    public private(set) var entries: [(key: String, value: String)]

    /// Creates a map from entries in order; a repeated key keeps its first position and
    /// takes the last value.
    public init(_ entries: [(key: String, value: String)] = []) {
        self.entries = []
        for (k, v) in entries { self[k] = v }
    }

    /// Creates a map from a literal, in the order written.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { (key: $0.0, value: $0.1) })
    }

    /// The value for `key`.
    public subscript(key: String) -> String? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// The number of entries.
    public var count: Int { entries.count }
    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// Iterates in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: String)]> { entries.makeIterator() }

    /// Equal when the same keys map to the same values, in any order.
    public static func == (lhs: StringMap, rhs: StringMap) -> Bool {
        lhs.count == rhs.count && lhs.entries.allSatisfy { rhs[$0.key] == $0.value }
    }

    /// Hashes the entries independently of their order.
    public func hash(into hasher: inout Hasher) {
        var combined = 0
        for (k, v) in entries { combined ^= k.hashValue ^ (v.hashValue &* 31) }
        hasher.combine(combined)
    }

    /// Decodes a mapping of strings, in document order.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: ManifestCodingKey.self)
        var entries: [(key: String, value: String)] = []
        for key in container.allKeys {
            entries.append((key.stringValue, try container.decode(String.self, forKey: key)))
        }
        self.init(entries)
    }

    /// Encodes a mapping in order.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ManifestCodingKey.self)
        for (k, v) in entries { try container.encode(v, forKey: ManifestCodingKey(stringValue: k)) }
    }
}
