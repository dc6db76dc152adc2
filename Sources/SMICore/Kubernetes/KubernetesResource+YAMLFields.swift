/// A resource of the usual shape whose body writes its own fields.
///
/// Its fields are `apiVersion`, `kind`, `metadata` and `spec`, in that order: it is then
/// written field by field too.
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
