/// `access.smi-spec.io`: TrafficTarget, which allows traffic between service accounts.
///
/// It allows traffic from source service accounts to a destination service account, for the
/// routes its rules name.
public enum Access {
    /// The API group.
    public static let group = "access.smi-spec.io"

    /// A service account (`kind: ServiceAccount`) that is a source of traffic, or the
    /// destination in v1alpha3.
    public struct Subject: Sendable, Equatable, Codable {
        /// Only `ServiceAccount` is defined (notes D10).
        public var kind: String
        /// The service account's name.
        public var name: String
        /// Its namespace; absent means the TrafficTarget's own (notes D15).
        public var namespace: String?

        /// Creates a subject.
        public init(kind: String = "ServiceAccount", name: String, namespace: String? = nil) {
            self.kind = kind
            self.name = name
            self.namespace = namespace
        }
    }

    /// The destination of v1alpha1 and v1alpha2, which may restrict the grant to one port.
    public struct PortedSubject: Sendable, Equatable, Codable {
        /// Only `ServiceAccount` is defined.
        public var kind: String
        /// The service account's name.
        public var name: String
        /// Its namespace; absent means the TrafficTarget's own.
        public var namespace: String?
        /// The one destination port the grant covers; absent means every port.
        public var port: Int?

        /// Creates a destination.
        public init(kind: String = "ServiceAccount", name: String, namespace: String? = nil, port: Int? = nil) {
            self.kind = kind
            self.name = name
            self.namespace = namespace
            self.port = port
        }
    }

    /// A reference from a TrafficTarget to a route in the target's namespace, optionally to
    /// some of its matches.
    ///
    /// The route is an `HTTPRouteGroup`, `TCPRoute` or `UDPRoute` (v1alpha3).
    public struct Rule: Sendable, Equatable, Codable {
        /// The route's kind.
        public var kind: String
        /// The route's name.
        public var name: String
        /// Names of HTTPRouteGroup matches; absent means all (notes D7).
        public var matches: [String]?

        /// Creates a rule.
        public init(kind: String, name: String, matches: [String]? = nil) {
            self.kind = kind
            self.name = name
            self.matches = matches
        }
    }

    /// `TrafficTarget`.
    public enum TrafficTargetKind: SMIKind {
        /// `TrafficTarget`.
        public static let kind = "TrafficTarget"
    }

    /// `access.smi-spec.io/v1alpha1` (flat layout; rules are called `specs`).
    public enum V1Alpha1: SMIAPIVersion {
        /// `access.smi-spec.io/v1alpha1`.
        public static let apiVersion = "access.smi-spec.io/v1alpha1"
    }

    /// `access.smi-spec.io/v1alpha2` (under `spec`; `rules`).
    public enum V1Alpha2: SMIAPIVersion {
        /// `access.smi-spec.io/v1alpha2`.
        public static let apiVersion = "access.smi-spec.io/v1alpha2"
        /// A v1alpha2 TrafficTarget: v1alpha1 moved under `spec`, with `specs` renamed `rules`.
        public typealias TrafficTarget = SMISpecObject<V1Alpha2, TrafficTargetKind, TrafficTargetSpec>
    }

    /// `access.smi-spec.io/v1alpha3`: the newest released version.
    public enum V1Alpha3: SMIAPIVersion {
        /// `access.smi-spec.io/v1alpha3`.
        public static let apiVersion = "access.smi-spec.io/v1alpha3"
        /// A v1alpha3 TrafficTarget: no destination port, and rules and sources are required.
        ///
        /// Ports come from TCPRoute and UDPRoute rules.
        public typealias TrafficTarget = SMISpecObject<V1Alpha3, TrafficTargetKind, TrafficTargetSpec>
    }
}
