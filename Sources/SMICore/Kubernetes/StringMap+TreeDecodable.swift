extension StringMap: TreeDecodable {
    /// The entries of a mapping of strings, in document order, no key repeated.
    init?(tree node: ManifestNode) {
        guard case let .mapping(mapping) = node.value else { return nil }
        var entries: [(key: String, value: String)] = []
        entries.reserveCapacity(mapping.count)
        for index in mapping.entries.indices {
            guard case let .string(key) = mapping.entries[index].key.value,
                case let .string(value) = mapping.entries[index].value.value
            else { return nil }
            entries.append((key, value))
        }
        self.init(entries)
        // A repeated key is left to Codable, which reports it.
        guard count == mapping.count else { return nil }
    }
}
