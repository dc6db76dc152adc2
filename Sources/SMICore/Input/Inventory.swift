/// What runs in the cluster, as far as a translation needs to know.
///
/// Workloads (with their service account, pod labels and container ports), Services and
/// namespaces.
///
/// Built in code or read from an app's ordinary manifests, so that `smi render` over the
/// manifests and the SMI objects together just works.
public struct Inventory: Sendable, Equatable {
    /// A port a container listens on.
    public struct ContainerPort: Sendable, Hashable {
        /// The port number.
        public var port: Int
        /// `TCP`, `UDP` or `SCTP`.
        public var `protocol`: String
        /// The port's name, if any.
        public var name: String?

        /// Creates a port.
        public init(port: Int, protocol: String = "TCP", name: String? = nil) {
            self.port = port
            self.protocol = `protocol`
            self.name = name
        }
    }

    /// Pods of one controller (or one bare Pod).
    public struct Workload: Sendable, Equatable {
        /// `Deployment`, `StatefulSet`, `Pod`, ...
        public var kind: String
        /// The controller's namespace.
        public var namespace: String
        /// The controller's name.
        public var name: String
        /// The service account the pods run as (`default` when none is set).
        public var serviceAccount: String
        /// The pods' labels.
        public var podLabels: StringMap
        /// The containers' ports.
        public var ports: [ContainerPort]
        /// The kubelet's HTTP probes (readiness, liveness, startup): some meshes let them
        /// through whatever the policy says.
        public var httpProbes: [HTTPProbe]
        /// The ports of the kubelet's gRPC probes, sorted.
        ///
        /// The meshes that exempt HTTP probes from their policy do not exempt these.
        public var grpcProbePorts: [Int] = []
        /// The ports of the kubelet's TCP probes, sorted.
        ///
        /// A proxy that takes the port accepts every connection itself, so the probe passes
        /// whatever the policy, and whether the application listens.
        public var tcpProbePorts: [Int] = []
        /// The pods' annotations, where meshes read per-pod settings.
        ///
        /// Consul reads its injection, service name and port, and excluded inbound ports there.
        public var podAnnotations: StringMap
        /// Whether the pods use the node's network (`hostNetwork: true`): no mesh redirects
        /// their traffic through a proxy.
        public var hostNetwork: Bool = false
        /// The controller's own pod selector (`spec.selector`, labels and requirements).
        ///
        /// Immutable, so it stays true across upgrades, unlike template labels.
        ///
        /// Nil for a bare Pod, or a controller whose selector the input does not give.
        public var controllerSelector: LabelSelector?

        /// Creates a workload.
        public init(
            kind: String, namespace: String, name: String, serviceAccount: String = "default", podLabels: StringMap,
            ports: [ContainerPort] = [], httpProbes: [HTTPProbe] = [], podAnnotations: StringMap = [:]
        ) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.serviceAccount = serviceAccount
            self.podLabels = podLabels
            self.ports = ports
            self.httpProbes = httpProbes
            self.podAnnotations = podAnnotations
        }

        /// `Kind namespace/name`.
        public var description: String { "\(kind) \(namespace)/\(name)" }
    }

    /// An HTTP GET the kubelet sends to a pod.
    public struct HTTPProbe: Sendable, Hashable {
        /// The container port number (a named port resolved).
        public var port: Int
        /// The path (`/` when the probe names none).
        public var path: String

        /// Creates a probe.
        public init(port: Int, path: String) {
            self.port = port
            self.path = path
        }
    }

    /// A port of a Service.
    public struct ServicePort: Sendable, Hashable {
        /// The port's name, if any.
        public var name: String?
        /// The Service port.
        public var port: Int
        /// The pod port traffic goes to: a number, or the name of a container port.
        public var targetPort: String
        /// `TCP`, `UDP` or `SCTP`.
        public var `protocol`: String
        /// The application protocol (`http`, `grpc`, ...), if declared.
        public var appProtocol: String?

        /// Creates a port; the target port defaults to the port.
        public init(
            name: String? = nil, port: Int, targetPort: String? = nil, protocol: String = "TCP",
            appProtocol: String? = nil
        ) {
            self.name = name
            self.port = port
            self.targetPort = targetPort ?? String(port)
            self.protocol = `protocol`
            self.appProtocol = appProtocol
        }
    }

    /// A Service.
    public struct Service: Sendable, Equatable {
        /// Its namespace.
        public var namespace: String
        /// Its name.
        public var name: String
        /// Its pod selector; `nil` for a Service without one.
        public var selector: StringMap?
        /// Its ports.
        public var ports: [ServicePort]
        /// Its labels (for example Consul's `consul.hashicorp.com/service-ignore`).
        public var labels: StringMap
        /// Its annotations (for example Linkerd's `config.linkerd.io/opaque-ports`).
        public var annotations: StringMap = [:]

        /// Creates a Service.
        public init(
            namespace: String, name: String, selector: StringMap?, ports: [ServicePort], labels: StringMap = [:]
        ) {
            self.namespace = namespace
            self.name = name
            self.selector = selector
            self.ports = ports
            self.labels = labels
        }

        /// Whether the Service selects pods with `labels`.
        public func selects(_ labels: StringMap) -> Bool {
            guard let selector, !selector.isEmpty else { return false }
            return selector.allSatisfy { labels[$0.key] == $0.value }
        }
    }

    /// A namespace and its labels.
    public struct Namespace: Sendable, Equatable {
        /// Its name.
        public var name: String
        /// Its labels (for example `istio.io/dataplane-mode`).
        public var labels: StringMap
        /// Its annotations (for example `linkerd.io/inject`).
        public var annotations: StringMap = [:]
        /// Whether the input holds the Namespace object itself, so that its labels and
        /// annotations are known.
        ///
        /// False for a namespace known only by the objects in it.
        public var declared: Bool = false

        /// Creates a namespace.
        public init(name: String, labels: StringMap = [:]) {
            self.name = name
            self.labels = labels
        }

        /// A namespace whose object the input holds, with its labels and annotations.
        public init(declaring name: String, labels: StringMap, annotations: StringMap) {
            self.name = name
            self.labels = labels
            self.annotations = annotations
            declared = true
        }
    }

    /// A mesh's own object in the input, kept whole.
    ///
    /// Examples are an Istio VirtualService or AuthorizationPolicy, a Linkerd Server, a Consul
    /// config entry: it acts beside what a rendering writes, and may undo it. Objects swift-smi
    /// wrote (`app.kubernetes.io/managed-by: smi`) are not kept: a rendering replaces them.
    public struct MeshObject: Sendable, Equatable {
        /// The `apiVersion`.
        public var apiVersion: String
        /// The kind.
        public var kind: String
        /// The namespace (`default` when none is written).
        public var namespace: String
        /// The name.
        public var name: String
        /// The whole object.
        public var root: ManifestNode
        /// The file it was read from, if any (with `root.location`, where a diagnostic points).
        public var file: String?

        /// Creates an object.
        public init(
            apiVersion: String, kind: String, namespace: String, name: String, root: ManifestNode, file: String? = nil
        ) {
            self.file = file
            self.apiVersion = apiVersion
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.root = root
        }

        /// `Kind namespace/name`.
        public var description: String { "\(kind) \(namespace)/\(name)" }
    }

    /// The meshes' own objects of the input, in input order.
    public var meshObjects: [MeshObject] = []

    /// The input's mesh object of `kind` named `name` in `namespace`, if any.
    ///
    /// What a rendering would replace or stand beside (a ServiceProfile of a split's root host,
    /// ...).
    public func meshObject(kind: String, namespace: String, name: String) -> MeshObject? {
        meshObjects.first { $0.kind == kind && $0.namespace == namespace && $0.name == name }
    }

    /// The workloads, sorted by namespace, kind and name.
    public var workloads: [Workload] { didSet { indexWorkloads() } }
    /// The Services, sorted by namespace and name.
    public var services: [Service] { didSet { serviceIndex = Self.serviceIndex(services) } }
    /// The namespaces, sorted by name (declared ones, and those objects live in).
    public var namespaces: [Namespace] { didSet { namespacePositions = Self.namespacePositions(namespaces) } }

    /// From how many workloads and Services the indexes are made on two threads.
    static let concurrentIndexing = 4096

    /// Creates an inventory.
    public init(
        workloads: consuming [Workload] = [], services: consuming [Service] = [], namespaces: consuming [Namespace] = []
    ) {
        workloads.sort { ($0.namespace, $0.kind, $0.name) < ($1.namespace, $1.kind, $1.name) }
        services.sort { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        namespaces.sort { $0.name < $1.name }
        self.workloads = workloads
        self.services = services
        self.namespaces = namespaces
        namespacePositions = Self.namespacePositions(self.namespaces)
        guard self.workloads.count + self.services.count >= Self.concurrentIndexing else {
            indexWorkloads()
            serviceIndex = Self.serviceIndex(self.services)
            return
        }
        // The label index is about half the work; the other indexes are the other half.
        let (workloads, services) = (self.workloads, self.services)
        let (labels, rest) = Parallel.both(
            { Self.labelIndex(workloads) },
            {
                (Self.accountIndex(workloads), Self.namespaceIndex(workloads), Self.serviceIndex(services))
            })
        (labelIndex, workloadIndex, namespaceIndex, serviceIndex) = (labels, rest.0, rest.1, rest.2)
    }

    /// A namespace and a name, to look workloads (by service account) and Services up by.
    private struct Key: Hashable, Sendable {
        var namespace: String
        var name: String
    }

    /// Positions in `workloads` by namespace and service account, and in `services` by
    /// namespace and name: adapters look them up once per object, which must not scan.
    private var workloadIndex: [Key: Positions] = [:]
    private var namespaceIndex: [String: [Int]] = [:]
    private var labelIndex: [Label: Positions] = [:]
    private var serviceIndex: [Key: Int] = [:]
    private var namespacePositions: [String: [Int]] = [:]

    /// A pod label in a namespace, to look the workloads carrying it up by.
    private struct Label: Hashable, Sendable {
        var namespace: String
        var key: String
        var value: String
    }

    private mutating func indexWorkloads() {
        workloadIndex = Self.accountIndex(workloads)
        namespaceIndex = Self.namespaceIndex(workloads)
        labelIndex = Self.labelIndex(workloads)
    }

    private static func accountIndex(_ workloads: [Workload]) -> [Key: Positions] {
        var index: [Key: Positions] = [:]
        index.reserveCapacity(workloads.count)
        for (position, workload) in workloads.enumerated() {
            index[Key(namespace: workload.namespace, name: workload.serviceAccount), default: Positions()].append(
                position)
        }
        return index
    }

    /// Workloads are sorted by namespace, so each namespace's positions are one run,
    /// stored once rather than looked up for every workload.
    private static func namespaceIndex(_ workloads: [Workload]) -> [String: [Int]] {
        var index: [String: [Int]] = [:]
        var start = 0
        while start < workloads.count {
            let namespace = workloads[start].namespace
            var end = start + 1
            while end < workloads.count, workloads[end].namespace == namespace { end += 1 }
            index[namespace, default: []].append(contentsOf: start..<end)
            start = end
        }
        return index
    }

    private static func labelIndex(_ workloads: [Workload]) -> [Label: Positions] {
        var index: [Label: Positions] = [:]
        index.reserveCapacity(workloads.reduce(0) { $0 + $1.podLabels.count })
        for (position, workload) in workloads.enumerated() {
            for (key, value) in workload.podLabels {
                index[Label(namespace: workload.namespace, key: key, value: value), default: Positions()].append(
                    position)
            }
        }
        return index
    }

    private static func serviceIndex(_ services: [Service]) -> [Key: Int] {
        var index: [Key: Int] = [:]
        index.reserveCapacity(services.count)
        for (position, service) in services.enumerated().reversed() {
            index[Key(namespace: service.namespace, name: service.name)] = position
        }
        return index
    }

    private static func namespacePositions(_ namespaces: [Namespace]) -> [String: [Int]] {
        var positions: [String: [Int]] = [:]
        for (position, namespace) in namespaces.enumerated() {
            positions[namespace.name, default: []].append(position)
        }
        return positions
    }

    /// Whether the inventory knows nothing.
    public var isEmpty: Bool { workloads.isEmpty && services.isEmpty && namespaces.isEmpty }

    /// The workloads running as a service account.
    public func workloads(namespace: String, serviceAccount: String) -> [Workload] {
        positions(namespace: namespace, serviceAccount: serviceAccount).map { workloads[$0] }
    }

    /// The positions in `workloads` of those running as a service account: what looks only
    /// at some fields of each reads them there, without copying whole workloads.
    func positions(namespace: String, serviceAccount: String) -> Positions {
        workloadIndex[Key(namespace: namespace, name: serviceAccount)] ?? Positions()
    }

    /// The workloads of a namespace, in `workloads` order.
    public func workloads(namespace: String) -> [Workload] {
        (namespaceIndex[namespace] ?? []).map { workloads[$0] }
    }

    /// The workloads of a namespace whose pods carry every label of `labels`, in `workloads`
    /// order.
    ///
    /// All of the namespace's when `labels` is empty. Selectors and Services look their pods up
    /// this way once per object: only the workloads with the rarest of the labels are looked
    /// at, not the whole namespace.
    public func workloads(namespace: String, carrying labels: StringMap) -> [Workload] {
        positions(namespace: namespace, carrying: labels).map { workloads[$0] }
    }

    /// The positions in `workloads` of `workloads(namespace:carrying:)`.
    func positions(namespace: String, carrying labels: StringMap) -> [Int] {
        var candidates: Positions?
        for (key, value) in labels {
            let positions = labelIndex[Label(namespace: namespace, key: key, value: value)] ?? Positions()
            if positions.count < candidates?.count ?? .max { candidates = positions }
        }
        guard let candidates else { return namespaceIndex[namespace] ?? [] }
        return candidates.filter { position in labels.allSatisfy { workloads[position].podLabels[$0.key] == $0.value } }
    }

    /// The workloads whose pods `service` selects (none for a Service without a selector).
    public func workloads(selectedBy service: Service) -> [Workload] {
        // The label index narrows the namespace; `selects` decides, as everywhere else.
        workloads(namespace: service.namespace, carrying: service.selector ?? [:]).filter {
            service.selects($0.podLabels)
        }
    }

    /// The namespaces with this name.
    ///
    /// None, one, or each entry of a name given twice (an inventory made in code may repeat
    /// one).
    ///
    /// Adapters ask once per object, which must not scan every namespace.
    public func namespaces(named name: String) -> [Namespace] {
        (namespacePositions[name] ?? []).map { namespaces[$0] }
    }

    /// The Service with this name, if the inventory has it.
    public func service(namespace: String, name: String) -> Service? {
        serviceIndex[Key(namespace: namespace, name: name)].map { services[$0] }
    }
}
