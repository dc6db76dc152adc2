/// Encodes `Encodable` types into manifest nodes, keeping the order in which a type encodes its
/// fields.
///
/// That is declaration order for synthesized conformances, so that output is deterministic and
/// reads like hand-written manifests. Absent optionals are omitted, never written as `null`.
public struct ManifestEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Encodes `value` into a node.
    public func encode<T: Encodable>(_ value: T) throws(ManifestEncodingError) -> ManifestNode {
        if let node = value as? ManifestNode { return node }
        let root = NodeBuilder(isMapping: false)
        let position = root.appendPosition()
        do {
            try value.encode(to: NodeEncoder(builder: root, position: position, parentPath: []))
        } catch let error as ManifestEncodingError {
            throw error
        } catch let error as EncodingError {
            if case let .invalidValue(_, context) = error {
                throw ManifestEncodingError(
                    message: context.debugDescription, path: FieldPath(codingPath: context.codingPath))
            }
            throw ManifestEncodingError(message: "\(error)", path: FieldPath())
        } catch {
            throw ManifestEncodingError(message: "\(error)", path: FieldPath())
        }
        return NodeBuilder.node(of: root.parts[position])
    }
}

/// A value that could not be encoded, and the field it is in.
public struct ManifestEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// The field, from the root.
    public var path: FieldPath

    /// `path: message`.
    public var description: String {
        path.components.isEmpty ? message : "\(path): \(message)"
    }
}

/// A mapping or sequence still being filled by containers.
///
/// Scalars are stored as finished nodes in place; only nested mappings and sequences get a
/// builder of their own, so a field costs no allocation beyond its value. Builders become nodes
/// once encoding ends.
final class NodeBuilder {
    /// What one entry holds so far.
    enum Part {
        /// Nothing was encoded (written as an empty mapping, as for a type with no fields).
        case empty
        case node(ManifestNode)
        case builder(NodeBuilder)
    }

    let isMapping: Bool
    /// The keys of a mapping's entries, in the order first encoded; empty for sequences.
    private(set) var keys: [String] = []
    var parts: [Part] = []
    /// Positions by key, built once the mapping is large enough for a scan to cost more.
    private var index: [String: Int]?

    init(isMapping: Bool) {
        self.isMapping = isMapping
    }

    /// The position of `key`'s entry, added empty if the key is new.
    func position(of key: String) -> Int {
        if let index {
            if let i = index[key] { return i }
        } else if let i = keys.firstIndex(of: key) {
            return i
        }
        keys.append(key)
        parts.append(.empty)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > 16 {
            index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return keys.count - 1
    }

    /// The position of a new last element of a sequence.
    func appendPosition() -> Int {
        parts.append(.empty)
        return parts.count - 1
    }

    /// The builder of the mapping (or sequence) at `position`, made if something else is there.
    func child(at position: Int, mapping: Bool) -> NodeBuilder {
        if case let .builder(b) = parts[position], b.isMapping == mapping { return b }
        let b = NodeBuilder(isMapping: mapping)
        parts[position] = .builder(b)
        return b
    }

    static func node(of part: Part) -> ManifestNode {
        switch part {
        case .empty: ManifestNode(.mapping(ManifestMapping()))
        case let .node(n): n
        case let .builder(b): b.node
        }
    }

    var node: ManifestNode {
        guard isMapping else { return ManifestNode(.sequence(parts.map(Self.node(of:)))) }
        var m = ManifestMapping()
        m.entries.reserveCapacity(keys.count)
        for (key, part) in zip(keys, parts) { m.append(key, Self.node(of: part)) }
        return ManifestNode(.mapping(m))
    }
}

/// The encoder of one value: the entry at `position` of `builder`.
struct NodeEncoder: Encoder {
    let builder: NodeBuilder
    let position: Int
    /// The path to the container this encoder's value sits in, and the value's key there:
    /// `codingPath` is only put together when asked for (by a nested container or an error),
    /// not for every scalar.
    let parentPath: [any CodingKey]
    var key: (any CodingKey)? = nil
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    var codingPath: [any CodingKey] {
        key.map { parentPath + [$0] } ?? parentPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(
            KeyedNodeEncoder<Key>(builder: builder.child(at: position, mapping: true), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeEncoder(builder: builder.child(at: position, mapping: false), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    static func encode<T: Encodable>(_ value: T, into encoder: NodeEncoder) throws {
        if let node = value as? ManifestNode {
            encoder.builder.parts[encoder.position] = .node(node)
            return
        }
        try value.encode(to: encoder)
    }
}

extension NodeEncoder: SingleValueEncodingContainer {
    private func set(_ value: ManifestValue) { builder.parts[position] = .node(ManifestNode(value)) }

    func encodeNil() { set(.null) }
    func encode(_ value: Bool) { set(.bool(value)) }
    func encode(_ value: String) { set(.string(value)) }
    func encode(_ value: Double) { set(.double(value)) }
    func encode(_ value: Float) { set(.double(Double(value))) }
    func encode(_ value: Int) { set(.int(value)) }
    func encode(_ value: Int8) { set(.int(Int(value))) }
    func encode(_ value: Int16) { set(.int(Int(value))) }
    func encode(_ value: Int32) { set(.int(Int(value))) }
    func encode(_ value: Int64) { set(.int(Int(value))) }
    func encode(_ value: UInt) throws { try encodeUnsigned(value) }
    func encode(_ value: UInt8) { set(.int(Int(value))) }
    func encode(_ value: UInt16) { set(.int(Int(value))) }
    func encode(_ value: UInt32) { set(.int(Int(value))) }
    func encode(_ value: UInt64) throws { try encodeUnsigned(value) }

    private func encodeUnsigned<U: UnsignedInteger>(_ value: U) throws {
        guard let v = Int(exactly: value) else {
            throw ManifestEncodingError(
                message: "\(value) does not fit in a 64-bit signed integer", path: FieldPath(codingPath: codingPath))
        }
        set(.int(v))
    }

    func encode<T: Encodable>(_ value: T) throws {
        try Self.encode(value, into: self)
    }
}

/// A keyed container: scalars are stored in the mapping directly, without an encoder each.
struct KeyedNodeEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: NodeBuilder
    let codingPath: [any CodingKey]

    private func encoder(_ key: Key) -> NodeEncoder {
        NodeEncoder(builder: builder, position: builder.position(of: key.stringValue), parentPath: codingPath, key: key)
    }

    private func set(_ value: ManifestValue, _ key: Key) {
        builder.parts[builder.position(of: key.stringValue)] = .node(ManifestNode(value))
    }

    mutating func encodeNil(forKey key: Key) { set(.null, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { set(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encoder(key).encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(.int(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encoder(key).encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try NodeEncoder.encode(value, into: encoder(key))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(
            builder: builder, position: builder.position(of: "super"), parentPath: codingPath,
            key: ManifestCodingKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(key) }
}

/// An unkeyed container: scalars are appended to the sequence directly.
struct UnkeyedNodeEncoder: UnkeyedEncodingContainer {
    let builder: NodeBuilder
    let codingPath: [any CodingKey]
    var count: Int { builder.parts.count }

    private func encoder() -> NodeEncoder {
        let index = builder.appendPosition()
        return NodeEncoder(
            builder: builder, position: index, parentPath: codingPath, key: ManifestCodingKey(intValue: index))
    }

    private func append(_ value: ManifestValue) { builder.parts.append(.node(ManifestNode(value))) }

    mutating func encodeNil() { append(.null) }
    mutating func encode(_ value: Bool) { append(.bool(value)) }
    mutating func encode(_ value: String) { append(.string(value)) }
    mutating func encode(_ value: Double) { append(.double(value)) }
    mutating func encode(_ value: Float) { append(.double(Double(value))) }
    mutating func encode(_ value: Int) { append(.int(value)) }
    mutating func encode(_ value: Int8) { append(.int(Int(value))) }
    mutating func encode(_ value: Int16) { append(.int(Int(value))) }
    mutating func encode(_ value: Int32) { append(.int(Int(value))) }
    mutating func encode(_ value: Int64) { append(.int(Int(value))) }
    mutating func encode(_ value: UInt) throws { try encoder().encode(value) }
    mutating func encode(_ value: UInt8) { append(.int(Int(value))) }
    mutating func encode(_ value: UInt16) { append(.int(Int(value))) }
    mutating func encode(_ value: UInt32) { append(.int(Int(value))) }
    mutating func encode(_ value: UInt64) throws { try encoder().encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try NodeEncoder.encode(value, into: encoder()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        encoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { encoder() }
}
