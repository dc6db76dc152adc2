public import SMICore

extension Linkerd.PolicyV1Beta3 {
    /// Linkerd's `policy.linkerd.io/v1beta3` HTTPRoute, with the fields SMI translations use (names
    /// as in the CRD).
    ///
    /// With a Service parent it routes (outbound); with a Server parent it scopes authorizations
    /// (inbound).
    public struct HTTPRoute: KubernetesResource, Equatable, Decodable {
        /// The route's body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// What the route attaches to.
            public var parentRefs: [ParentReference]
            /// The rules; the best-ranked match over all rules wins.
            public var rules: [Rule]

            /// Creates a body.
            public init(parentRefs: [ParentReference], rules: [Rule]) {
                self.parentRefs = parentRefs
                self.rules = rules
            }
        }

        /// A Service (group `core`) or a Server (group `policy.linkerd.io`).
        ///
        /// Both fields are always written: the CRD defaults them to a Gateway.
        public struct ParentReference: Sendable, Equatable, Decodable {
            /// `core` or `policy.linkerd.io`.
            public var group: String
            /// `Service` or `Server`.
            public var kind: String
            /// Its name, in the route's namespace.
            public var name: String
            /// For a Service parent: the Service port the route applies to.
            public var port: Int?

            /// Creates a reference.
            public init(group: String, kind: String, name: String, port: Int? = nil) {
                self.group = group
                self.kind = kind
                self.name = name
                self.port = port
            }
        }

        /// Matches (any of them) and where matching requests go.
        public struct Rule: Sendable, Equatable, Decodable {
            /// Alternatives, at most 8.
            public var matches: [Match]
            /// Weighted backends (routing only).
            public var backendRefs: [BackendReference]?

            /// Creates a rule.
            public init(matches: [Match], backendRefs: [BackendReference]? = nil) {
                self.matches = matches
                self.backendRefs = backendRefs
            }
        }

        /// Conditions a request must all meet.
        public struct Match: Sendable, Equatable, Decodable {
            /// The path condition.
            public var path: PathMatch?
            /// Header conditions, one per name.
            public var headers: [HeaderMatch]?
            /// The method.
            public var method: String?

            /// Creates a match.
            public init(path: PathMatch? = nil, headers: [HeaderMatch]? = nil, method: String? = nil) {
                self.path = path
                self.headers = headers
                self.method = method
            }
        }

        /// `Exact`, `PathPrefix` (segment-wise) or `RegularExpression` (the whole path).
        public struct PathMatch: Sendable, Equatable, Decodable {
            /// The match type.
            public var type: String
            /// The value.
            public var value: String
        }

        /// A header condition; `RegularExpression` must match a whole value.
        public struct HeaderMatch: Sendable, Equatable, Decodable {
            /// The header name.
            public var name: String
            /// `Exact` or `RegularExpression`.
            public var type: String
            /// The value or regex.
            public var value: String
        }

        /// A backend Service, its port and weight.
        public struct BackendReference: Sendable, Equatable, Decodable {
            /// `core`.
            public var group: String
            /// `Service`.
            public var kind: String
            /// The Service's name, in the route's namespace.
            public var name: String
            /// The Service port (Linkerd requires it).
            public var port: Int
            /// The relative weight, 0 to 1,000,000.
            public var weight: Int?
        }

        /// `policy.linkerd.io/v1beta3`.
        public var apiVersion = "policy.linkerd.io/v1beta3"
        /// `HTTPRoute`.
        public var kind = "HTTPRoute"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a route.
        public init(metadata: ObjectMeta, spec: Spec) {
            self.metadata = metadata
            self.spec = spec
        }
    }
}
