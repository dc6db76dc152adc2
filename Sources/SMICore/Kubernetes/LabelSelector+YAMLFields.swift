extension LabelSelector: YAMLFieldsWritable {
    /// Writes the parts it has, in declaration order, as the `Encodable` conformance does.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matchLabels", matchLabels)
        mapping.field("matchExpressions", matchExpressions)
    }
}

extension LabelSelector.Requirement: YAMLFieldsWritable {
    /// Writes the requirement.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("key", key)
        mapping.field("operator", `operator`)
        mapping.field("values", values)
    }
}
