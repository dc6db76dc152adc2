extension KeyedEncodingContainer {
    /// Writes `map` (when present) as a mapping in the order of its keys.
    ///
    /// A dictionary encodes itself in its iteration order, which Swift seeds anew in every
    /// process, so a resource holding one would be written differently from run to run.
    public mutating func encodeSortedIfPresent<Value: Encodable>(_ map: [String: Value]?, forKey key: Key) throws {
        guard let map else { return }
        var mapping = nestedContainer(keyedBy: ManifestCodingKey.self, forKey: key)
        for name in map.keys.sorted() {
            if let value = map[name] { try mapping.encode(value, forKey: ManifestCodingKey(stringValue: name)) }
        }
    }
}
