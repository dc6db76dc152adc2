extension Specs {
    /// `specs.smi-spec.io/v1alpha1` (flat layout; matches without headers).
    public enum V1Alpha1: SMIAPIVersion {
        /// `specs.smi-spec.io/v1alpha1`.
        public static let apiVersion = "specs.smi-spec.io/v1alpha1"
        /// A v1alpha1 TCPRoute: raw TCP on every port.
        public typealias TCPRoute = Specs.AllPortsTCPRoute<Specs.V1Alpha1>
    }

    /// `specs.smi-spec.io/v1alpha2` (flat layout; matches gain headers).
    public enum V1Alpha2: SMIAPIVersion {
        /// `specs.smi-spec.io/v1alpha2`.
        public static let apiVersion = "specs.smi-spec.io/v1alpha2"
        /// A v1alpha2 TCPRoute: raw TCP on every port.
        public typealias TCPRoute = Specs.AllPortsTCPRoute<Specs.V1Alpha2>
    }

    /// `specs.smi-spec.io/v1alpha3` (under `spec`).
    public enum V1Alpha3: SMIAPIVersion {
        /// `specs.smi-spec.io/v1alpha3`.
        public static let apiVersion = "specs.smi-spec.io/v1alpha3"
        /// A v1alpha3 HTTPRouteGroup: matches under `spec`.
        public typealias HTTPRouteGroup = SMISpecObject<
            Specs.V1Alpha3, Specs.HTTPRouteGroupKind, Specs.HTTPRouteGroupSpec
        >
        /// A v1alpha3 TCPRoute: raw TCP on every port, with an empty `spec`.
        public typealias TCPRoute = Specs.AllPortsTCPRoute<Specs.V1Alpha3>
    }

    /// `specs.smi-spec.io/v1alpha4`: the newest released version (TCPRoute ports, UDPRoute).
    public enum V1Alpha4: SMIAPIVersion {
        /// `specs.smi-spec.io/v1alpha4`.
        public static let apiVersion = "specs.smi-spec.io/v1alpha4"
        /// A v1alpha4 HTTPRouteGroup: the same as v1alpha3.
        public typealias HTTPRouteGroup = SMISpecObject<
            Specs.V1Alpha4, Specs.HTTPRouteGroupKind, Specs.HTTPRouteGroupSpec
        >
        /// A v1alpha4 TCPRoute: TCP on the listed ports (all when the list is empty).
        public typealias TCPRoute = SMISpecObject<Specs.V1Alpha4, Specs.TCPRouteKind, Specs.PortRouteSpec>
        /// A v1alpha4 UDPRoute (the only version that has one): UDP on the listed ports.
        public typealias UDPRoute = SMISpecObject<Specs.V1Alpha4, Specs.UDPRouteKind, Specs.PortRouteSpec>
    }
}
