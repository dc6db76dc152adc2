/// A value that writes itself as a YAML mapping field by field, without `Encodable`: the
/// adapters' resources and their parts. Encoding through Codable cost most of writing a
/// large rendering (a generic container, found at run time, for every object and field);
/// a resource that conforms is written straight to text.
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
/// Each `field` writes `key: value` (nothing when the value is nil), in the layout
/// `YAMLWriter` gives the same value's manifest.
public struct YAMLMappingWriter {
    @usableFromInline let stream: YAMLStreamEncoder
    @usableFromInline let frame: YAMLStreamEncoder.FrameReference

    @usableFromInline init(stream: YAMLStreamEncoder, frame: YAMLStreamEncoder.FrameReference) {
        self.stream = stream
        self.frame = frame
    }

    /// A string.
    public mutating func field(_ key: String, _ value: String?) {
        if let value { stream.fill(stream.entry(frame, key: key), .string(value)) }
    }

    /// An integer.
    public mutating func field(_ key: String, _ value: Int?) {
        if let value { stream.fill(stream.entry(frame, key: key), .int(value)) }
    }

    /// A boolean.
    public mutating func field(_ key: String, _ value: Bool?) {
        if let value { stream.fill(stream.entry(frame, key: key), .bool(value)) }
    }

    /// A floating-point number.
    public mutating func field(_ key: String, _ value: Double?) {
        if let value { stream.fill(stream.entry(frame, key: key), .double(value)) }
    }

    /// A manifest node, as it is.
    public mutating func field(_ key: String, _ value: ManifestNode?) {
        if let value { stream.fill(stream.entry(frame, key: key), value.value) }
    }

    /// A sequence of strings.
    public mutating func field(_ key: String, _ values: [String]?) {
        guard let values else { return }
        sequence(key) { stream, items in
            for value in values { stream.fill(stream.item(items), .string(value)) }
        }
    }

    /// A sequence of manifest nodes.
    public mutating func field(_ key: String, _ values: [ManifestNode]?) {
        guard let values else { return }
        sequence(key) { stream, items in
            for value in values { stream.fill(stream.item(items), value.value) }
        }
    }

    /// A mapping of strings, in its order.
    public mutating func field(_ key: String, _ map: StringMap?) {
        guard let map else { return }
        mapping(key) { stream, entries in
            for (name, value) in map { stream.fill(stream.entry(entries, key: name), .string(value)) }
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
        mapping(key) { stream, frame in
            var nested = YAMLMappingWriter(stream: stream, frame: frame)
            entries(&nested)
        }
    }

    /// A value that writes its own fields.
    @inlinable
    public mutating func field(_ key: String, _ value: (some YAMLFieldsWritable)?) {
        if let value { stream.write(value, in: stream.entry(frame, key: key)) }
    }

    /// A sequence of values that write their own fields.
    @inlinable
    public mutating func field(_ key: String, _ values: [some YAMLFieldsWritable]?) {
        guard let values else { return }
        sequence(key) { stream, items in
            for value in values { stream.write(value, in: stream.item(items)) }
        }
    }

    @usableFromInline
    func sequence(_ key: String, _ items: (YAMLStreamEncoder, YAMLStreamEncoder.FrameReference) -> Void) {
        let slot = stream.entry(frame, key: key)
        items(stream, stream.open(slot, mapping: false))
        stream.finish(slot)
    }

    @usableFromInline
    func mapping(_ key: String, _ entries: (YAMLStreamEncoder, YAMLStreamEncoder.FrameReference) -> Void) {
        let slot = stream.entry(frame, key: key)
        entries(stream, stream.open(slot, mapping: true))
        stream.finish(slot)
    }
}

extension YAMLStreamEncoder {
    /// Appends `value` as the text of one document, as `write(_:into:)` does for its
    /// `Encodable` conformance.
    static func write(fieldsOf value: some YAMLFieldsWritable, into out: inout OutputBuffer) -> Bool {
        writing(into: &out) { stream, root in stream.write(value, in: root) }
    }

    /// Writes `value`'s fields as the mapping that fills `slot`.
    @inlinable
    func write(_ value: some YAMLFieldsWritable, in slot: Slot) {
        var mapping = YAMLMappingWriter(stream: self, frame: open(slot, mapping: true))
        value.writeFields(to: &mapping)
        finish(slot)
    }
}

/// A resource of the usual shape (`apiVersion`, `kind`, `metadata`, `spec`, in that
/// order) whose body writes its own fields: it is then written field by field too.
public protocol YAMLSpecResource: KubernetesResource, YAMLFieldsWritable {
    /// The body's type.
    associatedtype Spec: YAMLFieldsWritable
    /// The body.
    var spec: Spec { get }
}

extension YAMLSpecResource {
    /// Writes `apiVersion`, `kind`, `metadata` and `spec`.
    @inlinable
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("apiVersion", apiVersion)
        mapping.field("kind", kind)
        mapping.field("metadata", metadata)
        mapping.field("spec", spec)
    }
}
