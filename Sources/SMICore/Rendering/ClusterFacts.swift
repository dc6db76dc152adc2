/// What the cluster an input describes does to a rendering, for every adapter alike.
///
/// The namespaces of the mesh's control plane are never governed (a policy in Istio's root
/// namespace applies to the whole mesh; a deny Server on Linkerd's controllers stops proxies
/// from getting policy), and a grant protects nothing where pods run no proxy.
public struct ClusterFacts: Sendable {
    /// The SMI objects.
    public let bundle: SMIBundle
    /// The workloads.
    public let inventory: Inventory
    /// How the mesh is installed.
    public let installation: MeshInstallation
    /// The Services that select pods of each service account, in the inventory's order.
    private let servicesByAccount: [SMIBundle.Key: [Inventory.Service]]

    /// Facts about `bundle` and `inventory` in a cluster where the mesh is installed so.
    public init(bundle: SMIBundle, inventory: Inventory, installation: MeshInstallation) {
        self.bundle = bundle
        self.inventory = inventory
        self.installation = installation
        // One pass over the Services (each finds its pods through the label index), so that a
        // target's Services are a lookup, not a scan of its namespace's.
        var byAccount: [SMIBundle.Key: [Inventory.Service]] = [:]
        for service in inventory.services {
            for account in Set(inventory.workloads(selectedBy: service).map(\.serviceAccount)).sorted() {
                byAccount[SMIBundle.Key(namespace: service.namespace, name: account), default: []].append(service)
            }
        }
        servicesByAccount = byAccount
    }

    /// A port of a Service that selects an account's pods, and the container port it sends to.
    public struct ServicePortTarget: Sendable {
        /// The Service.
        public var service: Inventory.Service
        /// Its port.
        public var port: Inventory.ServicePort
        /// The container port the `targetPort` names, or nil for a name no pod has.
        ///
        /// It is a number, or a container port's name among the account's pods.
        public var containerPort: Int?
    }

    /// The Services that select pods running as `account`, by name.
    public func services(selecting account: SMIBundle.Key) -> [Inventory.Service] {
        servicesByAccount[account] ?? []
    }

    /// Every port of the Services that select `account`'s pods, with the container port it
    /// reaches.
    ///
    /// What the meshes, which match container ports, see of a Service port.
    public func servicePorts(of account: SMIBundle.Key) -> [ServicePortTarget] {
        let pods = inventory.workloads(namespace: account.namespace, serviceAccount: account.name)
        return services(selecting: account).flatMap { service in
            service.ports.map { port in
                ServicePortTarget(
                    service: service, port: port,
                    containerPort: Int(port.targetPort)
                        ?? pods.lazy.compactMap { $0.ports.first { $0.name == port.targetPort }?.port }.first)
            }
        }
    }

    /// Whether a rendering may govern `namespace`: it does not hold the control plane.
    public func governs(_ namespace: String) -> Bool {
        !installation.isControlPlane(namespace, in: inventory)
    }

    /// The namespaces `scope` closes (deny by default) and those of the inventory it leaves
    /// open, without the control plane's.
    ///
    /// Also the control-plane namespaces left alone.
    public func scope(_ scope: RenderOptions.DenyScope) -> (closed: [String], open: [String], leftAlone: [String]) {
        let (closed, open) = scope.namespaces(bundle, inventory: inventory)
        let known = Set(closed + open + inventory.namespaces.map(\.name))
        return (closed.filter(governs), open.filter(governs), known.filter { !governs($0) }.sorted())
    }

    /// Why ports a target lists are not ports the destination's pods receive on (notes D6:
    /// SMI's ports are the pods' own, as the meshes match them): a Service port whose target
    /// is another container port (the grant covers the Service's number, where nothing
    /// listens), or a port of neither.
    func unexposedPorts(_ listed: [Int], of pods: [Inventory.Workload], account: SMIBundle.Key) -> [String] {
        let containerPorts = Set(pods.flatMap { $0.ports.map(\.port) })
        guard !containerPorts.isEmpty, listed.contains(where: { !containerPorts.contains($0) }) else { return [] }
        let servicePorts = servicePorts(of: account)
        var messages: [String] = []
        var unknown: [Int] = []
        for port in listed where !containerPorts.contains(port) {
            guard let found = servicePorts.first(where: { $0.port.port == port }) else {
                unknown.append(port)
                continue
            }
            let target = found.containerPort
            let targetText =
                target.map { "container port \($0)" } ?? "the container port named '\(found.port.targetPort)'"
            messages.append(
                "port \(port) is Service \(found.service.namespace)/\(found.service.name)'s port, which sends to \(targetText): SMI's ports are those the pods receive on (D6), so the grant covers \(port), where the pods do not listen; list \(target.map(String.init) ?? found.port.targetPort) instead"
            )
        }
        if !unknown.isEmpty {
            let list = unknown.map(String.init).joined(separator: ", ")
            let (subject, what) =
                unknown.count == 1
                ? ("port \(list) is", "a container port of the destination's pods")
                : ("ports \(list) are", "container ports of the destination's pods")
            let service = unknown.count == 1 ? "a port of a Service" : "ports of a Service"
            messages.append(
                "\(subject) neither \(what) (\(containerPorts.sorted().map(String.init).joined(separator: ", "))) nor \(service) that selects them (D6): the grant there reaches nothing"
            )
        }
        return messages
    }

    /// Reports what the cluster makes of the TrafficTargets: a grant into a control-plane
    /// namespace is refused (error).
    ///
    /// A destination whose pods run no proxy, or whose ports bypass it, accepts every request
    /// (error); one whose proxy is only assumed gets a warning saying what was assumed.
    ///
    /// Also lists the control-plane namespaces left alone (info).
    public func report(into rendering: inout Rendering, options: RenderOptions) {
        let (closed, _, leftAlone) = scope(options.denyScope)
        if !leftAlone.isEmpty {
            rendering.report(
                Diagnostic(
                    .info, .controlPlaneLeftAlone,
                    "the mesh's control-plane namespaces get no policy, whatever the deny scope: \(leftAlone.joined(separator: ", "))"
                ))
        }
        var assumed: [String: String] = [:]
        for item in bundle.trafficTargets {
            guard let destination = item.object.destinationAccount(defaultNamespace: item.key.namespace) else {
                continue
            }
            guard governs(destination.namespace) else {
                rendering.report(
                    .error, .controlPlaneGrant,
                    "no grant is rendered for \(destination): namespace \(destination.namespace) holds the mesh's control plane, which a rendering never governs",
                    about: item.origin)
                continue
            }
            let ports = TargetPorts.of(item, in: bundle)
            let pods = inventory.workloads(namespace: destination.namespace, serviceAccount: destination.name)
            if case let .some(listed)? = ports, !pods.isEmpty {
                for message in unexposedPorts(listed, of: pods, account: destination) {
                    rendering.report(.warning, .portNotExposed, message, about: item.origin)
                }
            }
            for workload in pods {
                let what = workload.description
                switch ProxyPresence.of(workload, in: inventory, installation: installation) {
                case let .absent(reason):
                    rendering.report(
                        .error, .noProxy,
                        "\(what) runs as \(destination) without a proxy (\(reason)): its pods accept every request, which SMI denies",
                        about: item.origin)
                case let .assumed(assumption):
                    assumed[workload.namespace] = assumption
                case let .proxied(bypassed):
                    // Granted or not: SMI denies there what no grant allows.
                    let open = workload.ports.map(\.port).filter(bypassed.contains)
                    if !open.isEmpty {
                        rendering.report(
                            .error, .noProxy,
                            "\(what) runs as \(destination) but its inbound ports \(open.map(String.init).joined(separator: ", ")) bypass the proxy: they accept every request, which SMI denies",
                            about: item.origin)
                    }
                }
            }
        }
        // Deny by default is not enforced where pods run no proxy: the other workloads of the
        // closed namespaces (destinations were reported above).
        let destinations = Set(
            bundle.trafficTargets.compactMap { $0.object.destinationAccount(defaultNamespace: $0.key.namespace) })
        for namespace in closed {
            for workload in inventory.workloads(namespace: namespace)
            where !destinations.contains(SMIBundle.Key(namespace: namespace, name: workload.serviceAccount)) {
                let what = "\(workload.description) runs as \(namespace)/\(workload.serviceAccount)"
                switch ProxyPresence.of(workload, in: inventory, installation: installation) {
                case let .absent(reason):
                    rendering.report(
                        Diagnostic(
                            .warning, .unprotectedWorkload,
                            "\(what) without a proxy (\(reason)): nothing enforces SMI's deny by default for its pods, which accept every request"
                        ))
                case let .proxied(bypassed):
                    let open = workload.ports.map(\.port).filter(bypassed.contains)
                    if !open.isEmpty {
                        rendering.report(
                            Diagnostic(
                                .warning, .unprotectedWorkload,
                                "\(what) with inbound ports \(open.map(String.init).joined(separator: ", ")) that bypass the proxy: nothing enforces SMI's deny by default there"
                            ))
                    }
                case .assumed:
                    break
                }
            }
        }
        // Once per namespace: every destination of a namespace rests on the same assumption.
        for (_, assumption) in assumed.sorted(by: { $0.key < $1.key }) {
            rendering.report(Diagnostic(.warning, .proxyAssumed, assumption))
        }
    }
}
