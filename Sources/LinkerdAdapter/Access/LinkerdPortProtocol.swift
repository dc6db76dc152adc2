import SMICore

/// The `proxyProtocol` a Server of ours writes for a port (Linkerd notes 3, step 5): a Server's
/// protocol replaces the pods' opaque-ports setting, so `unknown` (protocol detection) on a
/// port Linkerd treats as opaque makes server-speaks-first protocols (MySQL, SMTP) stall for 10
/// s per connection.
///
/// Opaque ports are written `opaque`; a port whose Service declares HTTP/1, HTTP/2 or gRPC gets
/// that protocol when no raw TCP is granted on it; every other port keeps `unknown`, which is
/// what Linkerd does there anyway.
struct LinkerdPortProtocol {
    /// Linkerd's default `proxy.opaquePorts`, which the proxy injector writes on pods whose
    /// namespace and template set none.
    static let defaultOpaquePorts: Set<Int> = [25, 587, 3306, 4444, 5432, 6379, 9300, 11211]
    /// The annotation that lists a pod's (or its namespace's) opaque ports.
    static let opaquePortsAnnotation = "config.linkerd.io/opaque-ports"
    /// The `proxyProtocol` of an opaque port.
    static let opaque = "opaque"
    /// The Service `appProtocol` values Linkerd reads as opaque TCP (2.18+ on the client side;
    /// written `opaque` on our Servers on every release).
    static let opaqueAppProtocols: Set<String> = ["linkerd.io/opaque", "linkerd.io/tcp"]

    let inventory: Inventory
    let namespace: String
    let serviceAccount: String
    let port: Int
    /// The ports of the Services that select the account's pods, with the container port each
    /// reaches (`ClusterFacts.servicePorts(of:)`).
    let servicePorts: [ClusterFacts.ServicePortTarget]

    /// Why the port is opaque, or nil when it is not.
    var opaqueBecause: String? {
        let pods = inventory.workloads(namespace: namespace, serviceAccount: serviceAccount)
        let namespaceList = inventory.namespaces(named: namespace).first { $0.declared }?.annotations[
            Self.opaquePortsAnnotation]
        for pod in pods {
            if let list = pod.podAnnotations[Self.opaquePortsAnnotation] {
                if ProxyPresence.ports(in: list).contains(port) {
                    return "\(Self.opaquePortsAnnotation) on \(pod.kind) \(pod.name)"
                }
            } else if let list = namespaceList {
                if ProxyPresence.ports(in: list).contains(port) {
                    return "\(Self.opaquePortsAnnotation) on namespace \(namespace)"
                }
            } else if Self.defaultOpaquePorts.contains(port) {
                return "one of Linkerd's default opaque ports"
            }
        }
        for target in servicesOfPort {
            if let declared = target.port.appProtocol?.lowercased(),
                Self.opaqueAppProtocols.contains(declared)
            {
                return "Service \(target.service.name) declares appProtocol \(declared)"
            }
        }
        return nil
    }

    /// The protocol to write, given whether raw TCP is granted on the port.
    func proxyProtocol(tcpGrants: Bool) -> String {
        if opaqueBecause != nil { return Self.opaque }
        guard !tcpGrants else { return "unknown" }
        let declared = Set(servicesOfPort.compactMap { $0.port.appProtocol?.lowercased() })
        switch declared {
        case ["http"]: return "HTTP/1"
        case ["http2"], ["kubernetes.io/h2c"]: return "HTTP/2"
        case ["grpc"]: return "gRPC"
        default: return "unknown"
        }
    }

    /// The Service ports whose target is this port.
    private var servicesOfPort: [ClusterFacts.ServicePortTarget] {
        servicePorts.filter { $0.containerPort == port }
    }
}
