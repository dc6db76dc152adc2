public import SMICore

extension Consul.V1Alpha1 {
    /// consul-k8s' `ServiceDefaults` for one service.
    ///
    /// The protocol that gates L7 intentions, splitters and routers, and strict mutual TLS so that
    /// no identity-less client bypasses the intentions (Consul notes 2.3).
    public struct ServiceDefaults: KubernetesResource, Equatable, Decodable {
        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// `http` where L7 is used; absent to inherit.
            public var `protocol`: String?
            /// `strict`; absent for Consul before 1.16, which has no such field.
            ///
            /// Nor a permissive mode: every inbound connection needs mutual TLS there.
            public var mutualTLSMode: String?
        }

        /// `consul.hashicorp.com/v1alpha1`.
        public var apiVersion = ConsulKinds.apiVersion
        /// `ServiceDefaults`.
        public var kind = "ServiceDefaults"
        /// Named after the Consul service.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates defaults with strict mutual TLS, written as a field when `withMutualTLSMode`.
        public init(metadata: ObjectMeta, protocol: String?, withMutualTLSMode: Bool = true) {
            self.metadata = metadata
            spec = Spec(protocol: `protocol`, mutualTLSMode: withMutualTLSMode ? "strict" : nil)
        }
    }
}
