/// The entries of a mapping being written, for `FieldsWritable` values: as YAML text or as a manifest.
///
/// Each `field` writes `key: value` (nothing when the value is nil). As text, in the layout
/// `YAMLWriter` gives the same value's manifest; as a manifest, the node that text reads back
/// as. A value: it holds what was written so far, and is handed from field to field.
public struct FieldWriter: Sendable {
    @usableFromInline typealias Slot = YAMLStreamState.Slot

    /// The text, when writing text.
    var state: YAMLStreamState
    /// The manifest, when building one.
    private var tree = ManifestTreeState()
    /// Whether the writer builds a manifest rather than text.
    private let building: Bool

    init(state: consuming YAMLStreamState) {
        self.state = state
        building = false
    }

    /// A writer that builds a manifest (`builtRoot`).
    init() {
        state = YAMLStreamState(out: OutputBuffer(capacity: 0))
        building = true
    }

    /// The manifest built.
    var builtRoot: ManifestNode { tree.root }

    /// A string.
    public mutating func field(_ key: String, _ value: String?) {
        if let value { fill(entry(key: key), .string(value)) }
    }

    /// An integer.
    public mutating func field(_ key: String, _ value: Int?) {
        if let value { fill(entry(key: key), .int(value)) }
    }

    /// A boolean.
    public mutating func field(_ key: String, _ value: Bool?) {
        if let value { fill(entry(key: key), .bool(value)) }
    }

    /// A floating-point number.
    public mutating func field(_ key: String, _ value: Double?) {
        if let value { fill(entry(key: key), .double(value)) }
    }

    /// A manifest node, as it is.
    public mutating func field(_ key: String, _ value: ManifestNode?) {
        if let value { fill(entry(key: key), value.value) }
    }

    /// A sequence of strings.
    public mutating func field(_ key: String, _ values: [String]?) {
        guard let values else { return }
        sequence(key) { writer in
            for value in values { writer.fill(writer.item(), .string(value)) }
        }
    }

    /// A sequence of manifest nodes.
    public mutating func field(_ key: String, _ values: [ManifestNode]?) {
        guard let values else { return }
        sequence(key) { writer in
            for value in values { writer.fill(writer.item(), value.value) }
        }
    }

    /// A mapping of strings, in its order.
    public mutating func field(_ key: String, _ map: StringMap?) {
        guard let map else { return }
        field(key) { entries in
            for (name, value) in map { entries.field(name, value) }
        }
    }

    /// A mapping by name, in the order of the names, so that output never depends on hashing.
    @inlinable
    public mutating func field(_ key: String, _ map: [String: some FieldsWritable]?) {
        guard let map else { return }
        field(key) { entries in
            for name in map.keys.sorted() { entries.field(name, map[name]) }
        }
    }

    /// A mapping whose entries `entries` writes: for keys known only when written.
    @inlinable
    public mutating func field(_ key: String, mapping entries: (inout FieldWriter) -> Void) {
        nested(in: entry(key: key), entries)
    }

    /// A value that writes its own fields.
    @inlinable
    public mutating func field(_ key: String, _ value: (some FieldsWritable)?) {
        if let value { write(value, in: entry(key: key)) }
    }

    /// A sequence of values that write their own fields.
    @inlinable
    public mutating func field(_ key: String, _ values: [some FieldsWritable]?) {
        guard let values else { return }
        sequence(key) { writer in
            for value in values { writer.write(value, in: writer.item()) }
        }
    }

    /// Writes `value`'s fields as the mapping that fills `slot`.
    @inlinable
    mutating func write(_ value: some FieldsWritable, in slot: Slot) {
        nested(in: slot) { value.writeFields(to: &$0) }
    }

    /// Writes, with `entries`, the mapping that fills `slot`.
    @usableFromInline
    mutating func nested(in slot: Slot, _ entries: (inout FieldWriter) -> Void) {
        open(slot, mapping: true)
        entries(&self)
        close()
    }

    /// Writes, with `items`, the sequence that is the value of `key`.
    @usableFromInline
    mutating func sequence(_ key: String, _ items: (inout FieldWriter) -> Void) {
        open(entry(key: key), mapping: false)
        items(&self)
        close()
    }

    /// Starts a new entry `key` of the innermost mapping, and returns the slot of its value.
    @usableFromInline
    mutating func entry(key: String) -> Slot {
        building ? tree.entry(key: key) : state.entry(key: key)
    }

    /// Starts a new item of the innermost sequence, and returns the slot of its value.
    @usableFromInline
    mutating func item() -> Slot {
        building ? YAMLStreamState.Slot(kind: .item, parentIndent: 0) : state.item()
    }

    /// Puts a scalar (or a whole manifest node) in `slot`.
    @usableFromInline
    mutating func fill(_ slot: Slot, _ value: ManifestValue) {
        if building { tree.place(ManifestNode(value), in: slot.kind) } else { state.fill(slot, value) }
    }

    /// Opens the container that is the value of `slot`; its entries or items follow.
    mutating func open(_ slot: Slot, mapping: Bool) {
        if building { tree.open(slot.kind, mapping: mapping) } else { state.open(slot, mapping: mapping) }
    }

    /// Closes the innermost container.
    mutating func close() {
        if building { tree.close() } else { state.close() }
    }

    /// Appends `value` as the text of one document (without a `---` before it); false,
    /// having appended nothing, when it wrote a key of a mapping twice (its manifest holds
    /// the key once: the manifest path writes that).
    static func write(_ value: some FieldsWritable, into out: inout OutputBuffer) -> Bool {
        let start = out.bytes.count
        var writer = FieldWriter(state: YAMLStreamState(out: OutputBuffer(capacity: 0)))
        swap(&writer.state.out, &out)
        writer.write(value, in: YAMLStreamState.root)
        let written = !writer.state.failed
        swap(&writer.state.out, &out)
        if !written { out.bytes.removeSubrange(start...) }
        return written
    }
}
