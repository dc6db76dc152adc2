public import SMICore

// Linkerd's resources are written straight to YAML. Each type writes its fields as its
// `Encodable` conformance encodes them: declaration order, absent optionals left out.

extension Linkerd.PolicyV1Beta3.HTTPRoute: YAMLSpecResource {}
extension Linkerd.PolicyV1Alpha1.AuthorizationPolicy: YAMLSpecResource {}
extension Linkerd.PolicyV1Alpha1.MeshTLSAuthentication: YAMLSpecResource {}
extension Linkerd.PolicyV1Alpha1.NetworkAuthentication: YAMLSpecResource {}
extension Linkerd.PolicyV1Beta3.Server: YAMLSpecResource {}
extension Linkerd.V1Alpha2.ServiceProfile: YAMLSpecResource {}
extension Linkerd.GatewayV1Alpha2.TCPRoute: YAMLSpecResource {}

extension Linkerd.PolicyV1Beta3.HTTPRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.ParentReference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.Match: YAMLFieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("path", path)
        mapping.field("headers", headers)
        mapping.field("method", method)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.PathMatch: YAMLFieldsWritable {
    /// Writes the path match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.HeaderMatch: YAMLFieldsWritable {
    /// Writes the header match.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("name", name)
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.BackendReference: YAMLFieldsWritable {
    /// Writes the backend.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
        mapping.field("weight", weight)
    }
}

extension Linkerd.GatewayV1Alpha2.TCPRoute.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension Linkerd.GatewayV1Alpha2.TCPRoute.Rule: YAMLFieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("backendRefs", backendRefs)
    }
}

extension Linkerd.PolicyV1Alpha1.AuthorizationPolicy.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("targetRef", targetRef)
        mapping.field("requiredAuthenticationRefs", requiredAuthenticationRefs)
    }
}

extension Linkerd.PolicyV1Alpha1.AuthorizationPolicy.Reference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
    }
}

extension Linkerd.PolicyV1Alpha1.MeshTLSAuthentication.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("identityRefs", identityRefs)
    }
}

extension Linkerd.PolicyV1Alpha1.NetworkAuthentication.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("networks", networks)
    }
}

extension Linkerd.PolicyV1Alpha1.NetworkAuthentication.Network: YAMLFieldsWritable {
    /// Writes the network.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("cidr", cidr)
    }
}

extension Linkerd.PolicyV1Alpha1.MeshTLSAuthentication.IdentityReference: YAMLFieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("namespace", namespace)
    }
}

extension Linkerd.PolicyV1Beta3.Server.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("podSelector", podSelector)
        mapping.field("port", port)
        mapping.field("proxyProtocol", proxyProtocol)
        mapping.field("accessPolicy", accessPolicy)
    }
}

extension Linkerd.V1Alpha2.ServiceProfile.Spec: YAMLFieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("dstOverrides", dstOverrides)
    }
}

extension Linkerd.V1Alpha2.ServiceProfile.WeightedDestination: YAMLFieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout YAMLMappingWriter) {
        mapping.field("authority", authority)
        mapping.field("weight", weight)
    }
}
