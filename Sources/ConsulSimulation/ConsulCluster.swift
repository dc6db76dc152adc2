public import SMICore

/// What consul-k8s makes of a cluster's pods, stated for the simulation apart from the adapter.
///
/// How Kubernetes namespaces map to Consul's, which pods run the sidecar, the service identity
/// of a ServiceAccount under managed ACLs (its name; `default` gets none, by the auth method's
/// binding rule `serviceaccount.name!=default`), which ports the proxy delivers to, and which
/// inbound ports bypass it (Consul notes 2.9, 4.1).
public struct ConsulCluster: Sendable, Equatable {
    /// The prefix of mirrored Consul Enterprise namespaces; nil for Consul CE's one namespace.
    public var mirroringPrefix: String?
    /// Whether pods without `consul.hashicorp.com/connect-inject` run the sidecar
    /// (`connectInject.default`).
    public var injectedByDefault: Bool

    /// A cluster; the defaults are the consul-k8s Helm chart's (CE, annotated pods injected).
    public init(mirroringPrefix: String? = nil, injectedByDefault: Bool = false) {
        self.mirroringPrefix = mirroringPrefix
        self.injectedByDefault = injectedByDefault
    }

    /// The Consul namespace of a Kubernetes namespace; nil in CE.
    public func consulNamespace(_ namespace: String) -> String? {
        mirroringPrefix.map { $0 + namespace }
    }

    /// The Consul service name of a client or destination; nil for `default`.
    func name(_ identity: AccessRequest.Identity) -> ConsulDiscoveryChain.Service? {
        guard identity.serviceAccount != "default" else { return nil }
        return .init(namespace: consulNamespace(identity.namespace), name: identity.serviceAccount)
    }

    /// Whether the pod runs the sidecar: its `connect-inject` annotation, read as Go's
    /// `strconv.ParseBool` does, else the default.
    func isInjected(_ pod: Inventory.Workload) -> Bool {
        pod.podAnnotations["consul.hashicorp.com/connect-inject"]?.annotationBool ?? injectedByDefault
    }

    /// The ports the proxy delivers to, at the most: the `connect-service-port` one (a number
    /// or a container port's name) when set, else every TCP container port (consul-k8s 2.x).
    func reachablePorts(_ pod: Inventory.Workload) -> Set<Int> {
        let tcp = pod.ports.filter { $0.protocol == "TCP" }
        guard let pinned = pod.podAnnotations["consul.hashicorp.com/connect-service-port"] else {
            return Set(tcp.map(\.port))
        }
        return Set([Int(pinned) ?? tcp.first { $0.name == pinned }?.port].compactMap { $0 })
    }

    /// Inbound ports the annotation excludes from the proxy: they accept anyone.
    func excludedInboundPorts(_ pod: Inventory.Workload) -> Set<Int> {
        let list = pod.podAnnotations["consul.hashicorp.com/transparent-proxy-exclude-inbound-ports"] ?? ""
        return Set(list.split(separator: ",").compactMap { Int($0.filter { $0 != " " }) })
    }
}
