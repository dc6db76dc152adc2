public import SMICore

extension GatewayAPI {
    /// `HTTPRoute`: requests to a Service port, matched by path, method and headers, sent to
    /// weighted backends.
    public struct HTTPRoute: KubernetesResource, Equatable, Codable {
        /// The route's body.
        public struct Spec: Sendable, Equatable, Codable {
            /// The Service port the route governs.
            public var parentRefs: [ParentReference]
            /// The rules, at most 16; the most specific match over all rules wins.
            public var rules: [Rule]

            /// Creates a body.
            public init(parentRefs: [ParentReference], rules: [Rule]) {
                self.parentRefs = parentRefs
                self.rules = rules
            }
        }

        /// Matches (any of them) and where matching requests go.
        public struct Rule: Sendable, Equatable, Codable {
            /// Alternatives.
            public var matches: [Match]
            /// Weighted backends, at most 16.
            public var backendRefs: [BackendReference]

            /// Creates a rule.
            public init(matches: [Match], backendRefs: [BackendReference]) {
                self.matches = matches
                self.backendRefs = backendRefs
            }
        }

        /// Conditions a request must all meet.
        public struct Match: Sendable, Equatable, Codable {
            /// The path condition (always written: the CRD's default is the prefix `/`).
            public var path: PathMatch
            /// Header conditions, one per name, at most 16.
            public var headers: [HeaderMatch]?
            /// The method.
            public var method: String?

            /// Creates a match.
            public init(path: PathMatch, headers: [HeaderMatch]? = nil, method: String? = nil) {
                self.path = path
                self.headers = headers
                self.method = method
            }
        }

        /// `Exact`, `PathPrefix` (whole segments) or `RegularExpression` (the whole path).
        public struct PathMatch: Sendable, Equatable, Codable {
            /// The match type.
            public var type: String
            /// The value.
            public var value: String

            /// Creates a path condition.
            public init(type: String, value: String) {
                self.type = type
                self.value = value
            }
        }

        /// `gateway.networking.k8s.io/v1` (or `v1beta1` for readers of older releases).
        public var apiVersion: String
        /// `HTTPRoute`.
        public var kind = "HTTPRoute"
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
