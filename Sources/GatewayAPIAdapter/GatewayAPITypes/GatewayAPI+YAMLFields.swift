public import SMICore

// Each writer lists the fields in the order of the type's declaration, as Codable does, so
// that both paths write the same bytes (GatewayAPIWriterTests compares them).

extension GatewayAPI.Route: YAMLFieldsWritable, YAMLSpecResource where Rule: YAMLFieldsWritable {}

extension GatewayAPI.Route.Spec: YAMLFieldsWritable where Rule: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

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

extension GatewayAPI.HTTPRouteRule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension GatewayAPI.HTTPRouteRule.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("path", path)
        mapping.field("headers", headers)
        mapping.field("method", method)
    }
}

extension GatewayAPI.HTTPRouteRule.PathMatch: YAMLFieldsWritable {
    /// Writes the path condition.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension GatewayAPI.GRPCRouteRule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension GatewayAPI.GRPCRouteRule.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("method", method)
        mapping.field("headers", headers)
    }
}

extension GatewayAPI.GRPCRouteRule.MethodMatch: YAMLFieldsWritable {
    /// Writes the method condition.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("service", service)
        mapping.field("method", method)
    }
}

extension GatewayAPI.TCPRouteRule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("backendRefs", backendRefs)
    }
}
