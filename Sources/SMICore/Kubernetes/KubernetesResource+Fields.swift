/// A resource of the usual shape whose body writes its own fields.
///
/// Its fields are `apiVersion`, `kind`, `metadata` and `spec`, in that order, so its own field
/// list is its body's.
public protocol SpecResource: KubernetesResource {
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
