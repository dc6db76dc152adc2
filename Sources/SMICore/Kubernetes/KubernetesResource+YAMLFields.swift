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
