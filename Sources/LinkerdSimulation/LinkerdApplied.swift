public import SMICore

/// The Linkerd objects a cluster holds after `kubectl apply`, with only the fields Linkerd's
/// policy controller acts on.
///
/// Stated here apart from the adapter's own types, so that the simulation decides over what a
/// user applies, not over the translator's values.
public enum LinkerdApplied {
    /// A `policy.linkerd.io` Server.
    struct Server: Decodable {
        struct Spec: Decodable {
            let podSelector: LabelSelector
            let port: Port
            let proxyProtocol: String?
            let accessPolicy: String?
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// A port by number or by container port name.
    enum Port: Decodable {
        case number(Int)
        case name(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .name(try container.decode(String.self))
            }
        }

        /// Whether the port is `port` on `pod`.
        func means(_ port: Int, on pod: Inventory.Workload) -> Bool {
            switch self {
            case let .number(number): number == port
            case let .name(name): pod.ports.contains { $0.name == name && $0.port == port }
            }
        }
    }

    /// An object's name and namespace.
    struct Metadata: Decodable {
        /// An object of which only the name and namespace matter.
        struct Object: Decodable {
            let metadata: Metadata
        }
        let name: String?
        let namespace: String?
    }

    /// A `policy.linkerd.io` HTTPRoute (a Server parent: authorization scope; a Service parent:
    /// outbound routing).
    public struct HTTPRoute: Decodable, Sendable {
        /// What the route attaches to.
        public struct ParentReference: Decodable, Sendable {
            /// `policy.linkerd.io` or `core` (also `""`).
            public let group: String?
            /// `Server` or `Service`.
            public let kind: String?
            /// The parent's name.
            public let name: String
            /// A Service parent's port.
            public let port: Int?
        }
        /// Matches and where matching requests go.
        public struct Rule: Decodable, Sendable {
            /// Alternatives; absent is every request.
            public let matches: [Match]?
            /// Weighted backends.
            public let backendRefs: [BackendReference]?
        }
        /// Conditions a request must all meet.
        public struct Match: Decodable, Sendable {
            /// The path condition.
            public let path: Condition?
            /// Header conditions.
            public let headers: [Header]?
            /// The method.
            public let method: String?
        }
        /// A path condition: `Exact`, `PathPrefix` or `RegularExpression`.
        public struct Condition: Decodable, Sendable {
            /// The type; absent is `PathPrefix`.
            public let type: String?
            /// The value; absent is `/`.
            public let value: String?
        }
        /// A header condition: `Exact` (the default) or `RegularExpression`.
        public struct Header: Decodable, Sendable {
            /// The header name.
            public let name: String
            /// The type.
            public let type: String?
            /// The value or regex.
            public let value: String
        }
        /// A backend Service, its port and weight.
        public struct BackendReference: Decodable, Sendable {
            /// The Service's name.
            public let name: String
            /// Its port.
            public let port: Int?
            /// The relative weight; absent is 1.
            public let weight: Int?
        }
        /// The route's body.
        public struct Spec: Decodable, Sendable {
            /// What it attaches to.
            public let parentRefs: [ParentReference]
            /// Its rules.
            public let rules: [Rule]?
        }
        /// Its name and namespace.
        let metadata: Metadata
        /// Its body.
        public let spec: Spec

        /// The route's name.
        public var name: String { metadata.name ?? "" }
        /// The route's namespace.
        public var namespace: String { metadata.namespace ?? "" }
    }

    /// A Gateway API TCPRoute (Linkerd 2.18+ routes opaque Service ports by it).
    public struct TCPRoute: Decodable, Sendable {
        /// Where connections go.
        public struct Rule: Decodable, Sendable {
            /// Weighted backends.
            public let backendRefs: [HTTPRoute.BackendReference]?
        }
        /// The route's body.
        public struct Spec: Decodable, Sendable {
            /// What it attaches to.
            public let parentRefs: [HTTPRoute.ParentReference]
            /// Its rules.
            public let rules: [Rule]
        }
        /// Its name and namespace.
        let metadata: Metadata
        /// Its body.
        public let spec: Spec

        /// The route's name.
        public var name: String { metadata.name ?? "" }
        /// The route's namespace.
        public var namespace: String { metadata.namespace ?? "" }
    }

    /// A `policy.linkerd.io` AuthorizationPolicy.
    struct AuthorizationPolicy: Decodable {
        struct Reference: Decodable {
            let group: String?
            let kind: String
            let name: String
            let namespace: String?
        }
        struct Spec: Decodable {
            let targetRef: Reference
            let requiredAuthenticationRefs: [Reference]
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// A `policy.linkerd.io` MeshTLSAuthentication.
    struct MeshTLSAuthentication: Decodable {
        struct Spec: Decodable {
            let identities: [String]?
            let identityRefs: [AuthorizationPolicy.Reference]?
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// The objects of `kind` in group `group` among `resources`.
    static func objects<T: Decodable>(
        _ type: T.Type, kind: String, group: String, in resources: [ManifestNode]
    ) -> [T] {
        ManifestDecoder().objects(T.self, kind: kind, apiVersion: group + "/", in: resources)
    }

    /// Every HTTPRoute among `resources`, by name.
    ///
    /// Linkerd reads both `policy.linkerd.io` and `gateway.networking.k8s.io` ones.
    public static func httpRoutes(in resources: [ManifestNode]) -> [HTTPRoute] {
        (objects(HTTPRoute.self, kind: "HTTPRoute", group: "policy.linkerd.io", in: resources)
            + objects(HTTPRoute.self, kind: "HTTPRoute", group: "gateway.networking.k8s.io", in: resources))
            .sorted { $0.name < $1.name }
    }

    /// Every TCPRoute among `resources`, by name.
    public static func tcpRoutes(in resources: [ManifestNode]) -> [TCPRoute] {
        objects(TCPRoute.self, kind: "TCPRoute", group: "gateway.networking.k8s.io", in: resources).sorted {
            $0.name < $1.name
        }
    }
}
