extension ObjectMeta: FieldsWritable {
    /// Writes the fields that are set, in `CodingKeys` order.
    public func writeFields(to mapping: inout FieldWriter) {
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
