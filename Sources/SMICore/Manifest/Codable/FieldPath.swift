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
        // Paths are parsed wherever a literal stands for one, often in loops: ASCII text (one
        // character per byte) is parsed as bytes.
        var text = value
        components = text.withUTF8({ Self.asciiComponents($0) }) ?? Self.characterComponents(value)
    }

    /// The components of a printed form read character by character: split at dots, then
    /// trailing `[n]` groups are indices (a group that holds no integer is dropped).
    static func characterComponents(_ value: String) -> [Component] {
        var components: [Component] = []
        for part in value.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while name.hasSuffix("]"), let open = name.lastIndex(of: "[") {
                if let i = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                    indices.insert(i, at: 0)
                }
                name = name[..<open]
            }
            if !name.isEmpty { components.append(.key(String(name))) }
            components += indices.map { .index($0) }
        }
        return components
    }

    /// The components of an ASCII printed form, as `init(stringLiteral:)` reads it; nil
    /// for other text.
    private static func asciiComponents(_ bytes: UnsafeBufferPointer<UInt8>) -> [Component]? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var components: [Component] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: ".") { end += 1 }
            // `name[i]...[j]`: the name, then the indices; a bracket that holds no integer is dropped.
            var nameEnd = end
            var indices: [Int] = []
            while nameEnd > start && bytes[nameEnd - 1] == UInt8(ascii: "]") {
                guard let open = bytes[start..<nameEnd].lastIndex(of: UInt8(ascii: "[")) else { break }
                if let i = Int(String(decoding: bytes[(open + 1)..<(nameEnd - 1)], as: UTF8.self)) { indices.append(i) }
                nameEnd = open
            }
            if nameEnd > start { components.append(.key(String(decoding: bytes[start..<nameEnd], as: UTF8.self))) }
            components += indices.reversed().map { .index($0) }
            start = end + 1
        }
        return components
    }

    /// Creates a path from a Codable coding path (integer keys become indices).
    public init(codingPath: [any CodingKey]) {
        components = codingPath.map { key in
            if let i = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == String(i) {
                return .index(i)
            }
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

    /// Where the node at `path` starts, or the nearest node around it that exists (this one at
    /// worst).
    ///
    /// Where a diagnostic about that field points.
    public func location(nearest path: FieldPath) -> SourceLocation? {
        var probe = path
        while !probe.components.isEmpty {
            if let node = node(at: probe) { return node.location }
            probe.components.removeLast()
        }
        return location
    }
}
