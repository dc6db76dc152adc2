/// A value that writes itself as a YAML mapping field by field, without `Encodable`.
///
/// The adapters' resources and their parts.
///
/// Encoding through Codable cost most of writing a large rendering (a generic container, found
/// at run time, for every object and field); a resource that conforms is written straight to
/// text.
///
/// `writeFields` must write exactly what the value's `Encodable` conformance encodes: the
/// same keys, in the same order, absent optionals left out. The golden checks and the
/// pipeline fuzzer compare the YAML written this way with the YAML of the resources'
/// manifests, which Codable makes.
public protocol YAMLFieldsWritable: Sendable {
    /// Writes the value's fields, in order, as entries of `mapping`.
    func writeFields(to mapping: inout YAMLMappingWriter)
}

/// The entries of a mapping being written as YAML text, for `YAMLFieldsWritable` values.
///
/// Each `field` writes `key: value` (nothing when the value is nil), in the layout `YAMLWriter`
/// gives the same value's manifest. A value: it holds the text written so far, and is handed
/// from field to field.
public struct YAMLMappingWriter: Sendable {
    @usableFromInline typealias Slot = YAMLStreamState.Slot

    @usableFromInline var state: YAMLStreamState

    init(state: consuming YAMLStreamState) {
        self.state = state
    }

    /// A string.
    public mutating func field(_ key: String, _ value: String?) {
        if let value { state.fill(state.entry(key: key), .string(value)) }
    }

    /// An integer.
    public mutating func field(_ key: String, _ value: Int?) {
        if let value { state.fill(state.entry(key: key), .int(value)) }
    }

    /// A boolean.
    public mutating func field(_ key: String, _ value: Bool?) {
        if let value { state.fill(state.entry(key: key), .bool(value)) }
    }

    /// A floating-point number.
    public mutating func field(_ key: String, _ value: Double?) {
        if let value { state.fill(state.entry(key: key), .double(value)) }
    }

    /// A manifest node, as it is.
    public mutating func field(_ key: String, _ value: ManifestNode?) {
        if let value { state.fill(state.entry(key: key), value.value) }
    }

    /// A sequence of strings.
    public mutating func field(_ key: String, _ values: [String]?) {
        guard let values else { return }
        sequence(key) { writer in
            for value in values { writer.state.fill(writer.state.item(), .string(value)) }
        }
    }

    /// A sequence of manifest nodes.
    public mutating func field(_ key: String, _ values: [ManifestNode]?) {
        guard let values else { return }
        sequence(key) { writer in
            for value in values { writer.state.fill(writer.state.item(), value.value) }
        }
    }

    /// A mapping of strings, in its order.
    public mutating func field(_ key: String, _ map: StringMap?) {
        guard let map else { return }
        field(key) { entries in
            for (name, value) in map { entries.field(name, value) }
        }
    }

    /// A mapping by name, in the order of the names (see `encodeSortedIfPresent`).
    @inlinable
    public mutating func field(_ key: String, _ map: [String: some YAMLFieldsWritable]?) {
        guard let map else { return }
        field(key) { entries in
            for name in map.keys.sorted() { entries.field(name, map[name]) }
        }
    }

    /// A mapping whose entries `entries` writes: for keys known only when written.
    @inlinable
    public mutating func field(_ key: String, mapping entries: (inout YAMLMappingWriter) -> Void) {
        nested(in: state.entry(key: key), entries)
    }

    /// A value that writes its own fields.
    @inlinable
    public mutating func field(_ key: String, _ value: (some YAMLFieldsWritable)?) {
        if let value { write(value, in: state.entry(key: key)) }
    }

    /// A sequence of values that write their own fields.
    @inlinable
    public mutating func field(_ key: String, _ values: [some YAMLFieldsWritable]?) {
        guard let values else { return }
        sequence(key) { writer in
            for value in values { writer.write(value, in: writer.state.item()) }
        }
    }

    /// Writes `value`'s fields as the mapping that fills `slot`.
    @inlinable
    mutating func write(_ value: some YAMLFieldsWritable, in slot: Slot) {
        nested(in: slot) { value.writeFields(to: &$0) }
    }

    /// Writes, with `entries`, the mapping that fills `slot`.
    @usableFromInline
    mutating func nested(in slot: Slot, _ entries: (inout YAMLMappingWriter) -> Void) {
        state.open(slot, mapping: true)
        entries(&self)
        state.close()
    }

    /// Writes, with `items`, the sequence that is the value of `key`.
    @usableFromInline
    mutating func sequence(_ key: String, _ items: (inout YAMLMappingWriter) -> Void) {
        state.open(state.entry(key: key), mapping: false)
        items(&self)
        state.close()
    }

    /// Appends `value` as the text of one document (without a `---` before it); false,
    /// having appended nothing, when it wrote a key of a mapping twice (its manifest holds
    /// the key once: the manifest path writes that).
    static func write(_ value: some YAMLFieldsWritable, into out: inout OutputBuffer) -> Bool {
        let start = out.bytes.count
        var writer = YAMLMappingWriter(state: YAMLStreamState(out: OutputBuffer(capacity: 0)))
        swap(&writer.state.out, &out)
        writer.write(value, in: YAMLStreamState.root)
        let written = !writer.state.failed
        swap(&writer.state.out, &out)
        if !written { out.bytes.removeSubrange(start...) }
        return written
    }
}
