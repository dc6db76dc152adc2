import SMICore

/// A Consul service identity: a name, in a Consul namespace under Enterprise.
public struct ConsulName: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The Consul namespace; nil in CE.
    public var namespace: String?
    /// The service name.
    public var name: String

    /// Creates a name.
    public init(namespace: String?, name: String) {
        self.namespace = namespace
        self.name = name
    }

    /// Orders by namespace, then name.
    public static func < (a: ConsulName, b: ConsulName) -> Bool {
        (a.namespace ?? "", a.name) < (b.namespace ?? "", b.name)
    }

    /// `name`, or `namespace/name`.
    public var description: String { namespace.map { "\($0)/\(name)" } ?? name }
}

/// What consul-k8s makes of the pods of the inventory (Consul notes 2.9, 4.1): the service
/// identity of a ServiceAccount under managed ACLs (its name, bound by the auth method's
/// binding rule), whether a pod runs the sidecar, which port Consul registers, and which
/// inbound ports bypass the proxy.
///
/// The translators read these facts from here; the simulation states them apart
/// (`ConsulSimulation.ConsulCluster`), so that the differential checks them instead of
/// repeating them.
struct ConsulWorkloads {
    static let injectAnnotation = "consul.hashicorp.com/connect-inject"
    static let serviceAnnotation = "consul.hashicorp.com/connect-service"
    static let portAnnotation = "consul.hashicorp.com/connect-service-port"
    static let excludeInboundAnnotation = "consul.hashicorp.com/transparent-proxy-exclude-inbound-ports"
    static let overwriteProbesAnnotation = "consul.hashicorp.com/transparent-proxy-overwrite-probes"
    static let serviceMetaPrefix = "consul.hashicorp.com/service-meta-"
    static let serviceIgnoreLabel = "consul.hashicorp.com/service-ignore"

    let inventory: Inventory
    let configuration: ConsulConfiguration

    /// The Consul name a ServiceAccount's pods get; nil for `default`, which the binding
    /// rule (`serviceaccount.name!=default`) gives no identity.
    func name(_ identity: AccessRequest.Identity) -> ConsulName? {
        guard identity.serviceAccount != "default" else { return nil }
        return ConsulName(namespace: configuration.consulNamespace(identity.namespace), name: identity.serviceAccount)
    }

    /// Whether the pods run the Consul sidecar.
    func isInjected(_ workload: Inventory.Workload) -> Bool {
        workload.podAnnotations[Self.injectAnnotation]?.annotationBool ?? configuration.injectedByDefault
    }

    /// The port Consul registers for the pods: the `connect-service-port` annotation (a
    /// number or a container port's name), else the first container port.
    func registeredPort(_ workload: Inventory.Workload) -> Int? {
        let tcp = workload.ports.filter { $0.protocol == "TCP" }
        if let annotated = workload.podAnnotations[Self.portAnnotation] {
            return Int(annotated) ?? tcp.first { $0.name == annotated }?.port
        }
        return tcp.first?.port
    }

    /// The ports the proxy may deliver to, at the most: the pinned one, else every TCP
    /// container port (consul-k8s 2.x registers them all; older releases only the first).
    func reachablePorts(_ workload: Inventory.Workload) -> Set<Int> {
        guard workload.podAnnotations[Self.portAnnotation] == nil else {
            return Set([registeredPort(workload)].compactMap { $0 })
        }
        return Set(workload.ports.filter { $0.protocol == "TCP" }.map(\.port))
    }

    /// Inbound ports excluded from the proxy: they accept anyone.
    func excludedInboundPorts(_ workload: Inventory.Workload) -> [Int] {
        (workload.podAnnotations[Self.excludeInboundAnnotation] ?? "").split(separator: ",").compactMap {
            Int($0.trimmingSpaces)
        }.sorted()
    }
}

extension Substring {
    /// The text without leading and trailing spaces.
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
