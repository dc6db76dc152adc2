extension Inventory {
    /// The label swift-smi writes on every object it renders (`RenderedMetadata.managedBy`).
    ///
    /// Such an object in the input is an earlier rendering, not the cluster's own config.
    public static let renderedLabel = (key: "app.kubernetes.io/managed-by", value: "smi")

    /// The workload kinds whose pod template is at `spec.template` (CronJob's is under
    /// `spec.jobTemplate`).
    static let templatedKinds: Set<String> = [
        "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "ReplicationController"
    ]

    /// Reads the inventory from ordinary Kubernetes manifests; other documents are ignored.
    ///
    /// The kinds read are Namespace, ServiceAccount, Deployment, StatefulSet, DaemonSet,
    /// ReplicaSet, Job, CronJob, Pod and Service; lists (what `kubectl get -o yaml` prints) are
    /// read as their items. A port or label it cannot read is left out, never guessed.
    public init(manifests documents: [ManifestDocument]) {
        // Documents are read on all cores, then gathered in input order.
        self.init(found: documents.objects.objects.concurrentMap(Self.found))
    }

    /// The inventory of what manifests were found to hold, in input order.
    init(found manifests: [Found?]) {
        var gathering = Gathering()
        for found in manifests {
            if let found { gathering.add(found) }
        }
        self = gathering.inventory()
    }

    /// What manifests were found to hold, gathered in input order as they are read: the
    /// workloads and Services are moved into the inventory's own arrays, which are then
    /// sorted in place, never copied element by element (at mesh scale each copy touches
    /// every string again).
    struct Gathering: Sendable {
        private var workloads: [Workload] = []
        private var services: [Service] = []
        private var namespaces: [String: Namespace] = [:]
        private var meshObjects: [MeshObject] = []

        /// An empty gathering.
        init() {}

        /// Adds what the next manifest holds.
        mutating func add(_ found: consuming Found) {
            let namespace = found.namespace
            switch found.object {
            case let .namespace(declared):
                namespaces[declared.name] = declared
                return
            case let .service(service): services.append(service)
            case let .workload(workload): workloads.append(workload)
            case let .meshObject(object):
                meshObjects.append(object)
                return
            case .serviceAccount: break
            }
            if namespaces[namespace] == nil { namespaces[namespace] = Namespace(name: namespace) }
        }

        /// What was gathered, leaving this gathering empty: the arrays change hands
        /// without being shared (a shared array is copied when it is sorted).
        mutating func taken() -> Gathering {
            var taken = Gathering()
            swap(&taken, &self)
            return taken
        }

        /// The inventory of everything added.
        consuming func inventory() -> Inventory {
            let (workloads, services, namespaces, meshObjects) = (
                workloads, services, Array(namespaces.values), meshObjects
            )
            self = Gathering()
            var inventory = Inventory(workloads: workloads, services: services, namespaces: namespaces)
            inventory.meshObjects = meshObjects
            return inventory
        }
    }

    /// What one manifest tells the inventory, and the namespace it is in.
    struct Found: Sendable {
        enum Object: Sendable {
            case namespace(Namespace)
            case service(Service)
            case workload(Workload)
            case serviceAccount
            case meshObject(MeshObject)
        }

        var namespace: String
        var object: Object
    }

    static func found(in document: ManifestDocument) -> Found? {
        guard let object = document.root.value.mappingValue,
            let kind = object["kind"]?.value.stringValue,
            let apiVersion = object["apiVersion"]?.value.stringValue,
            !Self.namesSMIGroup(apiVersion)
        else { return nil }
        let metadata = object["metadata"]?.value.mappingValue
        let name = metadata?["name"]?.value.stringValue ?? ""
        let namespace = metadata?["namespace"]?.value.stringValue ?? "default"
        switch kind {
        case "Namespace":
            return Found(
                namespace: name,
                object: .namespace(
                    Namespace(
                        declaring: name, labels: Self.strings(metadata?["labels"]),
                        annotations: Self.strings(metadata?["annotations"]))))
        case "Service":
            var service = Self.service(object, namespace: namespace, name: name)
            service.labels = Self.strings(metadata?["labels"])
            service.annotations = Self.strings(metadata?["annotations"])
            return Found(namespace: namespace, object: .service(service))
        case "Pod":
            return Found(
                namespace: namespace,
                object: .workload(
                    Self.workload(
                        kind: kind, namespace: namespace, name: name, metadata: object["metadata"], spec: object["spec"]
                    )))
        case "CronJob":
            let template = document.root.node(at: "spec.jobTemplate.spec.template")
            return Found(
                namespace: namespace,
                object: .workload(
                    Self.workload(
                        kind: kind, namespace: namespace, name: name,
                        metadata: template?.node(at: "metadata"), spec: template?.node(at: "spec"))))
        case let k where Self.templatedKinds.contains(k):
            let template = document.root.node(at: "spec.template")
            var workload = Self.workload(
                kind: kind, namespace: namespace, name: name, metadata: template?.node(at: "metadata"),
                spec: template?.node(at: "spec"))
            // The controller's selector as the API server accepts it, or none.
            if let node = document.root.node(at: "spec.selector"),
                let selector = try? ManifestDecoder().decode(LabelSelector.self, from: node), !selector.isEmpty,
                selector.requirements.allSatisfy(\.isValid)
            {
                workload.controllerSelector = selector
            }
            return Found(namespace: namespace, object: .workload(workload))
        case "ServiceAccount":
            return Found(namespace: namespace, object: .serviceAccount)
        default:
            let meshConfig = kind == "ConfigMap" && Self.isIstioMeshConfig(name: name, document.root)
            guard
                meshConfig
                    || Self.isMeshGroup(apiVersion)
                        && Self.strings(metadata?["labels"])[Self.renderedLabel.key]
                            != Self.renderedLabel.value
            else { return nil }
            return Found(
                namespace: namespace,
                object: .meshObject(
                    MeshObject(
                        apiVersion: apiVersion, kind: kind, namespace: namespace, name: name,
                        root: document.root, file: document.file)))
        }
    }

    /// Whether a ConfigMap holds Istio's mesh config (`istio`, or `istio-<revision>`, with a
    /// `mesh` key) or its injector's values (`istio-sidecar-injector[-<revision>]`, a `values`
    /// key): settings such as `defaultVirtualServiceExportTo` or the probe rewriting decide
    /// what a rendering does, so they are kept with the meshes' objects.
    private static func isIstioMeshConfig(name: String, _ root: ManifestNode) -> Bool {
        (name == "istio" || name.hasPrefix("istio-"))
            && (root.node(at: "data.mesh")?.value.stringValue != nil
                || root.node(at: "data.values")?.value.stringValue != nil)
    }

    /// The API groups of the meshes' own objects, whose objects an input may hold.
    static let meshGroups = ["istio.io", "linkerd.io", "consul.hashicorp.com", "gateway.networking.k8s.io"]

    /// Whether `apiVersion` is in a group of a mesh (`security.istio.io/v1`).
    private static func isMeshGroup(_ apiVersion: String) -> Bool {
        guard let slash = apiVersion.firstIndex(of: "/") else { return false }
        let group = apiVersion[..<slash]
        return meshGroups.contains { group == $0 || group.hasSuffix("." + $0) }
    }

    /// Whether what precedes the first `/` of `apiVersion` ends with `smi-spec.io`.
    ///
    /// Every document is asked this, so it is read as bytes (a group is ASCII, and so is the
    /// suffix).
    private static func namesSMIGroup(_ apiVersion: String) -> Bool {
        let group = apiVersion.utf8.prefix { $0 != UInt8(ascii: "/") }
        return group.count >= smiGroupSuffix.count && group.suffix(smiGroupSuffix.count).elementsEqual(smiGroupSuffix)
    }

    private static let smiGroupSuffix = "smi-spec.io".utf8

    /// The port numbers Kubernetes accepts; a manifest with another one would be rejected, so
    /// such a port is left out rather than guessed at.
    static let ports = 1...65535

    /// The string entries of a mapping (labels, annotations, a selector's matchLabels), with
    /// integers and booleans as Kubernetes would print them; other entries left out, never
    /// guessed.
    ///
    /// Adapters read the meshes' own objects of the input with it.
    package static func strings(_ node: ManifestNode?) -> StringMap {
        var map = StringMap()
        for entry in node?.value.mappingValue?.entries ?? [] {
            guard case let .string(key) = entry.key.value else { continue }
            switch entry.value.value {
            case let .string(s): map[key] = s
            case let .int(i): map[key] = String(i)
            case let .bool(b): map[key] = String(b)
            default: continue
            }
        }
        return map
    }

    private static func workload(
        kind: String, namespace: String, name: String, metadata: ManifestNode?, spec: ManifestNode?
    ) -> Workload {
        let labels = metadata?.value.mappingValue?["labels"]
        let annotations = metadata?.value.mappingValue?["annotations"]
        let account =
            spec?.value.mappingValue?["serviceAccountName"]?.value.stringValue
            ?? spec?.value.mappingValue?["serviceAccount"]?.value.stringValue ?? "default"
        var ports: [ContainerPort] = []
        var probes: [HTTPProbe] = []
        var grpc: Set<Int> = []
        var tcp: Set<Int> = []
        for container in (spec?.value.mappingValue?["containers"]?.value.sequenceValue ?? []) {
            var own: [ContainerPort] = []
            for port in container.value.mappingValue?["ports"]?.value.sequenceValue ?? [] {
                let p = port.value.mappingValue
                guard case let .int(number)? = p?["containerPort"]?.value, Self.ports.contains(number) else { continue }
                own.append(
                    ContainerPort(
                        port: number, protocol: p?["protocol"]?.value.stringValue ?? "TCP",
                        name: p?["name"]?.value.stringValue))
            }
            ports += own
            for key in ["readinessProbe", "livenessProbe", "startupProbe"] {
                if case let .int(port)? = container.node(at: FieldPath(stringLiteral: "\(key).grpc.port"))?.value,
                    Self.ports.contains(port)
                {
                    grpc.insert(port)
                }
                switch container.node(at: FieldPath(stringLiteral: "\(key).tcpSocket.port"))?.value {
                case let .int(port)? where Self.ports.contains(port): tcp.insert(port)
                case let .string(name)?: if let port = own.first(where: { $0.name == name })?.port { tcp.insert(port) }
                default: break
                }
                guard let get = container.node(at: FieldPath(stringLiteral: "\(key).httpGet"))?.value.mappingValue
                else { continue }
                let number: Int?
                switch get["port"]?.value {
                case let .int(i)? where Self.ports.contains(i): number = i
                case let .string(name)?: number = own.first { $0.name == name }?.port
                default: number = nil
                }
                if let number { probes.append(HTTPProbe(port: number, path: get["path"]?.value.stringValue ?? "/")) }
            }
        }
        var workload = Workload(
            kind: kind, namespace: namespace, name: name, serviceAccount: account, podLabels: strings(labels),
            ports: ports,
            httpProbes: Array(Set(probes)).sorted { ($0.port, $0.path) < ($1.port, $1.path) },
            podAnnotations: strings(annotations))
        workload.hostNetwork = spec?.value.mappingValue?["hostNetwork"]?.value == .bool(true)
        workload.grpcProbePorts = grpc.sorted()
        workload.tcpProbePorts = tcp.sorted()
        return workload
    }

    private static func service(_ object: ManifestMapping, namespace: String, name: String) -> Service {
        let spec = object["spec"]?.value.mappingValue
        let selector = spec?["selector"].map { strings($0) }
        var ports: [ServicePort] = []
        for port in spec?["ports"]?.value.sequenceValue ?? [] {
            let p = port.value.mappingValue
            guard case let .int(number)? = p?["port"]?.value, Self.ports.contains(number) else { continue }
            let target: String?
            switch p?["targetPort"]?.value {
            case let .int(i)?:
                guard Self.ports.contains(i) else { continue }
                target = String(i)
            case let .string(s)?: target = s
            default: target = nil
            }
            ports.append(
                ServicePort(
                    name: p?["name"]?.value.stringValue, port: number, targetPort: target,
                    protocol: p?["protocol"]?.value.stringValue ?? "TCP",
                    appProtocol: p?["appProtocol"]?.value.stringValue))
        }
        return Service(namespace: namespace, name: name, selector: selector, ports: ports)
    }
}
