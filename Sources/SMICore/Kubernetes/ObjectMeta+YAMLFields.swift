extension ObjectMeta: YAMLFieldsWritable {
    /// Writes the fields in declaration order, as the `Encodable` conformance does.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("generateName", generateName)
        mapping.field("namespace", namespace)
        mapping.field("labels", labels)
        mapping.field("annotations", annotations)
        mapping.field("uid", uid)
        mapping.field("resourceVersion", resourceVersion)
        mapping.field("generation", generation)
        mapping.field("selfLink", selfLink)
        mapping.field("creationTimestamp", creationTimestamp)
        mapping.field("deletionTimestamp", deletionTimestamp)
        mapping.field("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
        mapping.field("ownerReferences", ownerReferences)
        mapping.field("finalizers", finalizers)
        mapping.field("managedFields", managedFields)
    }
}
