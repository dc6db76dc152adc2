public import SMICore

/// Renders SMI for Istio, keeping the `MeshAdapter` contract.
///
/// Renders SMI for Istio: TrafficTargets as AuthorizationPolicies (`security.istio.io/v1`) with
/// deny-by-default, and TrafficSplits as VirtualServices (`networking.istio.io/v1`), keeping
/// the `MeshAdapter` contract.
public struct IstioAdapter: MeshAdapter {
    /// Creates the adapter.
    public init() {}

    /// `istio`.
    public var mesh: String { "istio" }

    /// Istio's Prometheus queries for SMI's TrafficMetrics, with the default labels.
    public var metrics: (any MeshMetrics)? { IstioMetricsQueries() }

    /// What Istio can express.
    public var capabilities: Capabilities {
        Capabilities(
            [
                .init(
                    .denyByDefault, .approximate,
                    "An allow-nothing AuthorizationPolicy per namespace in the deny scope (default: every namespace of the input); namespaces left out are named in a warning (SMI3004). Enforced only where pods run the proxy: pods without one, and ports that bypass it, are reported (SMI2703 for destinations, SMI2705 for the rest); control-plane namespaces are never governed (SMI2701)."
                ),
                .init(
                    .destination, .stricter,
                    "Selected by pod labels every pod of the account carries and no other pod has (refused, SMI3001, when none exist); in ambient-mode namespaces ztunnel enforces sources and ports, and HTTP grants allow nothing without a waypoint (SMI3008)."
                ),
                .init(.destinationPort, .exact, "Operation ports on every rule of the target."),
                .init(.sources, .exact, "mTLS principals <trust-domain>/ns/<ns>/sa/<sa>."),
                .init(
                    .ruleMatches, .exact,
                    "One rule per selected match; a match name used twice in its group selects nothing (D16)."),
                .init(
                    .tcpRoute, .exact, "Rules with operation ports (or none: every port), apart from the HTTP rules."),
                .init(
                    .pathRegex, .stricter,
                    "Exact when the regex is a finite set of exact paths and prefixes (or suffixes); other regexes drop the match (SMI3003)."
                ),
                .init(.methods, .exact, "Istio methods, case-sensitive."),
                .init(
                    .headers, .stricter,
                    "Exact values, prefixes and suffixes that cannot hold a comma; others drop the match (SMI3003), because Envoy joins repeated headers (cookies with '; '); conditions on cookie, host and pseudo-headers drop it too."
                ),
                .init(.udpRoute, .refused, "Sidecars do not intercept UDP (SMI3002)."),
                .init(
                    .splitRoot, .exact,
                    "The VirtualService host is the root Service's FQDN in the split's namespace (<name>.<ns>.svc.<cluster-domain>)."
                ),
                .init(
                    .splitWeights, .exact,
                    "VirtualService routes for the root FQDN with gcd-reduced weights; before Istio 1.15, percentages by largest remainder with a warning (SMI3007)."
                ),
                .init(.splitPorts, .exact, "One route per root port, with only the backends exposing that port."),
                .init(
                    .splitMatches, .approximate,
                    "A first HTTP route with the route groups' path, method and header regexes, a last one to the root. Envoy matches repeated headers joined by ',' (a warning, SMI3007, where a regex can match one); a match on cookie, host or a pseudo-header refuses the split (SMI3007)."
                ),
                .init(.splitNonHTTP, .exact, "TCP routes per root port with the same weights."),
                .init(
                    .metrics, .exact,
                    "PromQL over Istio's standard metrics (IstioMetricsQueries); an edge whose peer is a Pod is refused; edge.side picks the reporter; in ambient mode (smi metrics --istio-waypoints) the waypoint reports, and no Pod can be named."
                )
            ], diagnostics: DiagnosticCode.istioCatalogue)
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering(options)
        let facts = ClusterFacts(
            bundle: bundle, inventory: inventory, installation: options.installation ?? installation)
        IstioAccessTranslator(bundle: bundle, inventory: inventory, options: options, facts: facts).render(
            into: &rendering)
        IstioExistingConfig(bundle: bundle, inventory: inventory, options: options, facts: facts).report(
            into: &rendering)
        if options.rendersSplits {
            IstioSplitTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        }
        rendering.sort()
        return rendering
    }
}
