/// `specs.smi-spec.io`: the routes that TrafficTarget rules and TrafficSplit matches name.
///
/// They are HTTPRouteGroup, TCPRoute and UDPRoute.
public enum Specs {
    /// The API group.
    public static let group = "specs.smi-spec.io"

    /// One HTTP match of v1alpha2 and later: path regex AND methods AND every header.
    public struct HTTPMatch: Sendable, Hashable, Codable {
        /// The name rules refer to.
        public var name: String
        /// RE2 regex matched from the start of the path (notes D1); absent or empty means any.
        public var pathRegex: String?
        /// Allowed methods, `*` for any; absent or empty means any (notes D2).
        public var methods: [String]?
        /// Header conditions, all of which must hold (notes D3, D4).
        public var headers: HTTPHeaderConditions?

        /// Creates a match.
        public init(
            name: String, pathRegex: String? = nil, methods: [String]? = nil, headers: HTTPHeaderConditions? = nil
        ) {
            self.name = name
            self.pathRegex = pathRegex
            self.methods = methods
            self.headers = headers
        }
    }

    /// Ports of a v1alpha4 TCPRoute or UDPRoute; an empty list means every port.
    public struct PortMatch: Sendable, Equatable, Codable {
        /// A name with no defined use (notes D13; not in the CRD).
        public var name: String?
        /// Destination ports.
        public var ports: [Int]

        /// Creates a port match.
        public init(name: String? = nil, ports: [Int]) {
            self.name = name
            self.ports = ports
        }
    }

    /// The `spec` of a v1alpha4 TCPRoute or UDPRoute.
    public struct PortRouteSpec: Sendable, Equatable, Codable {
        /// The ports.
        public var matches: PortMatch

        /// Creates a route body.
        public init(matches: PortMatch) {
            self.matches = matches
        }
    }
}
