public import SMICore

// Linkerd's resources are written straight to YAML. Each type writes its fields as its
// `Encodable` conformance encodes them: declaration order, absent optionals left out.

extension HTTPRoute: YAMLSpecResource {}
extension LinkerdAuthorizationPolicy: YAMLSpecResource {}
extension MeshTLSAuthentication: YAMLSpecResource {}
extension NetworkAuthentication: YAMLSpecResource {}
extension Server: YAMLSpecResource {}
extension ServiceProfile: YAMLSpecResource {}
extension TCPRoute: YAMLSpecResource {}

extension HTTPRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension HTTPRoute.ParentReference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
    }
}

extension HTTPRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension HTTPRoute.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("path", path)
        mapping.field("headers", headers)
        mapping.field("method", method)
    }
}

extension HTTPRoute.PathMatch: YAMLFieldsWritable {
    /// Writes the path match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension HTTPRoute.HeaderMatch: YAMLFieldsWritable {
    /// Writes the header match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension HTTPRoute.BackendReference: YAMLFieldsWritable {
    /// Writes the backend.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
        mapping.field("weight", weight)
    }
}

extension TCPRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension TCPRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("backendRefs", backendRefs)
    }
}

extension LinkerdAuthorizationPolicy.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("targetRef", targetRef)
        mapping.field("requiredAuthenticationRefs", requiredAuthenticationRefs)
    }
}

extension LinkerdAuthorizationPolicy.Reference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
    }
}

extension MeshTLSAuthentication.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("identityRefs", identityRefs)
    }
}

extension NetworkAuthentication.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("networks", networks)
    }
}

extension NetworkAuthentication.Network: YAMLFieldsWritable {
    /// Writes the network.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("cidr", cidr)
    }
}

extension MeshTLSAuthentication.IdentityReference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("namespace", namespace)
    }
}

extension Server.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("podSelector", podSelector)
        mapping.field("port", port)
        mapping.field("proxyProtocol", proxyProtocol)
        mapping.field("accessPolicy", accessPolicy)
    }
}

extension ServiceProfile.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("dstOverrides", dstOverrides)
    }
}

extension ServiceProfile.WeightedDestination: YAMLFieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("authority", authority)
        mapping.field("weight", weight)
    }
}
