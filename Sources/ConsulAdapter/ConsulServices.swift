import SMICore

/// The services a rendering governs, gathered from the access and split translators, each
/// written once as a ServiceDefaults: strict mutual TLS always, and `protocol: http` where
/// L7 intentions or a discovery chain need it (Consul notes 2.3). Where `http` meets a
/// TrafficTarget that grants raw TCP, that TCP stops passing: a warning on the target.
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
    /// The names an allow intention is written for, as destination or source.
    private var allowed = Set<ConsulName>()

    /// Records an allow intention from `source` to `destination`.
    mutating func allow(from source: ConsulName, to destination: ConsulName) {
        allowed.insert(source)
        allowed.insert(destination)
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
    func render(into rendering: inout Rendering, options: RenderOptions, configuration: ConsulConfiguration) {
        if !configuration.hasNamespaces, !allowed.isEmpty {
            let names = Set(allowed.map(\.name)).sorted().joined(separator: ", ")
            rendering.report(
                Diagnostic(
                    .warning, .consulIdentityCollision,
                    "Consul CE has no namespaces: the allows written for \(names) also hold for ServiceAccounts of those names in namespaces the input does not show; give every namespace's manifests, or use Consul Enterprise namespaces (--consul-namespaces mirror)"
                ), strict: options.strict)
        }
        for (name, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let defaults = ServiceDefaults(
                metadata: ConsulEncoding.metadata(
                    service: name.name, namespace: entry.namespace, sources: entry.sources, options: options),
                protocol: entry.httpReason == nil ? nil : "http",
                // mutualTLSMode exists from Consul 1.16 (consul-k8s 1.2); before, `consul
                // config write` and strict kubectl validation refuse the key.
                withMutualTLSMode: !options.targetsBefore(1, 16))
            rendering.add(defaults)
            guard let reason = entry.httpReason else { continue }
            for document in entry.rawTCP {
                rendering.report(
                    .warning, .consulProtocol,
                    "Consul service \(name) gets protocol http (\(reason)), so raw TCP that this target grants no longer passes; only HTTP does (stricter)",
                    about: document, strict: options.strict)
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
