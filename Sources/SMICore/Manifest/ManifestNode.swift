/// A value together with the place in the source text it was read from.
///
/// Nodes built in code (by `ManifestEncoder`, say) have no location. Two nodes are equal
/// when their values are; where they came from does not matter.
public struct ManifestNode: Sendable, Equatable {
    /// What the node holds.
    public var value: ManifestValue
    /// Where the node starts in its source text, if it was read from text.
    public var location: SourceLocation?

    /// Creates a node holding `value`, read at `location` if it came from text.
    public init(_ value: ManifestValue, at location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }

    /// Compares the values only.
    public static func == (lhs: ManifestNode, rhs: ManifestNode) -> Bool {
        lhs.value == rhs.value
    }

    /// Whether `other` has the same value and every node of it (keys included) the same
    /// location.
    ///
    /// The same text read twice, where `==` only says the same values.
    public func isIdentical(to other: ManifestNode) -> Bool {
        guard location == other.location else { return false }
        switch (value, other.value) {
        case let (.sequence(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isIdentical(to: $1) }
        case let (.mapping(a), .mapping(b)):
            return a.count == b.count
                && zip(a.entries, b.entries).allSatisfy {
                    $0.key.isIdentical(to: $1.key) && $0.value.isIdentical(to: $1.value)
                }
        default:
            return value == other.value
        }
    }
}

extension ManifestNode: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// A string node.
    public init(stringLiteral value: String) { self.init(.string(value)) }
    /// An integer node.
    public init(integerLiteral value: Int) { self.init(.int(value)) }
    /// A boolean node.
    public init(booleanLiteral value: Bool) { self.init(.bool(value)) }
    /// A floating-point node.
    public init(floatLiteral value: Double) { self.init(.double(value)) }
    /// A null node.
    public init(nilLiteral: ()) { self.init(.null) }
    /// A sequence node.
    public init(arrayLiteral elements: ManifestNode...) { self.init(.sequence(elements)) }
    /// A mapping node with string keys, in the order written.
    public init(dictionaryLiteral elements: (String, ManifestNode)...) {
        self.init(.mapping(ManifestMapping(elements.map { (ManifestNode(.string($0.0)), $0.1) })))
    }
}
