/// `split.smi-spec.io`: TrafficSplit, which shares the traffic sent to a root Service among
/// backend Services by weight.
public enum Split {
    /// The API group.
    public static let group = "split.smi-spec.io"

    /// `split.smi-spec.io/v1alpha1`: weights are Kubernetes quantities.
    public enum V1Alpha1: SMIAPIVersion {
        /// `split.smi-spec.io/v1alpha1`.
        public static let apiVersion = "split.smi-spec.io/v1alpha1"
        /// A v1alpha1 TrafficSplit.
        public typealias TrafficSplit = SMISpecObject<Split.V1Alpha1, Split.TrafficSplitKind, Split.QuantitySpec>
    }

    /// `split.smi-spec.io/v1alpha2`: weights are integers.
    public enum V1Alpha2: SMIAPIVersion {
        /// `split.smi-spec.io/v1alpha2`.
        public static let apiVersion = "split.smi-spec.io/v1alpha2"
        /// A v1alpha2 TrafficSplit.
        public typealias TrafficSplit = SMISpecObject<Split.V1Alpha2, Split.TrafficSplitKind, Split.IntegerSpec>
    }

    /// `split.smi-spec.io/v1alpha3`: splits may apply to some HTTP routes only (`matches`).
    public enum V1Alpha3: SMIAPIVersion {
        /// `split.smi-spec.io/v1alpha3`.
        public static let apiVersion = "split.smi-spec.io/v1alpha3"
        /// A v1alpha3 TrafficSplit.
        public typealias TrafficSplit = SMISpecObject<Split.V1Alpha3, Split.TrafficSplitKind, Split.Spec>
    }

    /// `split.smi-spec.io/v1alpha4`: the newest released version, the same as v1alpha3.
    public enum V1Alpha4: SMIAPIVersion {
        /// `split.smi-spec.io/v1alpha4`.
        public static let apiVersion = "split.smi-spec.io/v1alpha4"
        /// A v1alpha4 TrafficSplit.
        public typealias TrafficSplit = SMISpecObject<Split.V1Alpha4, Split.TrafficSplitKind, Split.Spec>
    }

    /// A backend with an integer weight (v1alpha2 and later).
    public struct Backend: Sendable, Equatable, Codable {
        /// The backend Service.
        public var service: String
        /// Its relative weight; weights need not sum to 100.
        public var weight: Int

        /// Creates a backend.
        public init(service: String, weight: Int) {
            self.service = service
            self.weight = weight
        }
    }

    /// A backend with a quantity weight (v1alpha1): `1` and `500m` are 2:1.
    public struct QuantityBackend: Sendable, Equatable, Codable {
        /// The backend Service.
        public var service: String
        /// Its relative weight.
        public var weight: Quantity

        /// Creates a backend.
        public init(service: String, weight: Quantity) {
            self.service = service
            self.weight = weight
        }
    }

    /// A reference to an HTTPRouteGroup in the split's namespace (v1alpha3 and later).
    public struct RouteReference: Sendable, Equatable, Codable {
        /// The API group; the CRDs do not list it, the Go type has it.
        public var apiGroup: String?
        /// `HTTPRouteGroup`.
        public var kind: String
        /// The group's name.
        public var name: String

        /// Creates a reference.
        public init(apiGroup: String? = nil, kind: String = "HTTPRouteGroup", name: String) {
            self.apiGroup = apiGroup
            self.kind = kind
            self.name = name
        }
    }

    /// The body of a v1alpha1 split.
    public struct QuantitySpec: Sendable, Equatable, Codable {
        /// The root Service.
        public var service: String
        /// The backends.
        public var backends: [QuantityBackend]

        /// Creates a body.
        public init(service: String, backends: [QuantityBackend]) {
            self.service = service
            self.backends = backends
        }
    }

    /// The body of a v1alpha2 split.
    public struct IntegerSpec: Sendable, Equatable, Codable {
        /// The root Service.
        public var service: String
        /// The backends.
        public var backends: [Backend]

        /// Creates a body.
        public init(service: String, backends: [Backend]) {
            self.service = service
            self.backends = backends
        }
    }

    /// The body of a v1alpha3 or v1alpha4 split.
    public struct Spec: Sendable, Equatable, Codable {
        /// The root Service.
        public var service: String
        /// The backends.
        public var backends: [Backend]
        /// HTTPRouteGroups whose traffic alone is split; absent means all traffic.
        public var matches: [RouteReference]?

        /// Creates a body.
        public init(service: String, backends: [Backend], matches: [RouteReference]? = nil) {
            self.service = service
            self.backends = backends
            self.matches = matches
        }
    }

    /// `TrafficSplit`.
    public enum TrafficSplitKind: SMIKind {
        /// `TrafficSplit`.
        public static let kind = "TrafficSplit"
    }
}
