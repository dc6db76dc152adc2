public import SMICore

/// Renders SMI for Linkerd 2.14+: TrafficSplits as HTTPRoutes (`policy.linkerd.io/v1beta3`)
/// with a Service parent, keeping the `MeshAdapter` contract.
///
/// TrafficTargets are not rendered by this version: each is refused with an error, because
/// without Servers and authorizations Linkerd's default inbound policy decides.
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
            .init("TrafficTarget", .refused, "Not rendered by this version (Servers, MeshTLSAuthentications and AuthorizationPolicies come next)."),
        ])
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering()
        LinkerdSplitTranslator(bundle: bundle, inventory: inventory, options: options).render(into: &rendering)
        for item in bundle.trafficTargets {
            rendering.report(Diagnostic(.error, .linkerdNotRendered, "TrafficTarget is not rendered for Linkerd yet: access is not enforced by this output, and Linkerd's default inbound policy decides",
                                        object: item.document.object, file: item.document.source.file, location: item.document.source.root.location))
        }
        return rendering.sorted()
    }
}
