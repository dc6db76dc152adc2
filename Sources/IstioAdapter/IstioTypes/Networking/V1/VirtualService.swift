public import SMICore

extension Istio.NetworkingV1 {
    /// Istio's `networking.istio.io/v1` VirtualService, with the fields SMI traffic splits use
    /// (names as in the CRD).
    public struct VirtualService: KubernetesResource, Equatable, Decodable {
        /// The routing rules for some hosts.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The hosts the rules apply to (fully qualified Service names).
            public var hosts: [String]
            /// HTTP routes, tried in order.
            public var http: [HTTPRoute]?
            /// TCP routes, tried in order.
            public var tcp: [TCPRoute]?

            /// Creates a body.
            public init(hosts: [String], http: [HTTPRoute]? = nil, tcp: [TCPRoute]? = nil) {
                self.hosts = hosts
                self.http = http
                self.tcp = tcp
            }
        }

        /// An HTTP route: requests matching any of `match` (all when absent) go to `route`.
        public struct HTTPRoute: Sendable, Equatable, Decodable {
            /// A name for the route, shown in Envoy's configuration and access logs.
            public var name: String?
            /// Alternatives: a request matching one of them takes the route.
            public var match: [HTTPMatchRequest]?
            /// Weighted destinations.
            public var route: [RouteDestination]

            /// Creates a route.
            public init(name: String? = nil, match: [HTTPMatchRequest]? = nil, route: [RouteDestination]) {
                self.name = name
                self.match = match
                self.route = route
            }
        }

        /// Conditions a request must all meet.
        public struct HTTPMatchRequest: Sendable, Equatable, Decodable {
            /// The path (without the query string).
            public var uri: StringMatch?
            /// The HTTP method.
            public var method: StringMatch?
            /// Header conditions by lower-case name.
            public var headers: [String: StringMatch]?
            /// The Service port the request was sent to.
            public var port: Int?

            /// Creates a match request.
            public init(
                uri: StringMatch? = nil, method: StringMatch? = nil, headers: [String: StringMatch]? = nil,
                port: Int? = nil
            ) {
                self.uri = uri
                self.method = method
                self.headers = headers
                self.port = port
            }
        }

        /// One way to match a string; Istio matches a `regex` against the whole value (RE2).
        public struct StringMatch: Sendable, Equatable, Decodable {
            /// The exact value.
            public var exact: String?
            /// A regular expression the whole value must match.
            public var regex: String?

            /// An exact match.
            public static func exact(_ value: String) -> StringMatch { StringMatch(exact: value, regex: nil) }
            /// A whole-value regex match.
            public static func regex(_ pattern: String) -> StringMatch { StringMatch(exact: nil, regex: pattern) }
        }

        /// A TCP route: connections matching any of `match` (all when absent) go to `route`.
        public struct TCPRoute: Sendable, Equatable, Decodable {
            /// Alternatives by port.
            public var match: [L4Match]?
            /// Weighted destinations.
            public var route: [RouteDestination]

            /// Creates a route.
            public init(match: [L4Match]? = nil, route: [RouteDestination]) {
                self.match = match
                self.route = route
            }
        }

        /// A TCP connection's condition.
        public struct L4Match: Sendable, Equatable, Decodable {
            /// The Service port the connection was made to.
            public var port: Int?

            /// Creates a condition.
            public init(port: Int?) {
                self.port = port
            }
        }

        /// A destination and its relative weight.
        public struct RouteDestination: Sendable, Equatable, Decodable {
            /// Where the traffic goes.
            public var destination: Destination
            /// The relative weight; absent for a route's only destination.
            public var weight: Int?

            /// Creates a weighted destination.
            public init(destination: Destination, weight: Int? = nil) {
                self.destination = destination
                self.weight = weight
            }
        }

        /// A Service host, and the port to use on it.
        public struct Destination: Sendable, Equatable, Decodable {
            /// The Service's fully qualified name.
            public var host: String
            /// The port; absent lets Istio pick the Service's only port or the listener's.
            public var port: PortSelector?

            /// Creates a destination.
            public init(host: String, port: Int? = nil) {
                self.host = host
                self.port = port.map(PortSelector.init(number:))
            }
        }

        /// A port by number.
        public struct PortSelector: Sendable, Equatable, Decodable {
            /// The port number.
            public var number: Int
        }

        /// `networking.istio.io/v1`.
        public var apiVersion = "networking.istio.io/v1"
        /// `VirtualService`.
        public var kind = "VirtualService"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The routes.
        public var spec: Spec

        /// Creates a VirtualService.
        public init(metadata: ObjectMeta, spec: Spec) {
            self.metadata = metadata
            self.spec = spec
        }
    }
}
