public import SMICore

/// consul-k8s' `ServiceDefaults` for one service: the protocol that gates L7 intentions,
/// splitters and routers, and strict mutual TLS so that no identity-less client bypasses
/// the intentions (Consul notes 2.3).
public struct ServiceDefaults: KubernetesResource, Equatable, Codable {
    /// The body.
    public struct Spec: Sendable, Equatable, Codable {
        /// `http` where L7 is used; absent to inherit.
        public var `protocol`: String?
        /// `strict`.
        public var mutualTLSMode: String
    }

    /// `consul.hashicorp.com/v1alpha1`.
    public var apiVersion = ConsulKinds.apiVersion
    /// `ServiceDefaults`.
    public var kind = "ServiceDefaults"
    /// Named after the Consul service.
    public var metadata: ObjectMeta
    /// The body.
    public var spec: Spec

    /// Creates defaults with strict mutual TLS.
    public init(metadata: ObjectMeta, protocol: String?) {
        self.metadata = metadata
        spec = Spec(protocol: `protocol`, mutualTLSMode: "strict")
    }
}
