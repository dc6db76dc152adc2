public import SMICore

extension GatewayAPI {
    /// `TCPRoute`: every connection to a Service port, sent to weighted backends.
    public struct TCPRoute: KubernetesResource, Equatable, Codable {
        /// The route's body.
        public struct Spec: Sendable, Equatable, Codable {
            /// The Service port the route governs.
            public var parentRefs: [ParentReference]
            /// One rule.
            public var rules: [Rule]

            /// Creates a body.
            public init(parentRefs: [ParentReference], rules: [Rule]) {
                self.parentRefs = parentRefs
                self.rules = rules
            }
        }

        /// Where connections go.
        public struct Rule: Sendable, Equatable, Codable {
            /// Weighted backends, at most 16.
            public var backendRefs: [BackendReference]

            /// Creates a rule.
            public init(backendRefs: [BackendReference]) {
                self.backendRefs = backendRefs
            }
        }

        /// `gateway.networking.k8s.io/v1` (standard from v1.6) or `v1alpha2` (experimental).
        public var apiVersion: String
        /// `TCPRoute`.
        public var kind = "TCPRoute"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a route.
        public init(apiVersion: String, metadata: ObjectMeta, spec: Spec) {
            self.apiVersion = apiVersion
            self.metadata = metadata
            self.spec = spec
        }
    }
}
