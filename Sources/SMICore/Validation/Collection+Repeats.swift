extension Collection {
    /// For each element in order, the offset of the first element before it with the same key,
    /// or nil for a first occurrence.
    ///
    /// The validator asks this of every object's short lists (a group's match names, a match's
    /// methods, a split's backends): those are compared pairwise, and only a long list is
    /// hashed, so that a mesh's hundreds of thousands of lists do not each make a table.
    func earlierRepeats<Key: Hashable>(by key: (Element) -> Key) -> [Int?] {
        let keys = map(key)
        guard keys.count > Self.pairwiseLimit else {
            return keys.indices.map { i in keys[..<i].firstIndex(of: keys[i]) }
        }
        var first: [Key: Int] = [:]
        return keys.indices.map { i in
            if let earlier = first[keys[i]] { return earlier }
            first[keys[i]] = i
            return nil
        }
    }

    /// Up to how many elements are compared pairwise.
    private static var pairwiseLimit: Int { 16 }
}
