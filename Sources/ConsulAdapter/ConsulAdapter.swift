public import SMICore

/// Renders SMI for Consul service mesh on Kubernetes.
///
/// TrafficTargets as ServiceIntentions, TrafficSplits as ServiceSplitters, ServiceRouters and
/// ServiceResolvers, with the ServiceDefaults they need, keeping the `MeshAdapter` contract.
///
/// The CRDs are the rendering; `ConsulConfigEntries` gives the same objects as `consul config
/// write` entries.
public struct ConsulAdapter: MeshAdapter {
    /// How the installation maps Kubernetes onto Consul.
    public let configuration: ConsulConfiguration

    /// Creates the adapter for an installation (by default Consul CE with managed ACLs).
    public init(configuration: ConsulConfiguration = ConsulConfiguration()) {
        self.configuration = configuration
    }

    /// `consul`.
    public var mesh: String { "consul" }

    /// Consul's Prometheus queries for SMI's TrafficMetrics, with the default labels.
    public var metrics: (any MeshMetrics)? { ConsulMetricsQueries() }

    /// What Consul can express, and what this version renders.
    public var capabilities: Capabilities {
        Capabilities(
            [
                .init(
                    .denyByDefault, .approximate,
                    "Every ServiceIntentions ends in a wildcard deny, and every other service in scope gets a deny-only one (namespaces left out: SMI5006); ServiceDefaults (protocol http, mutualTLSMode strict) only for services with L7 rules or a split, so that no user setting is replaced unasked; a permissive mutualTLSMode of the input on a governed service is an error (SMI5012). Enforced only where pods run the proxy: pods without one, and ports that bypass it, are reported (SMI2703 for destinations, SMI2705 for the rest); control-plane namespaces are never governed (SMI2701)."
                ),
                .init(
                    .destination, .exact,
                    "One ServiceIntentions per destination Consul service: the ServiceAccount's name under managed ACLs (no allow at all without them, SMI5001)."
                ),
                .init(
                    .destinationPort, .stricter,
                    "Intentions have no ports: a grant whose ports miss the registered port is not rendered (SMI5003)."),
                .init(
                    .sources, .exact,
                    "Sources by Consul service name; where several SMI identities share one (Consul CE has no namespaces) an allow is written only if SMI grants them alike, else an error (SMI5002)."
                ),
                .init(
                    .ruleMatches, .exact,
                    "Only the selected matches become L7 permissions; a match name used twice in its group selects nothing (D16)."
                ),
                .init(
                    .tcpRoute, .stricter,
                    "An L4 allow; a grant limited to ports without the registered port is not rendered, and other ports are not reached through the proxy (SMI5003)."
                ),
                .init(
                    .pathRegex, .exact,
                    "L7 pathExact or pathPrefix where the regex is one, else pathRegex; every HTTP grant closes with a catch-all deny."
                ),
                .init(.methods, .exact, "L7 methods."),
                .init(
                    .headers, .stricter,
                    "L7 header regexes; those that can match ',' drop the match (SMI5004), as Envoy joins repeated values."
                ),
                .init(.udpRoute, .refused, "UDP bypasses Consul's proxy (SMI5005)."),
                .init(
                    .splitRoot, .exact,
                    "The ServiceSplitter is named after the root Service; in Consul CE, where two namespaces' roots of one name are one service, the second split is refused (SMI5009)."
                ),
                .init(
                    .splitWeights, .stricter,
                    "ServiceSplitter in hundredths of a percent summing to 100 (largest remainder, SMI5010 when rounded); backends as services or ServiceResolver subsets, chosen from the inventory; a backend that is another split's root goes to its subset of every instance, past its splitter (splits are not hierarchical)."
                ),
                .init(
                    .splitPorts, .refused,
                    "Consul splits a service, not a port: a split whose backends differ by root port is not rendered (SMI5009)."
                ),
                .init(
                    .splitMatches, .exact,
                    "A ServiceRouter on the root, one route per match, to the backend or to a virtual service carrying the split."
                ),
                .init(
                    .splitNonHTTP, .stricter,
                    "Splitting needs protocol http, so other TCP to the root and its backends stops (SMI5009, SMI5011)."
                ),
                .init(
                    .metrics, .exact,
                    "PromQL over Consul's Envoy metrics (ConsulMetricsQueries); an edge from a named peer is measured at the peer; an edge.side other than the one measured is refused."
                )
            ], diagnostics: DiagnosticCode.consulCatalogue)
    }

    /// Renders `bundle` for the workloads of `inventory`.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        var rendering = Rendering(options)
        var services = ConsulServices()
        let facts = ClusterFacts(
            bundle: bundle, inventory: inventory, installation: options.installation ?? installation)
        let access = ConsulAccessTranslator(
            bundle: bundle, inventory: inventory, options: options, configuration: configuration, facts: facts
        )
        .render(into: &rendering, services: &services)
        if options.rendersSplits {
            ConsulSplitTranslator(bundle: bundle, inventory: inventory, options: options, configuration: configuration)
                .render(into: &rendering, services: &services, access: access)
        }
        services.render(into: &rendering, facts: facts, options: options, configuration: configuration)
        rendering.sort()
        return rendering
    }

    /// The CRDs as YAML and JSON, and the config entries for `consul config write`.
    ///
    /// `OutputFormat.yaml` and `.json`; `.configEntriesJSON` and `.configEntriesHCL`.
    public var outputFormats: [OutputFormat] { [.yaml, .json, .configEntriesJSON, .configEntriesHCL] }

    /// One file per CRD, or per config entry in JSON or HCL, named `kind-[namespace-]name` from
    /// the entry.
    ///
    /// `consul config write` takes one entry per file.
    public func files(of rendering: Rendering, format: OutputFormat) throws -> [OutputFile] {
        guard format == .configEntriesJSON || format == .configEntriesHCL else {
            return try OutputFile.perResource(rendering, format: format)
        }
        let entries = ConsulConfigEntries(configuration: configuration)
        return try rendering.sorted().resources.compactMap { resource -> OutputFile? in
            guard let entry = entries.entry(resource) else { return nil }
            let map = entry.value.mappingValue
            let name = OutputFile.name(
                kind: map?["Kind"]?.value.stringValue ?? "entry", namespace: map?["Namespace"]?.value.stringValue,
                name: map?["Name"]?.value.stringValue ?? "", format: format)
            let text =
                format == .configEntriesJSON
                ? try JSONWriter(pretty: true).write(entry) + "\n" : try HCLWriter().write(body: entry)
            return OutputFile(name: name, text: text)
        }
    }

    /// The CRDs as YAML or JSON, or the config entries as JSON or HCL.
    public func write(_ rendering: Rendering, format: OutputFormat, to sink: (UnsafeBufferPointer<UInt8>) -> Void)
        throws
    {
        let entries = ConsulConfigEntries(configuration: configuration)
        var text: String
        switch format {
        case .configEntriesJSON: text = try entries.json(rendering.sorted().resources)
        case .configEntriesHCL: text = try entries.hcl(rendering.sorted().resources)
        case .json: return try rendering.writeJSON(to: sink)
        default: return rendering.writeYAML(to: sink)
        }
        text.withUTF8(sink)
    }
}
