/// A resource of the usual shape whose body writes its own fields.
///
/// Its fields are `apiVersion`, `kind`, `metadata` and `spec`, in that order: it is then
/// written field by field too.
public protocol SpecResource: KubernetesResource, FieldsWritable {
    /// The body's type.
    associatedtype Spec: FieldsWritable
    /// The body.
    var spec: Spec { get }
}

extension SpecResource {
    /// Writes `apiVersion`, `kind`, `metadata` and `spec`.
    @inlinable
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("apiVersion", apiVersion)
        mapping.field("kind", kind)
        mapping.field("metadata", metadata)
        mapping.field("spec", spec)
    }
}
