import SMICore

/// The L7 protocol each ServiceDefaults of ours writes: what the app's Service ports declare
/// (`appProtocol`, else an Istio-style port name: `grpc`, `http2` or `h2c`, `http`), since
/// `http` forced on a gRPC or h2c service breaks it, and one protocol along each discovery
/// chain, which Consul requires of a splitter's services.
///
/// `http` where nothing is declared, or where the declarations disagree (then a warning says
/// so).
struct ConsulProtocols {
    let facts: ClusterFacts

    /// The protocol of every name in `names`, `chains` (the services of each split's discovery
    /// chain) made consistent; a warning for each service or chain whose ports disagree.
    func protocols(
        of names: [(name: ConsulName, namespace: String, about: Diagnostic.Object?)],
        chains: [(names: [ConsulName], split: SMIDocument)],
        into rendering: inout Rendering, options: RenderOptions
    ) -> [ConsulName: String] {
        var declared: [ConsulName: Set<String>] = [:]
        var out: [ConsulName: String] = [:]
        for (name, namespace, about) in names {
            let found = Set(
                facts.services(selecting: SMIBundle.Key(namespace: namespace, name: name.name)).flatMap(\.ports)
                    .compactMap(Self.protocolOf))
            declared[name] = found
            out[name] = found.count == 1 ? found.first : "http"
            if found.count > 1 {
                rendering.report(
                    Diagnostic(
                        .warning, .consulProtocol,
                        "the Services of \(name) declare ports of protocols \(found.sorted().joined(separator: ", ")), but a Consul service has one: protocol http is written, and the other ports' traffic may not pass",
                        object: about))
            }
        }
        for (chain, split) in chains {
            let found = Set(chain.flatMap { declared[$0] ?? [] })
            let chosen = found.count == 1 ? found.first ?? "http" : "http"
            if found.count > 1 {
                rendering.report(
                    .warning, .consulProtocol,
                    "the services of its discovery chain (\(chain.map(\.description).joined(separator: ", "))) declare protocols \(found.sorted().joined(separator: ", ")), and Consul needs one along a chain: protocol http is written for all, and the other protocols' traffic may not pass",
                    about: split)
            }
            for name in chain where out[name] != nil { out[name] = chosen }
        }
        return out
    }

    /// The Consul protocol a Service port declares, if any.
    static func protocolOf(_ port: Inventory.ServicePort) -> String? {
        if let declared = port.appProtocol?.lowercased() {
            switch declared {
            case "grpc": return "grpc"
            case "http2", "h2c", "kubernetes.io/h2c": return "http2"
            case "http", "kubernetes.io/ws": return "http"
            default: return nil
            }
        }
        guard let name = port.name?.lowercased() else { return nil }
        for (prefix, value) in [("grpc", "grpc"), ("http2", "http2"), ("h2c", "http2"), ("http", "http")]
        where name == prefix || name.hasPrefix(prefix + "-") {
            return value
        }
        return nil
    }
}
