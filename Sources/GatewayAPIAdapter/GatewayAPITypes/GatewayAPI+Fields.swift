public import SMICore

// Each type's one list of output fields, which YAML writing, its manifest and `Encodable`
// share: declaration order, the keys `Decodable` reads, absent optionals left out.

extension GatewayAPI.Route: SpecResource {}

extension GatewayAPI.Route.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension GatewayAPI.ParentReference: FieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
    }
}

extension GatewayAPI.BackendReference: FieldsWritable {
    /// Writes the backend.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
        mapping.field("weight", weight)
    }
}

extension GatewayAPI.HeaderMatch: FieldsWritable {
    /// Writes the header condition.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("type", type)
        mapping.field("name", name)
        mapping.field("value", value)
    }
}

extension GatewayAPI.HTTPRouteRule: FieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension GatewayAPI.HTTPRouteRule.Match: FieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("path", path)
        mapping.field("headers", headers)
        mapping.field("method", method)
    }
}

extension GatewayAPI.HTTPRouteRule.PathMatch: FieldsWritable {
    /// Writes the path condition.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension GatewayAPI.GRPCRouteRule: FieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension GatewayAPI.GRPCRouteRule.Match: FieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("method", method)
        mapping.field("headers", headers)
    }
}

extension GatewayAPI.GRPCRouteRule.MethodMatch: FieldsWritable {
    /// Writes the method condition.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("type", type)
        mapping.field("service", service)
        mapping.field("method", method)
    }
}

extension GatewayAPI.TCPRouteRule: FieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("backendRefs", backendRefs)
    }
}
