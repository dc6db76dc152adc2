public import SMICore

// Each type's one list of output fields, which YAML writing, its manifest and `Encodable`
// share: declaration order, the keys `Decodable` reads, absent optionals left out.

extension Linkerd.PolicyV1Beta3.HTTPRoute: SpecResource {}
extension Linkerd.PolicyV1Alpha1.AuthorizationPolicy: SpecResource {}
extension Linkerd.PolicyV1Alpha1.MeshTLSAuthentication: SpecResource {}
extension Linkerd.PolicyV1Alpha1.NetworkAuthentication: SpecResource {}
extension Linkerd.PolicyV1Beta3.Server: SpecResource {}
extension Linkerd.V1Alpha2.ServiceProfile: SpecResource {}
extension Linkerd.GatewayV1Alpha2.TCPRoute: SpecResource {}

extension Linkerd.PolicyV1Beta3.HTTPRoute.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.ParentReference: FieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.Rule: FieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("matches", matches)
        mapping.field("backendRefs", backendRefs)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.Match: FieldsWritable {
    /// Writes the match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("path", path)
        mapping.field("headers", headers)
        mapping.field("method", method)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.PathMatch: FieldsWritable {
    /// Writes the path match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.HeaderMatch: FieldsWritable {
    /// Writes the header match.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("name", name)
        mapping.field("type", type)
        mapping.field("value", value)
    }
}

extension Linkerd.PolicyV1Beta3.HTTPRoute.BackendReference: FieldsWritable {
    /// Writes the backend.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("port", port)
        mapping.field("weight", weight)
    }
}

extension Linkerd.GatewayV1Alpha2.TCPRoute.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("parentRefs", parentRefs)
        mapping.field("rules", rules)
    }
}

extension Linkerd.GatewayV1Alpha2.TCPRoute.Rule: FieldsWritable {
    /// Writes the rule.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("backendRefs", backendRefs)
    }
}

extension Linkerd.PolicyV1Alpha1.AuthorizationPolicy.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("targetRef", targetRef)
        mapping.field("requiredAuthenticationRefs", requiredAuthenticationRefs)
    }
}

extension Linkerd.PolicyV1Alpha1.AuthorizationPolicy.Reference: FieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("group", group)
        mapping.field("kind", kind)
        mapping.field("name", name)
    }
}

extension Linkerd.PolicyV1Alpha1.MeshTLSAuthentication.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("identityRefs", identityRefs)
    }
}

extension Linkerd.PolicyV1Alpha1.NetworkAuthentication.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("networks", networks)
    }
}

extension Linkerd.PolicyV1Alpha1.NetworkAuthentication.Network: FieldsWritable {
    /// Writes the network.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("cidr", cidr)
    }
}

extension Linkerd.PolicyV1Alpha1.MeshTLSAuthentication.IdentityReference: FieldsWritable {
    /// Writes the reference.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("kind", kind)
        mapping.field("name", name)
        mapping.field("namespace", namespace)
    }
}

extension Linkerd.PolicyV1Beta3.Server.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("podSelector", podSelector)
        mapping.field("port", port)
        mapping.field("proxyProtocol", proxyProtocol)
        mapping.field("accessPolicy", accessPolicy)
    }
}

extension Linkerd.V1Alpha2.ServiceProfile.Spec: FieldsWritable {
    /// Writes the body.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("dstOverrides", dstOverrides)
    }
}

extension Linkerd.V1Alpha2.ServiceProfile.WeightedDestination: FieldsWritable {
    /// Writes the destination.
    public func writeFields(to mapping: inout FieldWriter) {
        mapping.field("authority", authority)
        mapping.field("weight", weight)
    }
}
