public import SMICore

/// Renders SMI for Linkerd 2.16+.
///
/// TrafficTargets as Servers (`accessPolicy: deny`), MeshTLSAuthentications,
/// AuthorizationPolicies and Server-parented HTTPRoutes, and TrafficSplits as Service-parented
/// HTTPRoutes, keeping the `MeshAdapter` contract.
public struct LinkerdAdapter: MeshAdapter {
    /// The installation and the split form rendered for.
    public var configuration: LinkerdConfiguration

    /// An adapter for `configuration` (a stock installation, splits as HTTPRoutes, unless
    /// given).
    public init(configuration: LinkerdConfiguration = LinkerdConfiguration()) {
        self.configuration = configuration
    }

    /// `linkerd`.
    public var mesh: String { "linkerd" }

    /// Linkerd's Prometheus queries for SMI's TrafficMetrics, with the default labels.
    public var metrics: (any MeshMetrics)? { LinkerdMetricsQueries() }

    /// What Linkerd can express, and what this version renders.
    public var capabilities: Capabilities {
        Capabilities(
            [
                .init(
                    .denyByDefault, .approximate,
                    "A deny Server for every known port in scope with no grant; ports the inventory does not list keep the default inbound policy, so a warning (SMI4007) asks for config.linkerd.io/default-inbound-policy: deny. Enforced only where pods run the proxy: pods without one, and ports that bypass it, are reported (SMI2703 for destinations, SMI2705 for the rest); control-plane namespaces are never governed (SMI2701)."
                ),
                .init(
                    .destination, .stricter,
                    "A Server per service account and port selecting exactly the account's pods; refused (SMI4004) when no label set does that."
                ),
                .init(.destinationPort, .exact, "Servers on those ports only."),
                .init(
                    .sources, .exact, "MeshTLSAuthentication identityRefs to the ServiceAccounts, with their namespace."
                ),
                .init(
                    .ruleMatches, .exact,
                    "Only the selected matches become HTTPRoute matches; a match name used twice in its group selects nothing (D16)."
                ),
                .init(
                    .tcpRoute, .exact, "An AuthorizationPolicy on the Server: every byte and every route of the port."),
                .init(
                    .pathRegex, .stricter,
                    "HTTPRoute RegularExpression '^(?:R).*'; a regex Rust reads otherwise than RE2 (\\d, \\w, \\s, \\b, \\p are Unicode in Rust; \\Q...\\E and \\C are RE2 only; nested classes and &&, --, ~~ in a class) drops the match (SMI4006); overlapping routes of different sources deny on one of them (SMI4008). Paths are matched as sent, not normalized (SMI4012)."
                ),
                .init(.methods, .exact, "One HTTPRoute match per method."),
                .init(
                    .headers, .stricter,
                    "RegularExpression '^(?:R)$' over the value; the classes above and header names the CRD rejects drop the match (SMI4006)."
                ),
                .init(.udpRoute, .refused, "Linkerd does not proxy UDP (SMI4005)."),
                .init(
                    .splitRoot, .exact,
                    "The HTTPRoutes' parent is the root Service (or, with --compat linkerd-smi, the ServiceProfile of its FQDN)."
                ),
                .init(
                    .splitWeights, .exact,
                    "HTTPRoute per root port with a Service parent (a TCPRoute on ports Linkerd's clients treat as opaque, 2.18+); gcd-reduced weights, scaled to 1,000,000 with a warning (SMI4002) only when larger; at most 16 backends."
                ),
                .init(
                    .splitPorts, .exact,
                    "Only the backends exposing the root port take part; the root Service must be in the input."),
                .init(
                    .splitMatches, .exact,
                    "Rules with the matches, one per method, and a last catch-all rule to the root; the regex classes above are refused."
                ),
                .init(
                    .splitNonHTTP, .stricter,
                    "HTTPRoutes split HTTP only; other connections go to the root (SMI4003). Opaque ports (the Service's opaque-ports, appProtocol from 2.18) are split by TCPRoute from 2.18 and not at all before, nor for a split with matches (SMI4003)."
                ),
                .init(
                    .metrics, .exact,
                    "PromQL over response_latency_ms and response_total (LinkerdMetricsQueries); an edge from a named peer is measured at the peer; an edge.side other than the one measured is refused."
                )
            ], diagnostics: DiagnosticCode.linkerdCatalogue)
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering(options)
        let facts = ClusterFacts(
            bundle: bundle, inventory: inventory, installation: options.installation ?? installation)
        LinkerdAccessTranslator(
            bundle: bundle, inventory: inventory, options: options, configuration: configuration, facts: facts
        ).render(into: &rendering)
        if options.rendersSplits {
            LinkerdSplitTranslator(
                bundle: bundle, inventory: inventory, options: options, splitForm: configuration.splitForm
            ).render(into: &rendering)
        }
        LinkerdExistingConfig(inventory: inventory, options: options).report(into: &rendering)
        rendering.sort()
        return rendering
    }
}
