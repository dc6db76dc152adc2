/// A path to a field inside a manifest, printed as users write it: `spec.backends[1].weight`.
public struct FieldPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// One step of a path.
    public enum Component: Sendable, Hashable {
        /// A mapping key.
        case key(String)
        /// A sequence index.
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// Parses the printed form (`spec.backends[1].weight`).
    public init(stringLiteral value: String) {
        var components: [Component] = []
        for part in value.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                if let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) { indices.insert(i, at: 0) }
                name = name[..<open]
            }
            if !name.isEmpty { components.append(.key(String(name))) }
            components += indices.map { .index($0) }
        }
        self.components = components
    }

    /// Creates a path from a Codable coding path (integer keys become indices).
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let i = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(i) { return .index(i) }
            return .key(key.stringValue)
        }
    }

    /// This path extended by a key.
    public func appending(_ key: String) -> FieldPath { FieldPath(components + [.key(key)]) }
    /// This path extended by an index.
    public func appending(_ index: Int) -> FieldPath { FieldPath(components + [.index(index)]) }

    /// `spec.backends[1].weight`; the root prints as an empty string.
    public var description: String {
        var out = ""
        for component in components {
            switch component {
            case let .key(k):
                if !out.isEmpty { out += "." }
                out += k
            case let .index(i):
                out += "[\(i)]"
            }
        }
        return out
    }
}

extension ManifestNode {
    /// The node at `path` below this one, if there is one.
    public func node(at path: FieldPath) -> ManifestNode? {
        var current = self
        for component in path.components {
            switch (component, current.value) {
            case let (.key(k), .mapping(m)):
                guard let next = m[k] else { return nil }
                current = next
            case let (.index(i), .sequence(items)):
                guard items.indices.contains(i) else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }
}
