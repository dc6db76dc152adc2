/// A mapping whose entries keep the order in which they were written.
///
/// Kubernetes manifests are mappings with string keys, but YAML allows any node as a key,
/// so keys are nodes too. Equality compares entries in order.
public struct ManifestMapping: Sendable, Equatable {
    /// One key and its value.
    public struct Entry: Sendable, Equatable {
        /// The key node.
        public var key: ManifestNode
        /// The value node.
        public var value: ManifestNode

        /// Creates an entry.
        public init(key: ManifestNode, value: ManifestNode) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in document order.
    public var entries: [Entry]

    /// Creates a mapping from entries in order.
    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// Creates a mapping from key/value pairs in order.
    public init(_ pairs: [(ManifestNode, ManifestNode)]) {
        self.entries = pairs.map { Entry(key: $0.0, value: $0.1) }
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// The value of the first entry whose key is the string `key`.
    public subscript(key: String) -> ManifestNode? {
        entry(forKey: key)?.value
    }

    /// The first entry whose key is the string `key`, with the key's own location.
    public func entry(forKey key: String) -> Entry? {
        // By index: only the entry found is copied out of the array.
        for index in entries.indices {
            if case let .string(k) = entries[index].key.value, k == key { return entries[index] }
        }
        return nil
    }

    /// Appends an entry with a string key.
    public mutating func append(_ key: String, _ value: ManifestNode) {
        entries.append(Entry(key: ManifestNode(.string(key)), value: value))
    }
}
