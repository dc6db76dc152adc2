/// A value that declares its fields once, for YAML writing, its manifest and `Encodable` alike.
///
/// The adapters' resources and their parts. `writeFields` is the one list of a type's fields
/// on output: `FieldWriter` writes it straight to YAML text (Codable's generic containers cost
/// most of writing a large rendering), or builds the value's manifest from it, which
/// `Encodable` encodes. The two cannot disagree, and building a manifest cannot fail, so a
/// rendering never loses a resource on write.
///
/// `writeFields` writes the keys that the type's `Decodable` conformance reads: the golden
/// checks and the field-writing tests decode the manifest again and compare it with the value.
public protocol FieldsWritable: Sendable {
    /// Writes the value's fields, in order, as entries of `mapping`.
    func writeFields(to mapping: inout FieldWriter)
}

extension FieldsWritable {
    /// The value as a manifest: a mapping of the fields `writeFields` writes.
    public var manifest: ManifestNode {
        var writer = FieldWriter()
        writer.write(self, in: YAMLStreamState.root)
        return writer.builtRoot
    }
}

extension FieldsWritable where Self: Encodable {
    /// Encodes the value's manifest, so that `Encodable` has the fields of `writeFields`.
    ///
    /// - Throws: Only what `encoder` throws for a plain value; the manifest itself cannot fail.
    public func encode(to encoder: any Encoder) throws {
        try manifest.encode(to: encoder)
    }
}
