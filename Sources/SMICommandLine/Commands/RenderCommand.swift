import GatewayAPIAdapter
import LinkerdAdapter
import SMICore

/// `smi render`: translates SMI objects into a mesh's own resources.
struct RenderCommand: ToolCommand {
    static let name = "render"
    static let summary = "Translate SMI manifests into a mesh's native resources"
    static let help = """
        Usage: smi render --mesh istio|linkerd|consul|gateway-api [--strict] [--full-path-match]
                          [--trust-domain DOMAIN] [--deny-scope all|smi|none|NS,NS...]
                          [--target-version X.Y] [--compat linkerd-smi] [--linkerd-default-deny]
                          [--allow-probes]
                          [--consul-namespaces mirror[=PREFIX]] [--consul-partition P]
                          [--consul-acls-unmanaged] [--consul-inject-default] [--consul-default-deny]
                          [--consul-every-namespace]
                          [--cluster-domain DOMAIN] [--control-plane-namespace NS]...
                          [--routing gateway-api] [--gateway-api-version v1.N]
                          [--gateway-api-channel standard|experimental]
                          [--inventory PATH]...
                          [-o yaml|json|entries-json|entries-hcl] [--output-dir DIR] [PATH...]

        Reads every document of each PATH (a file; a directory, for its *.yaml, *.yml and
        *.json files in name order; '-' or no PATH for standard input): the SMI objects, and
        the app's own Kubernetes objects (Namespace, ServiceAccount, Deployment, StatefulSet,
        DaemonSet, ReplicaSet, Job, CronJob, Pod, Service) that tell which pods run as which
        service account. Writes the mesh's resources to standard output, sorted, and every
        diagnostic to standard error as
        file:line:column: severity[CODE]: Kind namespace/name: field: message
        followed by a one-line summary (coloured on a terminal unless NO_COLOR is set).

        The output never allows a request that SMI denies: what the mesh cannot express
        exactly is rendered stricter (a warning) or not at all (an error).

        Options for one mesh (--compat, --linkerd-*, --allow-probes, --consul-*,
        --gateway-api-*) are refused with another --mesh.

        Options:
          --mesh MESH            The mesh to render for: istio, linkerd or consul; or
                                 gateway-api: TrafficSplits as Gateway API routes for any
                                 mesh that implements GAMMA (TrafficTargets are errors:
                                 the Gateway API has no identity-based authorization).
          --strict               Warnings about stricter rendering become errors.
          --full-path-match      pathRegex must match the whole path, not only its start.
          --trust-domain DOMAIN  The SPIFFE trust domain of workload identities
                                 (default: cluster.local).
          --deny-scope SCOPE     Where to deny what no TrafficTarget allows: 'all' (every
                                 namespace of the input; the default), 'smi' (namespaces the
                                 SMI objects name), 'none', or a comma-separated list.
          --target-version X.Y   The mesh release to target, where releases differ (Istio:
                                 before 1.15 weights become percentages; before 1.17 and
                                 1.22 the v1beta1 APIs are written; Linkerd: 2.15
                                 Server v1beta2, before it v1beta1, before 2.14
                                 HTTPRoute v1beta2;
                                 Consul: before 1.16 no mutualTLSMode, before 1.20.1
                                 path permissions are warned about, CVE-2024-10005).
                                 X.Y.Z names a patch release.
                                 Default: current.
          --compat linkerd-smi   Linkerd: write splits as the linkerd-smi extension does
                                 (ServiceProfile dstOverrides; splits with matches, or
                                 whose backends differ by port, are refused).
          --linkerd-default-deny Linkerd: the cluster's default inbound policy is deny
                                 (proxy.defaultInboundPolicy), so ports without a Server
                                 are denied; without it (the Helm default,
                                 all-unauthenticated) a warning names the namespaces to
                                 annotate. A Namespace's config.linkerd.io/default-inbound-
                                 policy annotation in the input is read either way.
          --allow-probes         Linkerd: let the kubelet's probes through where Linkerd
                                 refuses them (gRPC probes; HTTP GET probes on a Server
                                 with HTTPRoutes): a route of exactly the probes' methods
                                 and paths for every network. Wider than SMI: a warning,
                                 an error with --strict.
          --consul-namespaces mirror[=PREFIX]
                                 Consul Enterprise: Kubernetes namespace NS is Consul
                                 namespace PREFIX+NS (default: Consul CE, one namespace).
          --consul-partition P   Consul Enterprise: the admin partition.
          --consul-acls-unmanaged
                                 consul-k8s does not manage ACLs: identities are not bound
                                 to ServiceAccounts, so no allow is rendered (an error).
          --consul-inject-default
                                 consul-k8s injects every pod not annotated
                                 consul.hashicorp.com/connect-inject: "false"
                                 (connectInject.default: true); the Helm default injects
                                 only pods annotated "true".
          --consul-default-deny  Also write the mesh-wide '*' -> '*' deny intention, so that
                                 services the input does not show are denied too.
          --consul-every-namespace
                                 Consul CE: the input shows every namespace of the cluster
                                 (kubectl get -A), so same-named ServiceAccounts elsewhere
                                 cannot share a grant unseen: no SMI5002 warning, and
                                 --strict can pass.
          --cluster-domain DOMAIN
                                 The cluster's DNS domain, for Service host names
                                 (default: cluster.local).
          --control-plane-namespace NS
                                 A namespace of the mesh's control plane besides the stock
                                 ones (istio-system; linkerd, linkerd-*; consul): it is never
                                 governed, and grants into it are refused. Repeatable.
          --routing gateway-api  Istio, Linkerd: TrafficSplits as Gateway API routes (HTTPRoute,
                                 GRPCRoute, TCPRoute on the root Service) written for the
                                 mesh; access control stays the mesh's own resources.
          --gateway-api-version v1.N
                                 The Gateway API release whose CRDs the cluster has, v1.0 to
                                 v1.6 (default: v1.6): which kinds, apiVersions and fields
                                 may be written, and the limits of each.
          --gateway-api-channel standard|experimental
                                 The CRD channel installed (default: standard).
          --inventory PATH       Read the workloads from PATH as well (a file, directory or
                                 '-'; SMI objects there are ignored). Repeatable.
          -o, --output FORMAT    yaml (default) or json: the resources (for consul, the
                                 consul-k8s CRDs); for consul, entries-json or entries-hcl:
                                 the config entries that 'consul config write' takes (one
                                 JSON document each in entries-json; one per '# Kind/Name'
                                 heading in entries-hcl).
          --output-dir DIR       Write one file per resource (for consul entries-json or
                                 entries-hcl, per config entry, as 'consul config write' takes
                                 them) into DIR, named kind-namespace-name.json (.yaml, .hcl),
                                 instead of standard output.

        Exit status: 0 when everything was rendered (warnings are fine), 1 when there is at
        least one error, or with --strict a warning (the output then holds only what could be
        rendered safely: an error removes grants and routes, never adds them), 2 on bad usage.

        Examples:
          smi render --mesh istio app.yaml smi.yaml > istio.yaml
          smi render --mesh istio --strict --inventory deploy/ smi/
          smi render --mesh linkerd --target-version 2.15 app.yaml smi.yaml
          smi render --mesh consul -o entries-hcl app.yaml smi.yaml
          smi render --mesh istio --routing gateway-api app.yaml smi.yaml
          smi render --mesh gateway-api --gateway-api-version v1.2 split.yaml
          kubectl get deploy,sa,svc,trafficsplits,traffictargets,httproutegroups -A -o yaml | smi render --mesh istio -
        """

    var adapter: (any MeshAdapter)?
    var options = RenderOptions()
    var formatName = OutputFormat.yaml.name
    var format = OutputFormat.yaml
    var settings = MeshSettings()
    var paths: [String] = []
    var inventoryPaths: [String] = []
    var controlPlaneNamespaces: [String] = []
    var gatewayRouting = false
    var outputDirectory: String?

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        var mesh: String?
        while let item = scanner.next() {
            switch item {
            case let .positional(path): paths.append(path)
            case let .option(name, inline):
                switch name {
                case "--mesh": mesh = try Meshes.adapter(named: try scanner.value(for: name, inline: inline)).mesh
                case "--strict": options.strict = true
                case "--full-path-match": options.pathAnchoring = .full
                case "--trust-domain": options.trustDomain = try scanner.value(for: name, inline: inline)
                case "--target-version":
                    let version = try scanner.value(for: name, inline: inline)
                    guard let release = MeshRelease(version) else {
                        throw UsageError(
                            message: "option '--target-version' takes a release like 1.14 or 1.20.1, not '\(version)'")
                    }
                    options.release = release
                case "--deny-scope": options.denyScope = Self.denyScope(try scanner.value(for: name, inline: inline))
                case "-o", "--output":
                    formatName = try scanner.choice(for: name, inline: inline, from: Meshes.outputFormatNames)
                case "--cluster-domain": options.clusterDomain = try scanner.value(for: name, inline: inline)
                case "--control-plane-namespace":
                    controlPlaneNamespaces.append(try scanner.value(for: name, inline: inline))
                case "--inventory": inventoryPaths.append(try scanner.value(for: name, inline: inline))
                case "--output-dir": outputDirectory = try scanner.value(for: name, inline: inline)
                case "--routing":
                    gatewayRouting =
                        try scanner.choice(for: name, inline: inline, from: ["gateway-api"]) == "gateway-api"
                default: try Self.parseMeshOption(name, inline, &scanner, into: &settings)
                }
            }
        }
        guard let mesh else {
            throw UsageError(
                message:
                    "give the mesh to render for with --mesh (\(Meshes.available.map(\.mesh).joined(separator: ", ")))")
        }
        let rendered: Set<String> = gatewayRouting ? [mesh, "gateway-api"] : [mesh]
        if let foreign = settings.foreignFlag(rendering: rendered) {
            throw UsageError(message: "option '\(foreign.flag)' configures \(foreign.mesh), not --mesh \(mesh)")
        }
        var chosen = try Meshes.adapter(named: mesh, settings: settings)
        if gatewayRouting {
            guard let implementation = GatewayAPIImplementation(rawValue: mesh), implementation != .generic else {
                throw UsageError(message: "--routing gateway-api goes with --mesh istio or linkerd, not \(mesh)")
            }
            guard settings.linkerd.splitForm == .httpRoute else {
                throw UsageError(message: "--routing gateway-api and --compat linkerd-smi exclude each other")
            }
            chosen = GatewayAPIRoutedAdapter(
                access: chosen, release: settings.gatewayAPI, implementation: implementation)
        }
        if !controlPlaneNamespaces.isEmpty {
            var installation = chosen.installation
            installation.controlPlaneNamespaces.formUnion(controlPlaneNamespaces)
            options.installation = installation
        }
        guard let named = chosen.outputFormats.first(where: { $0.name == formatName }) else {
            throw UsageError(
                message:
                    "--mesh \(mesh) writes \(chosen.outputFormats.map(\.name).joined(separator: ", ")), not \(formatName)"
            )
        }
        format = named
        adapter = chosen
    }

    /// Reads an option that configures one mesh's installation into `settings`, noting the
    /// mesh it is for; a usage error for an unknown option.
    private static func parseMeshOption(
        _ name: String, _ inline: String?, _ scanner: inout ArgumentScanner, into settings: inout MeshSettings
    ) throws(UsageError) {
        switch name {
        case "--compat":
            _ = try scanner.choice(
                for: name, inline: inline, from: [LinkerdConfiguration.SplitForm.linkerdSMI.rawValue])
            settings.linkerd.splitForm = .linkerdSMI
            settings.note(name, for: "linkerd")
        case "--linkerd-default-deny":
            settings.linkerd.defaultInboundPolicy = "deny"
            settings.note(name, for: "linkerd")
        case "--allow-probes":
            settings.linkerd.allowsProbes = true
            settings.note(name, for: "linkerd")
        case "--consul-namespaces":
            let value = try scanner.value(for: name, inline: inline)
            guard value == "mirror" || value.hasPrefix("mirror=") else {
                throw UsageError(message: "option '--consul-namespaces' takes mirror or mirror=PREFIX, not '\(value)'")
            }
            settings.consul.namespaces = .mirroring(prefix: String(value.dropFirst("mirror".count).drop { $0 == "=" }))
            settings.note(name, for: "consul")
        case "--consul-partition":
            settings.consul.partition = try scanner.value(for: name, inline: inline)
            settings.note(name, for: "consul")
        case "--consul-acls-unmanaged":
            settings.consul.aclsManaged = false
            settings.note(name, for: "consul")
        case "--consul-inject-default":
            settings.consul.injectedByDefault = true
            settings.note(name, for: "consul")
        case "--consul-default-deny":
            settings.consul.meshWideDeny = true
            settings.note(name, for: "consul")
        case "--consul-every-namespace":
            settings.consul.showsEveryNamespace = true
            settings.note(name, for: "consul")
        case "--gateway-api-version":
            let value = try scanner.value(for: name, inline: inline)
            guard let release = GatewayAPIRelease(value, channel: settings.gatewayAPI.channel) else {
                throw UsageError(
                    message: "option '--gateway-api-version' takes a release from v1.0 to v1.6, not '\(value)'")
            }
            settings.gatewayAPI = release
            settings.note(name, for: "gateway-api")
        case "--gateway-api-channel":
            let value = try scanner.choice(
                for: name, inline: inline, from: GatewayAPIRelease.Channel.allCases.map(\.rawValue))
            settings.gatewayAPI.channel = GatewayAPIRelease.Channel(rawValue: value) ?? .standard
            settings.note(name, for: "gateway-api")
        default: throw UsageError(message: "unknown option '\(name)'")
        }
    }

    static func denyScope(_ text: String) -> RenderOptions.DenyScope {
        switch text {
        case "all": .allKnownNamespaces
        case "smi": .smiNamespaces
        case "none": .none
        default: .namespaces(text.split(separator: ",").map(String.init))
        }
    }

    func run(console: inout Console) throws -> Int32 {
        guard let adapter else { return ExitStatus.usage }
        guard let input = InputFiles.smiInput(paths, inventory: inventoryPaths, console: console, command: Self.name)
        else { return ExitStatus.failure }
        let translation = SMITranslation(input, adapter: adapter, options: options)
        let rendering = translation.rendering
        let report = DiagnosticReport(diagnostics: translation.diagnostics, strict: options.strict)
        report.write(
            to: console, documents: input.documentCount,
            then: "\(DiagnosticReport.count(rendering.resourceCount, "resource")) for \(adapter.mesh)")
        if let directory = outputDirectory {
            guard FileSystem.makeDirectory(directory) else {
                console.error("smi render: cannot make directory '\(directory)'")
                return ExitStatus.failure
            }
            for file in try adapter.files(of: rendering, format: format) {
                guard FileSystem.write(file.text, to: directory + "/" + file.name) else {
                    console.error("smi render: cannot write '\(directory)/\(file.name)'")
                    return ExitStatus.failure
                }
            }
        } else if rendering.resourceCount > 0 {
            var last: UInt8?
            try adapter.write(rendering, format: format) { piece in
                console.out(piece)
                last = piece.last ?? last
            }
            if last != UInt8(ascii: "\n") { console.out("") }
        }
        console.keepUntilExit((translation, report))
        return report.status
    }
}
