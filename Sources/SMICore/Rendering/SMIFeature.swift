/// The SMI features every adapter states its support for, in the order `smi explain` lists
/// them.
///
/// One list for all meshes, so that their tables line up and none leaves a feature out.
public enum SMIFeature: String, Sendable, CaseIterable {
    /// A request that no TrafficTarget allows is denied.
    case denyByDefault = "deny by default"
    /// The pods a TrafficTarget protects: those running as its destination ServiceAccount.
    case destination = "TrafficTarget.spec.destination"
    /// A v1alpha1/v1alpha2 destination port, limiting every rule of the target.
    case destinationPort = "TrafficTarget.spec.destination.port"
    /// The ServiceAccounts a TrafficTarget allows.
    case sources = "TrafficTarget.spec.sources"
    /// The matches a rule selects of its HTTPRouteGroup (all when it names none).
    case ruleMatches = "TrafficTarget.spec.rules[].matches"
    /// A TCPRoute rule: every TCP byte, on every port or on the listed ones.
    case tcpRoute = "TCPRoute"
    /// A match's path, an RE2 regex.
    case pathRegex = "HTTPRouteGroup.spec.matches[].pathRegex"
    /// A match's HTTP methods.
    case methods = "HTTPRouteGroup.spec.matches[].methods"
    /// A match's header conditions, RE2 regexes over the values.
    case headers = "HTTPRouteGroup.spec.matches[].headers"
    /// A UDPRoute rule.
    case udpRoute = "UDPRoute"
    /// The root Service a TrafficSplit splits the traffic of.
    case splitRoot = "TrafficSplit.spec.service"
    /// A TrafficSplit's backends and their weights.
    case splitWeights = "TrafficSplit.spec.backends"
    /// SMI's port rule: a backend takes part in the traffic of the root's ports it exposes.
    case splitPorts = "TrafficSplit ports"
    /// Requests a TrafficSplit splits only when they match (v1alpha4 `matches`).
    case splitMatches = "TrafficSplit.spec.matches"
    /// TCP traffic to a split's root that is not HTTP.
    case splitNonHTTP = "TrafficSplit of non-HTTP TCP"
    /// TrafficMetrics: the queries that answer them.
    case metrics = "TrafficMetrics"
}
