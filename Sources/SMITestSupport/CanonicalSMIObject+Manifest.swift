public import SMICore

extension CanonicalSMIObject {
    /// The object as a manifest of its (newest) version, as a user would write it.
    public func manifest() throws -> ManifestNode {
        switch self {
        case let .trafficTarget(o): try ManifestEncoder().encode(o)
        case let .httpRouteGroup(o): try ManifestEncoder().encode(o)
        case let .tcpRoute(o): try ManifestEncoder().encode(o)
        case let .udpRoute(o): try ManifestEncoder().encode(o)
        case let .trafficSplit(o): try ManifestEncoder().encode(o)
        case let .trafficMetrics(o): try ManifestEncoder().encode(o)
        case let .trafficMetricsList(o): try ManifestEncoder().encode(o)
        }
    }
}
