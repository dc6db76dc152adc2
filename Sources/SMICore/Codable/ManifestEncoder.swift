/// Encodes `Encodable` types into manifest nodes, keeping the order in which a type
/// encodes its fields (declaration order for synthesized conformances) so that output is
/// deterministic and reads like hand-written manifests. Absent optionals are omitted,
/// never written as `null`.
public struct ManifestEncoder: Sendable {
    /// Creates an encoder.
    public init() {}

    /// Encodes `value` into a node.
    public func encode<T: Encodable>(_ value: T) throws(ManifestEncodingError) -> ManifestNode {
        if let node = value as? ManifestNode { return node }
        let root = EncodingSlot()
        do {
            try value.encode(to: NodeEncoder(slot: root, parentPath: []))
        } catch let error as ManifestEncodingError {
            throw error
        } catch let error as EncodingError {
            if case let .invalidValue(_, context) = error {
                throw ManifestEncodingError(message: context.debugDescription, path: FieldPath(codingPath: context.codingPath))
            }
            throw ManifestEncodingError(message: "\(error)", path: FieldPath())
        } catch {
            throw ManifestEncodingError(message: "\(error)", path: FieldPath())
        }
        return root.node
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

/// Where an encoder puts what it encodes: nothing yet, a finished node, or a mapping or
/// sequence still being filled by containers.
final class EncodingSlot {
    enum Content {
        case empty
        case node(ManifestNode)
        case mapping(MappingBuilder)
        case sequence(SequenceBuilder)
    }

    var content: Content = .empty

    var node: ManifestNode {
        switch content {
        case .empty: return ManifestNode(.mapping(ManifestMapping()))
        case let .node(n): return n
        case let .mapping(m): return m.node
        case let .sequence(s): return s.node
        }
    }

    func mapping() -> MappingBuilder {
        if case let .mapping(m) = content { return m }
        let m = MappingBuilder()
        content = .mapping(m)
        return m
    }

    func sequence() -> SequenceBuilder {
        if case let .sequence(s) = content { return s }
        let s = SequenceBuilder()
        content = .sequence(s)
        return s
    }
}

final class MappingBuilder {
    private var keys: [String] = []
    private var slots: [EncodingSlot] = []
    /// Positions by key, built once the mapping is large enough for a scan to cost more.
    private var index: [String: Int]?

    func slot(_ key: String) -> EncodingSlot {
        if let index {
            if let i = index[key] { return slots[i] }
        } else if let i = keys.firstIndex(of: key) {
            return slots[i]
        }
        let s = EncodingSlot()
        keys.append(key)
        slots.append(s)
        if index != nil {
            index?[key] = keys.count - 1
        } else if keys.count > 16 {
            index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return s
    }

    var node: ManifestNode {
        var m = ManifestMapping()
        m.entries.reserveCapacity(keys.count)
        for (key, slot) in zip(keys, slots) { m.append(key, slot.node) }
        return ManifestNode(.mapping(m))
    }
}

final class SequenceBuilder {
    var slots: [EncodingSlot] = []

    func append() -> EncodingSlot {
        let s = EncodingSlot()
        slots.append(s)
        return s
    }

    var node: ManifestNode { ManifestNode(.sequence(slots.map(\.node))) }
}

struct NodeEncoder: Encoder {
    let slot: EncodingSlot
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
        KeyedEncodingContainer(KeyedNodeEncoder<Key>(builder: slot.mapping(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedNodeEncoder(builder: slot.sequence(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    static func encode<T: Encodable>(_ value: T, into encoder: NodeEncoder) throws {
        if let node = value as? ManifestNode {
            encoder.slot.content = .node(node)
            return
        }
        try value.encode(to: encoder)
    }
}

extension NodeEncoder: SingleValueEncodingContainer {
    private func set(_ value: ManifestValue) { slot.content = .node(ManifestNode(value)) }

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
            throw ManifestEncodingError(message: "\(value) does not fit in a 64-bit signed integer", path: FieldPath(codingPath: codingPath))
        }
        set(.int(v))
    }

    func encode<T: Encodable>(_ value: T) throws {
        try Self.encode(value, into: self)
    }
}

struct KeyedNodeEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let builder: MappingBuilder
    let codingPath: [any CodingKey]

    private func encoder(_ key: Key) -> NodeEncoder {
        NodeEncoder(slot: builder.slot(key.stringValue), parentPath: codingPath, key: key)
    }

    mutating func encodeNil(forKey key: Key) { encoder(key).encodeNil() }
    mutating func encode(_ value: Bool, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: String, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Double, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Float, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Int, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Int16, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Int32, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: Int64, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encoder(key).encode(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: UInt16, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: UInt32, forKey key: Key) { encoder(key).encode(value) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { try encoder(key).encode(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try encoder(key).encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        encoder(key).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder(key).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        NodeEncoder(slot: builder.slot("super"), parentPath: codingPath, key: ManifestCodingKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder(key) }
}

struct UnkeyedNodeEncoder: UnkeyedEncodingContainer {
    let builder: SequenceBuilder
    let codingPath: [any CodingKey]
    var count: Int { builder.slots.count }

    private func encoder() -> NodeEncoder {
        let index = builder.slots.count
        return NodeEncoder(slot: builder.append(), parentPath: codingPath, key: ManifestCodingKey(intValue: index))
    }

    mutating func encodeNil() { encoder().encodeNil() }
    mutating func encode(_ value: Bool) { encoder().encode(value) }
    mutating func encode(_ value: String) { encoder().encode(value) }
    mutating func encode(_ value: Double) { encoder().encode(value) }
    mutating func encode(_ value: Float) { encoder().encode(value) }
    mutating func encode(_ value: Int) { encoder().encode(value) }
    mutating func encode(_ value: Int8) { encoder().encode(value) }
    mutating func encode(_ value: Int16) { encoder().encode(value) }
    mutating func encode(_ value: Int32) { encoder().encode(value) }
    mutating func encode(_ value: Int64) { encoder().encode(value) }
    mutating func encode(_ value: UInt) throws { try encoder().encode(value) }
    mutating func encode(_ value: UInt8) { encoder().encode(value) }
    mutating func encode(_ value: UInt16) { encoder().encode(value) }
    mutating func encode(_ value: UInt32) { encoder().encode(value) }
    mutating func encode(_ value: UInt64) throws { try encoder().encode(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try encoder().encode(value) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        encoder().container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { encoder().unkeyedContainer() }

    mutating func superEncoder() -> any Encoder { encoder() }
}
