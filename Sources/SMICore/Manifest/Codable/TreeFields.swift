/// A type that can be read straight from a tree, without Codable, when the tree is exactly
/// what the type describes; `nil` otherwise, and the caller decodes through
/// `ManifestDecoder`, which says what is wrong.
///
/// Decoding through Codable is most of the cost of reading SMI objects at mesh scale (a
/// generic container and a coding path for every field); well-formed documents, which are
/// nearly all of them, take this path, and give the same value.
protocol TreeDecodable {
    /// The value of `node`, or nil when anything about it is not plainly what the type reads.
    init?(tree node: ManifestNode)
}

/// The fields of a mapping, read strictly: every key a string and asked for exactly once, each
/// value of the expected type and never null.
///
/// `ManifestDecoder` reads such a mapping to the same values and reports nothing; for anything
/// else `TreeFields` gives up.
struct TreeFields {
    private let entries: [ManifestMapping.Entry]
    private var taken = 0

    /// The fields of `node`; nil unless it is a mapping with string keys.
    init?(_ node: ManifestNode) {
        guard case let .mapping(mapping) = node.value else { return nil }
        for index in mapping.entries.indices {
            guard case .string = mapping.entries[index].key.value else { return nil }
        }
        entries = mapping.entries
    }

    private mutating func take(_ key: String) -> ManifestNode? {
        // By index: only the entry asked for is copied out of the mapping.
        for index in entries.indices {
            if case let .string(k) = entries[index].key.value, k == key {
                taken += 1
                return entries[index].value
            }
        }
        return nil
    }

    /// The value of a field that must be present; nil to give up.
    mutating func required<T>(_ key: String, _ read: (ManifestNode) -> T?) -> T? {
        take(key).flatMap(read)
    }

    /// The value of a field that may be absent: `.some(nil)` when it is, nil to give up (it
    /// is there but cannot be read, null included).
    mutating func optional<T>(_ key: String, _ read: (ManifestNode) -> T?) -> T?? {
        guard let node = take(key) else { return .some(nil) }
        guard let value = read(node) else { return nil }
        return .some(value)
    }

    /// Whether every key was asked for (a key asked for by no field is unknown; a repeated
    /// key is taken once).
    var allTaken: Bool { taken == entries.count }
}

/// Strict readers of single values, for `TreeFields`.
enum TreeValue {
    /// A string, and nothing else.
    static func string(_ node: ManifestNode) -> String? {
        if case let .string(s) = node.value { return s }
        return nil
    }

    /// An integer written as one.
    static func int(_ node: ManifestNode) -> Int? {
        if case let .int(i) = node.value { return i }
        return nil
    }

    /// A value of a tree-decodable type.
    static func decoded<T: TreeDecodable>(_ node: ManifestNode) -> T? {
        T(tree: node)
    }

    /// A sequence whose every item `read` reads.
    static func array<T>(_ read: @escaping (ManifestNode) -> T?) -> (ManifestNode) -> [T]? {
        { node in
            guard case let .sequence(items) = node.value else { return nil }
            var values: [T] = []
            values.reserveCapacity(items.count)
            for index in items.indices {
                guard let value = read(items[index]) else { return nil }
                values.append(value)
            }
            return values
        }
    }
}
