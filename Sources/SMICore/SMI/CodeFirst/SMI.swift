/// The newest SMI version of each kind under a short name, for building objects in code.
///
/// `SMI.TrafficSplit("canary", namespace: "shop", service: "api", backends: ["api-v1": 90,
/// "api-v2": 10])`.
///
/// These are the canonical versions every adapter renders from.
public enum SMI {
    /// `access.smi-spec.io/v1alpha3` TrafficTarget.
    public typealias TrafficTarget = Access.V1Alpha3.TrafficTarget
    /// `specs.smi-spec.io/v1alpha4` HTTPRouteGroup.
    public typealias HTTPRouteGroup = Specs.V1Alpha4.HTTPRouteGroup
    /// `specs.smi-spec.io/v1alpha4` TCPRoute.
    public typealias TCPRoute = Specs.V1Alpha4.TCPRoute
    /// `specs.smi-spec.io/v1alpha4` UDPRoute.
    public typealias UDPRoute = Specs.V1Alpha4.UDPRoute
    /// `split.smi-spec.io/v1alpha4` TrafficSplit.
    public typealias TrafficSplit = Split.V1Alpha4.TrafficSplit
}
