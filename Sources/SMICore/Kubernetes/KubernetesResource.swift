/// A Kubernetes object this library writes (the adapters' native kinds): what identifies it,
/// and its fields.
///
/// A `Rendering` keeps such objects typed until they are written, and sorts them by these
/// properties without writing them: `writeFields` must write `apiVersion`, `kind` and
/// `metadata` as the properties say. It is written as YAML field by field, and its manifest
/// and `Encodable` encoding are made from the same fields, which cannot fail.
public protocol KubernetesResource: FieldsWritable, Encodable {
    /// The object's `apiVersion`.
    var apiVersion: String { get }
    /// The object's `kind`.
    var kind: String { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get }
}
