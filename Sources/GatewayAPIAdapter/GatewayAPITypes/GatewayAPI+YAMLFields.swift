public import SMICore

// Each writer lists the fields in the order of the type's declaration, as Codable does, so
// that both paths write the same bytes (GatewayAPIWriterTests compares them).

extension GatewayAPI.HTTPRoute: YAMLSpecResource {}
extension GatewayAPI.GRPCRoute: YAMLSpecResource {}
extension GatewayAPI.TCPRoute: YAMLSpecResource {}

extension GatewayAPI.ParentReference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
    }
}

extension GatewayAPI.BackendReference: YAMLFieldsWritable {
    /// Writes the backend.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
        mapping.field("weight", weight)
    }
}

extension GatewayAPI.HeaderMatch: YAMLFieldsWritable {
    /// Writes the header condition.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("name", name)
        mapping.field("value", value)
    }
}

extension GatewayAPI.HTTPRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension GatewayAPI.HTTPRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension GatewayAPI.HTTPRoute.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("path", path)
        mapping.field("headers", headers)
        mapping.field("method", method)
    }
}

extension GatewayAPI.HTTPRoute.PathMatch: YAMLFieldsWritable {
    /// Writes the path condition.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension GatewayAPI.GRPCRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension GatewayAPI.GRPCRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension GatewayAPI.GRPCRoute.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("method", method)
        mapping.field("headers", headers)
    }
}

extension GatewayAPI.GRPCRoute.MethodMatch: YAMLFieldsWritable {
    /// Writes the method condition.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("service", service)
        mapping.field("method", method)
    }
}

extension GatewayAPI.TCPRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension GatewayAPI.TCPRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("backendRefs", backendRefs)
    }
}
