/// An SMI object in the newest released version of its kind.
///
/// What the rest of swift-smi (bundles, validation, the access model, adapters) works on,
/// whatever version was written.
public indirect enum CanonicalSMIObject: Sendable, Equatable {
    /// `access.smi-spec.io/v1alpha3` TrafficTarget.
    case trafficTarget(Access.V1Alpha3.TrafficTarget)
    /// `specs.smi-spec.io/v1alpha4` HTTPRouteGroup.
    case httpRouteGroup(Specs.V1Alpha4.HTTPRouteGroup)
    /// `specs.smi-spec.io/v1alpha4` TCPRoute.
    case tcpRoute(Specs.V1Alpha4.TCPRoute)
    /// `specs.smi-spec.io/v1alpha4` UDPRoute.
    case udpRoute(Specs.V1Alpha4.UDPRoute)
    /// `split.smi-spec.io/v1alpha4` TrafficSplit.
    case trafficSplit(Split.V1Alpha4.TrafficSplit)
    /// `metrics.smi-spec.io/v1alpha1` or `v1alpha2` TrafficMetrics.
    case trafficMetrics(Metrics.TrafficMetrics)
    /// `metrics.smi-spec.io/v1alpha1` or `v1alpha2` TrafficMetricsList.
    case trafficMetricsList(Metrics.TrafficMetricsList)
}
