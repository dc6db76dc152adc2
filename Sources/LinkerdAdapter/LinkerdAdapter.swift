public import SMICore

/// Renders SMI for Linkerd 2.16+: TrafficTargets as Servers (`accessPolicy: deny`),
/// MeshTLSAuthentications, AuthorizationPolicies and Server-parented HTTPRoutes, and
/// TrafficSplits as Service-parented HTTPRoutes, keeping the `MeshAdapter` contract.
public struct LinkerdAdapter: MeshAdapter {
    /// Creates the adapter.
    public init() {}

    /// `linkerd`.
    public var mesh: String { "linkerd" }

    /// What Linkerd can express, and what this version renders.
    public var capabilities: Capabilities {
        Capabilities([
            .init("TrafficSplit backends and weights", .exact, "HTTPRoute per root port with a Service parent; gcd-reduced weights, scaled to 1,000,000 with warnings only when larger."),
            .init("TrafficSplit ports", .exact, "Only the backends exposing the root port take part; the root Service must be in the input."),
            .init("TrafficSplit matches", .exact, "Rules with '^(?:R).*' path and '^(?:R)$' header regexes, one match per method, and a last catch-all rule to the root; \\d, \\w, \\s, \\b and \\p are refused (Unicode in Rust)."),
            .init("TrafficSplit of non-HTTP TCP", .stricter, "HTTPRoutes split HTTP only; other connections go to the root (a warning)."),
            .init("TrafficTarget destination", .stricter, "A deny Server per known port of exactly the account's pods; ports the inventory does not list keep the default inbound policy (a warning recommends deny)."),
            .init("TrafficTarget sources", .exact, "MeshTLSAuthentication identityRefs to the ServiceAccounts, with their namespace."),
            .init("TCPRoute grants", .exact, "AuthorizationPolicy on the Server: every byte and every route of the port."),
            .init("HTTPRouteGroup grants", .stricter, "HTTPRoutes per source set with their own AuthorizationPolicy; overlapping routes of different sources deny on one of them (a warning)."),
            .init("UDPRoute", .refused, "Linkerd does not proxy UDP."),
            .init("TrafficMetrics", .exact, "PromQL over response_latency_ms and response_total (LinkerdMetricsQueries); an edge from a named peer is measured at the peer."),
        ])
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering()
        LinkerdAccessTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        LinkerdSplitTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        return rendering.sorted()
    }
}
