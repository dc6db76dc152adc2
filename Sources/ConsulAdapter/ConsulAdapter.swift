public import SMICore

/// Renders SMI for Consul service mesh on Kubernetes: TrafficTargets as ServiceIntentions,
/// TrafficSplits as ServiceSplitters, ServiceRouters and ServiceResolvers, with the
/// ServiceDefaults they need, keeping the `MeshAdapter` contract. The CRDs are the rendering;
/// `ConsulConfigEntries` gives the same objects as `consul config write` entries.
public struct ConsulAdapter: MeshAdapter {
    /// How the installation maps Kubernetes onto Consul.
    public let configuration: ConsulConfiguration

    /// Creates the adapter for an installation (by default Consul CE with managed ACLs).
    public init(configuration: ConsulConfiguration = ConsulConfiguration()) {
        self.configuration = configuration
    }

    /// `consul`.
    public var mesh: String { "consul" }

    /// What Consul can express, and what this version renders.
    public var capabilities: Capabilities {
        Capabilities([
            .init("TrafficTarget destination", .exact, "One ServiceIntentions per destination Consul service (the ServiceAccount's name under managed ACLs), closed by a wildcard deny, with ServiceDefaults mutualTLSMode strict."),
            .init("TrafficTarget sources", .exact, "Sources by Consul service name; where several SMI identities share a name (Consul CE has no namespaces) an allow is written only if SMI grants them alike, else an error."),
            .init("TCPRoute grants", .stricter, "An L4 allow; intentions have no port, so a grant limited to ports without the registered port is not rendered, and other ports are not reached through the proxy (warnings)."),
            .init("HTTPRouteGroup grants", .stricter, "L7 permissions (pathExact/pathPrefix where exact, else pathRegex; methods; header regexes) and a catch-all deny; header regexes that can match ',' are left out, as Envoy joins repeated values."),
            .init("UDPRoute", .refused, "UDP bypasses Consul's proxy."),
            .init("TrafficSplit backends and weights", .stricter, "ServiceSplitter in hundredths of a percent summing to 100 (largest remainder, a warning when rounded); backends as services or as ServiceResolver subsets, chosen from the inventory; HTTP only."),
            .init("TrafficSplit matches", .exact, "A ServiceRouter on the root, one route per match, to the backend or to a virtual service carrying the split."),
            .init("TrafficSplit ports", .refused, "Consul splits a service, not a port: a split whose ports differ in backends is not rendered."),
            .init("TrafficMetrics", .exact, "PromQL over Consul's Envoy metrics (ConsulMetricsQueries); an edge from a named peer is measured at the peer."),
        ])
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering()
        var services = ConsulServices()
        let access = ConsulAccessTranslator(bundle: bundle, inventory: inventory, options: options, configuration: configuration)
            .render(into: &rendering, services: &services)
        ConsulSplitTranslator(bundle: bundle, inventory: inventory, options: options, configuration: configuration)
            .render(into: &rendering, services: &services, access: access)
        services.render(into: &rendering, options: options, configuration: configuration)
        return rendering.sorted()
    }

    /// `yaml` (the CRDs), `json` and `hcl` (config entries for `consul config write`).
    public var outputFormats: [String] { ["yaml", "json", "hcl"] }

    /// The CRDs as YAML, or the config entries as JSON or HCL.
    public func text(of rendering: Rendering, format: String) throws -> String {
        let entries = ConsulConfigEntries(configuration: configuration)
        switch format {
        case "json": return try entries.json(rendering.sorted().resources)
        case "hcl": return try entries.hcl(rendering.sorted().resources)
        default: return rendering.yaml()
        }
    }
}
