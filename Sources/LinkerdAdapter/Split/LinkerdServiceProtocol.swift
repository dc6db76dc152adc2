import SMICore

/// How a client's Linkerd proxy treats connections to a Service port, which decides whether
/// HTTPRoutes or TCPRoutes with that Service as parent route them.
///
/// This is the policy controller's outbound index (linkerd2
/// `policy-controller/k8s/index/src/outbound/index.rs` and `grpc/src/outbound.rs`), not the
/// server side: the pods' own opaque-ports annotations do not enter it.
///
/// - The Service's `config.linkerd.io/opaque-ports` annotation lists its opaque ports. The
///   proxy injector writes it when the Service is created without one: the namespace's
///   annotation, else Linkerd's default opaque ports that the Service port (or, where set,
///   its target port) is; when that leaves nothing to write, the policy controller falls back
///   to the default list, by Service port.
/// - From 2.18 a port's `appProtocol` comes first: `http` and `kubernetes.io/h2c` are HTTP,
///   `linkerd.io/opaque` and `linkerd.io/tcp` opaque, and every other value (`grpc`, `http2`)
///   is unknown, which routes as opaque. Before 2.18 Linkerd reads no `appProtocol`.
/// - On an opaque port, HTTPRoutes never apply; TCPRoutes do from 2.18 (linkerd2 #13948).
///   Before 2.18 an opaque port takes no route at all.
struct LinkerdServiceProtocol {
    /// The `appProtocol` values 2.18+ reads as HTTP.
    static let httpAppProtocols: Set<String> = ["http", "kubernetes.io/h2c"]

    let inventory: Inventory
    let options: RenderOptions

    /// Whether TCPRoutes route opaque ports (2.18+).
    var routesOpaquePorts: Bool { !options.targetsBefore(2, 18) }

    /// Why a client's proxy treats `port` of `service` as opaque, or nil when it reads HTTP
    /// there (by detection or by declaration).
    func opaqueBecause(_ port: Inventory.ServicePort, of service: Inventory.Service) -> String? {
        if routesOpaquePorts, let declared = port.appProtocol?.lowercased() {
            if Self.httpAppProtocols.contains(declared) { return nil }
            return LinkerdPortProtocol.opaqueAppProtocols.contains(declared)
                ? "appProtocol \(declared)"
                : "appProtocol \(declared), which Linkerd does not recognise and routes as opaque"
        }
        let (ports, origin) = opaquePorts(of: service)
        return ports.contains(port.port) ? "\(origin) lists port \(port.port)" : nil
    }

    /// The Service's opaque ports as the policy controller reads them, and where they come from.
    private func opaquePorts(of service: Inventory.Service) -> (Set<Int>, String) {
        let annotation = LinkerdPortProtocol.opaquePortsAnnotation
        if let list = service.annotations[annotation] {
            return (Set(ProxyPresence.ports(in: list)), "\(annotation) on Service \(service.name)")
        }
        let namespace = inventory.namespaces(named: service.namespace).first { $0.declared }
        if let list = namespace?.annotations[annotation] {
            return (Set(ProxyPresence.ports(in: list)), "\(annotation) on namespace \(service.namespace)")
        }
        let defaults = LinkerdPortProtocol.defaultOpaquePorts
        let written = Set(service.ports.filter { defaults.contains(Int($0.targetPort) ?? 0) }.map(\.port))
        return written.isEmpty
            ? (defaults, "Linkerd's default opaque ports list")
            : (written, "the opaque-ports annotation the proxy injector writes on Service \(service.name)")
    }
}
