public import SMICore

/// Renders TrafficSplits as Gateway API routes for service meshes (GAMMA), the successor of
/// SMI's routing.
///
/// Per root Service port an HTTPRoute, GRPCRoute or TCPRoute attached to the Service, written
/// for one Gateway API release and channel and for the mesh that reads them.
///
/// The Gateway API has no identity-based authorization in any release, so TrafficTargets are
/// not rendered here: alone, this adapter reports each as an error; `GatewayAPIRoutedAdapter`
/// pairs it with a mesh adapter that renders access control.
public struct GatewayAPIAdapter: MeshAdapter {
    /// The Gateway API release and channel the routes are written for.
    public var release: GatewayAPIRelease
    /// The mesh that reads the routes.
    public var implementation: GatewayAPIImplementation
    /// Whether another adapter renders the TrafficTargets (no error for them here).
    public var accessRenderedElsewhere: Bool

    /// Creates the adapter for `release` and the mesh `implementation`.
    ///
    /// By default the newest release, standard channel, and any conformant implementation.
    public init(
        release: GatewayAPIRelease = .newest, implementation: GatewayAPIImplementation = .generic,
        accessRenderedElsewhere: Bool = false
    ) {
        self.release = release
        self.implementation = implementation
        self.accessRenderedElsewhere = accessRenderedElsewhere
    }

    /// `gateway-api`.
    public var mesh: String { "gateway-api" }

    /// No control plane of its own: the mesh that reads the routes has one.
    public var installation: MeshInstallation {
        MeshInstallation(
            controlPlaneNamespaces: [],
            injection: ProxyInjection(
                pod: [], namespace: [], byDefault: true, requirement: "the mesh that reads the routes"))
    }

    /// What the Gateway API can express.
    public var capabilities: Capabilities {
        let access =
            "The Gateway API has no identity-based authorization in any release (GEP-3779 has no CRD): not rendered (SMI6001); use --mesh istio|linkerd --routing gateway-api."
        return Capabilities(
            [
                .init(.denyByDefault, .refused, access),
                .init(.destination, .refused, access),
                .init(.destinationPort, .refused, access),
                .init(.sources, .refused, access),
                .init(.ruleMatches, .refused, access),
                .init(.tcpRoute, .refused, access),
                .init(
                    .pathRegex, .exact,
                    "Exact or PathPrefix where they admit exactly the same paths, else RegularExpression '^(?:R).*' ('^(?:R)$' with full anchoring), read alike by RE2 and Rust; what Rust reads otherwise than RE2 (\\d, \\w, \\s, \\b, \\p; \\Q...\\E; class set operators) is refused unless the mesh is Istio (SMI6002)."
                ),
                .init(.methods, .exact, "HTTPRoute method, one match per method (the nine methods the CRD knows)."),
                .init(
                    .headers, .approximate,
                    "Exact for literals, else RegularExpression '^(?:R)$'; Envoy-based meshes match repeated headers joined by ',' (SMI6005 where a regex can match ','); cookie, host and pseudo-headers are refused there."
                ),
                .init(.udpRoute, .refused, access),
                .init(
                    .splitRoot, .exact,
                    "parentRefs [{group: \"\", kind: Service, name, port}] (a producer route, no hostnames); without parentRefs.port (standard before v1.1) only a single-port root."
                ),
                .init(
                    .splitWeights, .exact,
                    "backendRefs with gcd-reduced weights, scaled to 1,000,000 with a warning (SMI6003) only when larger; at most 16 backends."
                ),
                .init(
                    .splitPorts, .exact,
                    "One route per root port, with the backends that expose it; the root Service must be in the input."),
                .init(
                    .splitMatches, .exact,
                    "Rules with the matches (packed within the release's limits, over several routes when one cannot hold them) and a last catch-all rule to the root, ranked last by the mesh's precedence (RegularExpression '/.*' for Istio when regex rules exist)."
                ),
                .init(
                    .splitNonHTTP, .exact,
                    "TCPRoute for ports declared TCP (standard from v1.6, experimental before), GRPCRoute for gRPC ports; ports declaring no protocol get an HTTPRoute, which splits only what the mesh detects as HTTP (SMI6004)."
                ),
                .init(
                    .metrics, .refused,
                    "The Gateway API has no mesh telemetry API (GEP-4768 covers north-south tracing only): use the mesh's own queries."
                )
            ], diagnostics: DiagnosticCode.gatewayCatalogue)
    }

    /// Renders the TrafficSplits of `bundle` as routes.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering(options)
        let problems = implementation.releaseProblems(release, options)
        for (severity, message) in problems {
            rendering.report(
                Diagnostic(
                    severity, .gatewayRelease, severity == .error ? "\(message); no route is rendered" : message))
        }
        if !accessRenderedElsewhere {
            for target in bundle.trafficTargets {
                rendering.report(
                    .error, .gatewayAccessNotRendered,
                    "access control is not rendered: the Gateway API has no identity-based authorization (GEP-3779 has no CRD); render with --mesh istio|linkerd --routing gateway-api",
                    about: target.document)
            }
        }
        // Routes the mesh cannot read would leave the splits unapplied while looking rendered.
        guard !problems.contains(where: { $0.0 == .error }) else {
            rendering.sort()
            return rendering
        }
        GatewayAPISplitTranslator(
            bundle: bundle, inventory: inventory, options: options, release: release, implementation: implementation
        ).render(into: &rendering)
        rendering.sort()
        return rendering
    }
}
