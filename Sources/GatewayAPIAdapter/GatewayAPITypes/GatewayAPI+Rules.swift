extension GatewayAPI {
    /// An HTTPRoute rule: matches (any of them) and where matching requests go; the most
    /// specific match over all rules wins.
    public struct HTTPRouteRule: GatewayAPIRouteRule, Sendable {
        /// Conditions a request must all meet.
        public struct Match: Sendable, Equatable, Decodable {
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
        public struct PathMatch: Sendable, Equatable, Decodable {
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

        /// `HTTPRoute`.
        public static let kind = "HTTPRoute"
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

    /// A GRPCRoute rule: matches (any of them; none matches every call) and where calls go.
    public struct GRPCRouteRule: GatewayAPIRouteRule, Sendable {
        /// Conditions a call must all meet.
        public struct Match: Sendable, Equatable, Decodable {
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
        public struct MethodMatch: Sendable, Equatable, Decodable {
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

        /// `GRPCRoute`.
        public static let kind = "GRPCRoute"
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

    /// A TCPRoute rule: where connections go.
    public struct TCPRouteRule: GatewayAPIRouteRule, Sendable {
        /// `TCPRoute`.
        public static let kind = "TCPRoute"
        /// Weighted backends, at most 16.
        public var backendRefs: [BackendReference]

        /// Creates a rule.
        public init(backendRefs: [BackendReference]) {
            self.backendRefs = backendRefs
        }
    }
}
