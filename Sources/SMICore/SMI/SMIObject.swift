/// An SMI object of one released `apiVersion`/`kind` pair, as written.
public indirect enum SMIObject: Sendable, Equatable {
    /// `access.smi-spec.io/v1alpha1` TrafficTarget.
    case trafficTargetV1Alpha1(Access.V1Alpha1.TrafficTarget)
    /// `access.smi-spec.io/v1alpha2` TrafficTarget.
    case trafficTargetV1Alpha2(Access.V1Alpha2.TrafficTarget)
    /// `access.smi-spec.io/v1alpha3` TrafficTarget.
    case trafficTargetV1Alpha3(Access.V1Alpha3.TrafficTarget)
    /// `specs.smi-spec.io/v1alpha1` HTTPRouteGroup.
    case httpRouteGroupV1Alpha1(Specs.V1Alpha1.HTTPRouteGroup)
    /// `specs.smi-spec.io/v1alpha2` HTTPRouteGroup.
    case httpRouteGroupV1Alpha2(Specs.V1Alpha2.HTTPRouteGroup)
    /// `specs.smi-spec.io/v1alpha3` HTTPRouteGroup.
    case httpRouteGroupV1Alpha3(Specs.V1Alpha3.HTTPRouteGroup)
    /// `specs.smi-spec.io/v1alpha4` HTTPRouteGroup.
    case httpRouteGroupV1Alpha4(Specs.V1Alpha4.HTTPRouteGroup)
    /// `specs.smi-spec.io/v1alpha1` TCPRoute.
    case tcpRouteV1Alpha1(Specs.V1Alpha1.TCPRoute)
    /// `specs.smi-spec.io/v1alpha2` TCPRoute.
    case tcpRouteV1Alpha2(Specs.V1Alpha2.TCPRoute)
    /// `specs.smi-spec.io/v1alpha3` TCPRoute.
    case tcpRouteV1Alpha3(Specs.V1Alpha3.TCPRoute)
    /// `specs.smi-spec.io/v1alpha4` TCPRoute.
    case tcpRouteV1Alpha4(Specs.V1Alpha4.TCPRoute)
    /// `specs.smi-spec.io/v1alpha4` UDPRoute.
    case udpRouteV1Alpha4(Specs.V1Alpha4.UDPRoute)
    /// `split.smi-spec.io/v1alpha1` TrafficSplit.
    case trafficSplitV1Alpha1(Split.V1Alpha1.TrafficSplit)
    /// `split.smi-spec.io/v1alpha2` TrafficSplit.
    case trafficSplitV1Alpha2(Split.V1Alpha2.TrafficSplit)
    /// `split.smi-spec.io/v1alpha3` TrafficSplit.
    case trafficSplitV1Alpha3(Split.V1Alpha3.TrafficSplit)
    /// `split.smi-spec.io/v1alpha4` TrafficSplit.
    case trafficSplitV1Alpha4(Split.V1Alpha4.TrafficSplit)
    /// `metrics.smi-spec.io/v1alpha1` or `v1alpha2` TrafficMetrics.
    case trafficMetrics(Metrics.TrafficMetrics)
    /// `metrics.smi-spec.io/v1alpha1` or `v1alpha2` TrafficMetricsList.
    case trafficMetricsList(Metrics.TrafficMetricsList)

    /// The object as a value of its own type.
    public var value: any Sendable & Encodable {
        switch self {
        case let .trafficTargetV1Alpha1(o): return o
        case let .trafficTargetV1Alpha2(o): return o
        case let .trafficTargetV1Alpha3(o): return o
        case let .httpRouteGroupV1Alpha1(o): return o
        case let .httpRouteGroupV1Alpha2(o): return o
        case let .httpRouteGroupV1Alpha3(o): return o
        case let .httpRouteGroupV1Alpha4(o): return o
        case let .tcpRouteV1Alpha1(o): return o
        case let .tcpRouteV1Alpha2(o): return o
        case let .tcpRouteV1Alpha3(o): return o
        case let .tcpRouteV1Alpha4(o): return o
        case let .udpRouteV1Alpha4(o): return o
        case let .trafficSplitV1Alpha1(o): return o
        case let .trafficSplitV1Alpha2(o): return o
        case let .trafficSplitV1Alpha3(o): return o
        case let .trafficSplitV1Alpha4(o): return o
        case let .trafficMetrics(o): return o
        case let .trafficMetricsList(o): return o
        }
    }
}
