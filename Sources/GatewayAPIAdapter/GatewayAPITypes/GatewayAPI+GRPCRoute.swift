public import SMICore

extension GatewayAPI {
    /// `GRPCRoute`: gRPC calls to a Service port, matched by service, method and headers.
    public struct GRPCRoute: KubernetesResource, Equatable, Codable {
        /// The route's body.
        public struct Spec: Sendable, Equatable, Codable {
            /// The Service port the route governs.
            public var parentRefs: [ParentReference]
            /// The rules, at most 16.
            public var rules: [Rule]

            /// Creates a body.
            public init(parentRefs: [ParentReference], rules: [Rule]) {
                self.parentRefs = parentRefs
                self.rules = rules
            }
        }

        /// Matches (any of them; none matches every call) and where matching calls go.
        public struct Rule: Sendable, Equatable, Codable {
            /// Alternatives; nil for every call.
            public var matches: [Match]?
            /// Weighted backends, at most 16.
            public var backendRefs: [BackendReference]

            /// Creates a rule.
            public init(matches: [Match]?, backendRefs: [BackendReference]) {
                self.matches = matches
                self.backendRefs = backendRefs
            }
        }

        /// Conditions a call must all meet.
        public struct Match: Sendable, Equatable, Codable {
            /// The gRPC service and method.
            public var method: MethodMatch?
            /// Header conditions, one per name.
            public var headers: [HeaderMatch]?

            /// Creates a match.
            public init(method: MethodMatch?, headers: [HeaderMatch]?) {
                self.method = method
                self.headers = headers
            }
        }

        /// An exact gRPC service (`package.Service`) and, optionally, method.
        public struct MethodMatch: Sendable, Equatable, Codable {
            /// `Exact`.
            public var type = "Exact"
            /// The service.
            public var service: String
            /// The method; nil for every method of the service.
            public var method: String?

            /// Creates a method condition.
            public init(service: String, method: String?) {
                self.service = service
                self.method = method
            }
        }

        /// `gateway.networking.k8s.io/v1`, or `v1alpha2` in the v1.0 experimental channel.
        public var apiVersion: String
        /// `GRPCRoute`.
        public var kind = "GRPCRoute"
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
