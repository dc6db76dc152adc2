extension LabelSelector: FieldsWritable {
    /// Writes the parts it has, in declaration order, under the keys `Decodable` reads.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("matchLabels", matchLabels)
        mapping.field("matchExpressions", matchExpressions)
    }
}

extension LabelSelector.Requirement: FieldsWritable {
    /// Writes the requirement.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("key", key)
        mapping.field("operator", `operator`)
        mapping.field("values", values)
    }
}
