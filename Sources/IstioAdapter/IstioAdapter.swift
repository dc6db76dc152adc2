public import SMICore

/// Renders SMI for Istio: TrafficTargets as AuthorizationPolicies (`security.istio.io/v1`)
/// with deny-by-default, and TrafficSplits as VirtualServices (`networking.istio.io/v1`),
/// keeping the `MeshAdapter` contract.
public struct IstioAdapter: MeshAdapter {
    /// Creates the adapter.
    public init() {}

    /// `istio`.
    public var mesh: String { "istio" }

    /// What Istio can express.
    public var capabilities: Capabilities {
        Capabilities([
            .init("TrafficTarget sources (ServiceAccount)", .exact, "mTLS principals <trust-domain>/ns/<ns>/sa/<sa>."),
            .init("TrafficTarget destination (ServiceAccount)", .stricter, "Selected by the pod labels every pod of the account carries and no other pod has; refused when none exist."),
            .init("HTTPRouteGroup pathRegex", .stricter, "Exact when it is a finite set of exact paths and prefixes; other regexes drop the match."),
            .init("HTTPRouteGroup methods", .exact, "Istio methods, case-sensitive."),
            .init("HTTPRouteGroup headers", .stricter, "Exact values and prefixes without commas; others drop the match (Istio joins repeated headers)."),
            .init("TCPRoute ports", .exact, "Operation ports; alone in their own rules."),
            .init("TrafficTarget destination port (v1alpha1, v1alpha2)", .exact, "Operation ports on every rule of the target."),
            .init("UDPRoute", .refused, "Sidecars do not intercept UDP."),
            .init("TrafficMetrics", .exact, "PromQL over Istio's standard metrics (IstioMetricsQueries); an edge whose peer is a Pod is refused."),
            .init("Ambient-mode namespaces", .refused, "TrafficTargets there are refused (their pods keep only the allow-nothing policy); splits warn that they need a waypoint."),
            .init("TrafficSplit backends and weights", .exact, "VirtualService routes for the root FQDN with gcd-reduced weights; percentages by largest remainder (with warnings) for Istio before 1.15."),
            .init("TrafficSplit ports", .exact, "One route per root port, with only the backends exposing that port."),
            .init("TrafficSplit matches", .exact, "A first HTTP route with the route groups' path, method and header regexes, a last one to the root; repeated headers are joined with commas by Envoy."),
        ])
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering()
        IstioAccessTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        IstioSplitTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        return rendering.sorted()
    }
}
