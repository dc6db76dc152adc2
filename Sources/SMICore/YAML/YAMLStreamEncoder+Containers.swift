/// The encoder of one slot, which is also its single-value container. Coding paths are not
/// kept: nothing written here reads them, and errors are reported by the manifest path.
struct YAMLSlotEncoder: Encoder, SingleValueEncodingContainer {
    let stream: YAMLStreamEncoder
    let slot: YAMLStreamEncoder.Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(YAMLKeyedStreamEncoder<Key>(stream: stream, frame: stream.open(slot, mapping: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        YAMLUnkeyedStreamEncoder(stream: stream, frame: stream.open(slot, mapping: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() { stream.fill(slot, .null) }
    func encode(_ value: Bool) { stream.fill(slot, .bool(value)) }
    func encode(_ value: String) { stream.fill(slot, .string(value)) }
    func encode(_ value: Double) { stream.fill(slot, .double(value)) }
    func encode(_ value: Float) { stream.fill(slot, .double(Double(value))) }
    func encode(_ value: Int) { stream.fill(slot, .int(value)) }
    func encode(_ value: Int8) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: Int16) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: Int32) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: Int64) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: UInt) { stream.fill(slot, unsigned: value) }
    func encode(_ value: UInt8) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: UInt16) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: UInt32) { stream.fill(slot, .int(Int(value))) }
    func encode(_ value: UInt64) { stream.fill(slot, unsigned: value) }
    func encode<T: Encodable>(_ value: T) throws { try stream.encode(value, in: slot) }
}

/// A mapping being written.
struct YAMLKeyedStreamEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let stream: YAMLStreamEncoder
    let frame: YAMLStreamEncoder.FrameReference
    var codingPath: [any CodingKey] { [] }

    private func slot(_ key: Key) -> YAMLStreamEncoder.Slot { stream.entry(frame, key: key.stringValue) }

    mutating func encodeNil(forKey key: Key) { stream.fill(slot(key), .null) }
    mutating func encode(_ value: Bool, forKey key: Key) { stream.fill(slot(key), .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) { stream.fill(slot(key), .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) { stream.fill(slot(key), .double(value)) }
    mutating func encode(_ value: Float, forKey key: Key) { stream.fill(slot(key), .double(Double(value))) }
    mutating func encode(_ value: Int, forKey key: Key) { stream.fill(slot(key), .int(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: UInt, forKey key: Key) { stream.fill(slot(key), unsigned: value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) { stream.fill(slot(key), .int(Int(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) { stream.fill(slot(key), unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try stream.encode(value, in: slot(key)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(YAMLKeyedStreamEncoder<NestedKey>(stream: stream, frame: stream.open(slot(key), mapping: true)))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        YAMLUnkeyedStreamEncoder(stream: stream, frame: stream.open(slot(key), mapping: false))
    }

    mutating func superEncoder() -> any Encoder {
        YAMLSlotEncoder(stream: stream, slot: stream.entry(frame, key: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder { YAMLSlotEncoder(stream: stream, slot: slot(key)) }
}

/// A sequence being written.
struct YAMLUnkeyedStreamEncoder: UnkeyedEncodingContainer {
    let stream: YAMLStreamEncoder
    let frame: YAMLStreamEncoder.FrameReference
    var codingPath: [any CodingKey] { [] }
    var count: Int { stream.count(frame) }

    private func slot() -> YAMLStreamEncoder.Slot { stream.item(frame) }

    mutating func encodeNil() { stream.fill(slot(), .null) }
    mutating func encode(_ value: Bool) { stream.fill(slot(), .bool(value)) }
    mutating func encode(_ value: String) { stream.fill(slot(), .string(value)) }
    mutating func encode(_ value: Double) { stream.fill(slot(), .double(value)) }
    mutating func encode(_ value: Float) { stream.fill(slot(), .double(Double(value))) }
    mutating func encode(_ value: Int) { stream.fill(slot(), .int(value)) }
    mutating func encode(_ value: Int8) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: Int16) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: Int32) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: Int64) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: UInt) { stream.fill(slot(), unsigned: value) }
    mutating func encode(_ value: UInt8) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: UInt16) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: UInt32) { stream.fill(slot(), .int(Int(value))) }
    mutating func encode(_ value: UInt64) { stream.fill(slot(), unsigned: value) }
    mutating func encode<T: Encodable>(_ value: T) throws { try stream.encode(value, in: slot()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        KeyedEncodingContainer(YAMLKeyedStreamEncoder<NestedKey>(stream: stream, frame: stream.open(slot(), mapping: true)))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        YAMLUnkeyedStreamEncoder(stream: stream, frame: stream.open(slot(), mapping: false))
    }

    mutating func superEncoder() -> any Encoder { YAMLSlotEncoder(stream: stream, slot: slot()) }
}
