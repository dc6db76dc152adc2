public import SMICore

extension Linkerd.PolicyV1Beta3 {
    /// Linkerd's `policy.linkerd.io/v1beta3` Server.
    ///
    /// One port on the pods its selector picks, with the policy for clients no authorization names.
    public struct Server: KubernetesResource, Equatable, Decodable {
        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The pods, by labels and label requirements.
            public var podSelector: LabelSelector
            /// The container port number.
            public var port: Int
            /// `unknown` (detect), `HTTP/1`, `HTTP/2`, `gRPC`, `opaque` or `TLS`.
            ///
            /// Absent (a Server of the input) is the CRD's default, `unknown`. swift-smi always
            /// writes it.
            public var proxyProtocol: String?
            /// What clients without an authorization get.
            ///
            /// swift-smi always writes `deny` (absent before `v1beta3`, where a Server without
            /// authorizations denies).
            public var accessPolicy: String?
        }

        /// `policy.linkerd.io/v1beta3`.
        public var apiVersion = "policy.linkerd.io/v1beta3"
        /// `Server`.
        public var kind = "Server"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a Server that denies every client no authorization names.
        public init(metadata: ObjectMeta, selector: LabelSelector, port: Int) {
            self.metadata = metadata
            spec = Spec(podSelector: selector, port: port, proxyProtocol: "unknown", accessPolicy: "deny")
        }
    }
}
