public import SMICore

// Each type's one list of output fields, which YAML writing, its manifest and `Encodable`
// share: declaration order, the keys `Decodable` reads, absent optionals left out.

extension Istio.SecurityV1.AuthorizationPolicy: SpecResource {}

extension Istio.SecurityV1.AuthorizationPolicy.Spec: FieldsWritable {
    /// Writes the body straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("selector", selector)
        mapping.field("targetRefs", targetRefs)
        mapping.field("action", action)
        mapping.field("rules", rules)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.TargetReference: FieldsWritable {
    /// Writes the reference straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.WorkloadSelector: FieldsWritable {
    /// Writes the selector straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("matchLabels", matchLabels)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Rule: FieldsWritable {
    /// Writes the rule straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("from", from)
        mapping.field("to", to)
        mapping.field("when", when)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.From: FieldsWritable {
    /// Writes the source clause straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("source", source)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Source: FieldsWritable {
    /// Writes the source straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("principals", principals)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.To: FieldsWritable {
    /// Writes the operation clause straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("operation", operation)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Operation: FieldsWritable {
    /// Writes the operation straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("ports", ports)
        mapping.field("methods", methods)
        mapping.field("paths", paths)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Condition: FieldsWritable {
    /// Writes the condition straight to YAML.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("key", key)
        mapping.field("values", values)
    }
}
