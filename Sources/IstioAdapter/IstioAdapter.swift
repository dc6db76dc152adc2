public import SMICore

/// Renders SMI for Istio: TrafficTargets as AuthorizationPolicies (`security.istio.io/v1`)
/// with deny-by-default, keeping the `MeshAdapter` contract.
///
/// TrafficSplits are not rendered yet: each one is refused with an error, so nothing is
/// routed differently from plain Kubernetes.
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
            .init("UDPRoute", .refused, "Sidecars do not intercept UDP."),
            .init("TrafficSplit", .refused, "Not rendered by this version of the adapter."),
        ])
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering()
        IstioAccessTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        for item in bundle.trafficSplits {
            rendering.report(Diagnostic(.error, .istioNotRendered, "TrafficSplit is not rendered for Istio yet; traffic to the root Service is not split",
                                        object: item.document.object, file: item.document.source.file, location: item.document.source.root.location))
        }
        return rendering.sorted()
    }
}
