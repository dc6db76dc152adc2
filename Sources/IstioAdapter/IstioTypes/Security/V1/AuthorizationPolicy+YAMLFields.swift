public import SMICore

// Each type writes its fields as its `Encodable` conformance encodes them: declaration
// order, absent optionals left out.

extension Istio.SecurityV1.AuthorizationPolicy: YAMLSpecResource {}

extension Istio.SecurityV1.AuthorizationPolicy.Spec: YAMLFieldsWritable {
    /// Writes the body straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("selector", selector)
        mapping.field("targetRefs", targetRefs)
        mapping.field("action", action)
        mapping.field("rules", rules)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.TargetReference: YAMLFieldsWritable {
    /// Writes the reference straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.WorkloadSelector: YAMLFieldsWritable {
    /// Writes the selector straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matchLabels", matchLabels)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Rule: YAMLFieldsWritable {
    /// Writes the rule straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("from", from)
        mapping.field("to", to)
        mapping.field("when", when)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.From: YAMLFieldsWritable {
    /// Writes the source clause straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("source", source)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Source: YAMLFieldsWritable {
    /// Writes the source straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("principals", principals)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.To: YAMLFieldsWritable {
    /// Writes the operation clause straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("operation", operation)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Operation: YAMLFieldsWritable {
    /// Writes the operation straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("ports", ports)
        mapping.field("methods", methods)
        mapping.field("paths", paths)
    }
}

extension Istio.SecurityV1.AuthorizationPolicy.Condition: YAMLFieldsWritable {
    /// Writes the condition straight to YAML.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("key", key)
        mapping.field("values", values)
    }
}
