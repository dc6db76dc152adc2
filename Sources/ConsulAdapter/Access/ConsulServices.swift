import SMICore

/// The services a rendering governs, gathered from the access and split translators.
///
/// A ServiceDefaults is written only where SMI needs `protocol: http` (L7 intentions, a
/// discovery chain; Consul notes 2.3), with strict mutual TLS: config entries are replaced
/// whole when applied, so one written for every service would wipe the user's upstream
/// settings, expose paths and timeouts. Where `http` meets a TrafficTarget that grants raw TCP,
/// that TCP stops passing: a warning on the target. Mutual-TLS settings of the input that let
/// plaintext past the intentions are errors; a ServiceDefaults of the input that ours would
/// replace is a warning.
struct ConsulServices {
    /// One service.
    struct Entry {
        /// The Kubernetes namespace its CRs go to.
        var namespace: String
        /// Why it needs `http`, if it does (for the warning).
        var httpReason: String?
        /// The TrafficTargets that grant raw TCP to it.
        var rawTCP: [SMIDocument] = []
        /// The SMI objects it was rendered for.
        var sources: [Diagnostic.Object] = []
    }

    private(set) var entries: [ConsulName: Entry] = [:]
    /// The services of each split's discovery chain, which must share one protocol.
    private var chains: [(names: [ConsulName], split: SMIDocument)] = []
    /// The names an allow intention is written for, as destination or source.
    private var allowed = Set<ConsulName>()

    /// Records an allow intention from `source` to `destination`.
    mutating func allow(from source: ConsulName, to destination: ConsulName) {
        allowed.insert(source)
        allowed.insert(destination)
    }

    /// Records the services of the discovery chain of `split`.
    mutating func chain(_ names: [ConsulName], of split: SMIDocument) {
        chains.append((names, split))
    }

    /// Records that `name` (with CRs in `namespace`) is governed, and why it needs `http`.
    mutating func govern(
        _ name: ConsulName, namespace: String, httpReason: String? = nil, rawTCP: [SMIDocument] = [],
        sources: [Diagnostic.Object] = []
    ) {
        var entry = entries[name] ?? Entry(namespace: namespace)
        if entry.httpReason == nil { entry.httpReason = httpReason }
        entry.rawTCP += rawTCP
        entry.sources += sources
        entries[name] = entry
    }

    /// Adds the ServiceDefaults, the warnings about raw TCP grants under `http`, and in Consul
    /// CE the warning that allows reach same-named ServiceAccounts of every namespace:
    /// collisions among the identities the input shows are refused, others cannot be seen.
    func render(
        into rendering: inout Rendering, facts: ClusterFacts, options: RenderOptions,
        configuration: ConsulConfiguration
    ) {
        let inventory = facts.inventory
        if !configuration.hasNamespaces, !configuration.showsEveryNamespace, !allowed.isEmpty {
            let names = Set(allowed.map(\.name)).sorted().joined(separator: ", ")
            rendering.report(
                Diagnostic(
                    .warning, .consulIdentityCollision,
                    "Consul CE has no namespaces: the allows written for \(names) also hold for ServiceAccounts of those names in namespaces the input does not show; give every namespace's manifests (and say so with --consul-every-namespace), or use Consul Enterprise namespaces (--consul-namespaces mirror)"
                ))
        }
        reportExistingDefaults(in: inventory, into: &rendering, options: options, configuration: configuration)
        let written = entries.sorted(by: { $0.key < $1.key }).filter { $0.value.httpReason != nil }
        let protocols = ConsulProtocols(facts: facts).protocols(
            of: written.map { ($0.key, $0.value.namespace, $0.value.sources.first) }, chains: chains,
            into: &rendering, options: options)
        for (name, entry) in written {
            let proto = protocols[name] ?? "http"
            let defaults = Consul.V1Alpha1.ServiceDefaults(
                metadata: ConsulEncoding.metadata(
                    service: name.name, namespace: entry.namespace, sources: entry.sources, options: options),
                protocol: proto,
                // mutualTLSMode exists from Consul 1.16 (consul-k8s 1.2); before, `consul
                // config write` and strict kubectl validation refuse the key.
                withMutualTLSMode: !options.targetsBefore(1, 16))
            rendering.add(defaults)
            guard let reason = entry.httpReason else { continue }
            for document in entry.rawTCP {
                rendering.report(
                    .warning, .consulProtocol,
                    "Consul service \(name) gets protocol \(proto) (\(reason)), so raw TCP that this target grants no longer passes; only \(proto == "grpc" ? "gRPC" : "HTTP") does (stricter)",
                    about: document)
            }
        }
    }
}

extension ConsulServices {
    /// The input's ServiceDefaults and ProxyDefaults that act on governed services: a
    /// `mutualTLSMode: permissive` where no ServiceDefaults of ours overrides it lets plaintext
    /// from outside the mesh past every intention (an error: SMI denies that); a ServiceDefaults
    /// ours replaces loses its other settings when applied (a warning naming both).
    private func reportExistingDefaults(
        in inventory: Inventory, into rendering: inout Rendering, options: RenderOptions,
        configuration: ConsulConfiguration
    ) {
        let written = Set(entries.filter { $0.value.httpReason != nil }.keys)
        // Unseen, a permissive ProxyDefaults would open what ours do not cover: say what is assumed.
        let unpinned = entries.keys.filter { !written.contains($0) }.sorted()
        if !unpinned.isEmpty, !options.targetsBefore(1, 16),
            !inventory.meshObjects.contains(where: {
                $0.kind == "ProxyDefaults" && $0.apiVersion.hasPrefix("consul.hashicorp.com/")
            })
        {
            let names =
                unpinned.prefix(4).map(\.description).joined(separator: ", ") + (unpinned.count > 4 ? ", ..." : "")
            rendering.report(
                Diagnostic(
                    .info, .consulExistingConfig,
                    "mutual TLS is taken to be strict, Consul's default, for the services governed without a ServiceDefaults of ours (\(names)): a ProxyDefaults with mutualTLSMode permissive (where the mesh config allows it) would let plaintext past their intentions; give it in the input to have it checked"
                ))
        }
        for object in inventory.meshObjects
        where object.apiVersion.hasPrefix("consul.hashicorp.com/")
            && ["ServiceDefaults", "ProxyDefaults"].contains(object.kind)
        {
            let about = Diagnostic.Object(kind: object.kind, namespace: object.namespace, name: object.name)
            let permissive = object.root.node(at: "spec.mutualTLSMode")?.value.stringValue == "permissive"
            let governed: [ConsulName]
            if object.kind == "ProxyDefaults" {
                // A ServiceDefaults (of ours, or of the input) that sets a field overrides the
                // global one for its service.
                func setting(_ field: String) -> Set<ConsulName> {
                    Set(
                        inventory.meshObjects.filter {
                            $0.kind == "ServiceDefaults" && $0.root.node(at: FieldPath(stringLiteral: field)) != nil
                        }.map { ConsulName(namespace: configuration.consulNamespace($0.namespace), name: $0.name) }
                    ).union(written)
                }
                let (ownMode, ownProtocol) = (setting("spec.mutualTLSMode"), setting("spec.protocol"))
                governed = entries.keys.filter { !ownMode.contains($0) }.sorted()
                reportGlobalProtocol(
                    object, about: about, over: entries.keys.filter { !ownProtocol.contains($0) }.sorted(),
                    into: &rendering, options: options)
            } else {
                let name = ConsulName(namespace: configuration.consulNamespace(object.namespace), name: object.name)
                guard entries[name] != nil else { continue }
                guard !written.contains(name) else {
                    rendering.report(
                        Diagnostic(
                            .warning, .consulExistingConfig,
                            "the rendering writes a ServiceDefaults for \(name) too (an L7 protocol, for SMI's HTTP rules or a split): applied, it replaces this one whole, and its other settings are lost; merge them into the rendered one",
                            object: about, file: object.file, location: object.root.location))
                    continue
                }
                governed = [name]
            }
            guard permissive, !governed.isEmpty else { continue }
            let names =
                governed.prefix(4).map(\.description).joined(separator: ", ") + (governed.count > 4 ? ", ..." : "")
            rendering.report(
                Diagnostic(
                    .error, .consulExistingConfig,
                    "mutualTLSMode: permissive lets plaintext from outside the mesh reach \(names) without an intention being read (where the mesh config allows permissive mode), which SMI denies; set it to strict",
                    object: about, file: object.file, location: object.root.location))
        }
    }
}

extension ConsulServices {
    /// A ProxyDefaults of the input that sets an L7 protocol for every service: raw TCP that a
    /// TrafficTarget grants to a service without a ServiceDefaults of ours no longer passes
    /// (stricter than SMI, said on each such target).
    fileprivate func reportGlobalProtocol(
        _ object: Inventory.MeshObject, about: Diagnostic.Object, over governed: [ConsulName],
        into rendering: inout Rendering, options: RenderOptions
    ) {
        guard let proto = object.root.node(at: "spec.config.protocol")?.value.stringValue,
            ["http", "http2", "grpc"].contains(proto)
        else { return }
        for name in governed {
            for document in entries[name]?.rawTCP ?? [] {
                rendering.report(
                    .warning, .consulProtocol,
                    "\(about.kind) \(about.namespace ?? "")/\(about.name) sets protocol \(proto) for every service, so raw TCP that this target grants to \(name) no longer passes (stricter)",
                    about: document)
            }
        }
    }
}

/// Adding typed Consul objects to a rendering.
enum ConsulEncoding {
    /// Metadata for a kind whose `metadata.name` is the Consul service name itself (every
    /// kind but ServiceIntentions): neither prefixed nor shortened, since any other name
    /// would configure another service (a ServiceAccount name is a valid object name).
    static func metadata(service: String, namespace: String, sources: [Diagnostic.Object], options: RenderOptions)
        -> ObjectMeta
    {
        var metadata = RenderedMetadata.make(name: service, namespace: namespace, sources: sources, options: options)
        metadata.name = service
        return metadata
    }
}
