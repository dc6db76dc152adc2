import SMICore

/// Linkerd policy objects the input already holds, which act beside a rendering (Linkerd notes
/// 3): a Server that selects pods and a port a rendered Server selects (before 2.18 admission
/// refuses the second one; from 2.18 the oldest wins, so the rendered one may do nothing), and
/// an AuthorizationPolicy that targets a whole Namespace, which authorizes on every Server
/// there, the rendered ones too (authorizations are ORed: it may allow what SMI denies).
///
/// Reported on the input's object, naming the rendered one.
struct LinkerdExistingConfig {
    let inventory: Inventory
    let options: RenderOptions

    /// A Server of the rendering or of the input: where it is and what it selects.
    private struct ServerSpot {
        let namespace: String
        let name: String
        let port: Int?
        let portName: String?
        let selector: LabelSelector

        init?(_ root: ManifestNode, namespace: String, name: String) {
            guard let spec = root.node(at: "spec") else { return nil }
            self.namespace = namespace
            self.name = name
            switch spec.node(at: "port")?.value {
            case let .int(number)?: (port, portName) = (number, nil)
            case let .string(text)?: (port, portName) = (Int(text), Int(text) == nil ? text : nil)
            default: return nil
            }
            // A selector that does not decode is read as selecting every pod: more overlap, not less.
            selector =
                spec.node(at: "podSelector").flatMap { try? ManifestDecoder().decode(LabelSelector.self, from: $0) }
                ?? LabelSelector(matchLabels: [:])
        }

        /// Whether it serves `port` of `pod`.
        func serves(_ pod: Inventory.Workload, on port: Int) -> Bool {
            pod.namespace == namespace && selector.matches(pod.podLabels)
                && (self.port == port
                    || portName.map { name in pod.ports.contains { $0.name == name && $0.port == port } }
                        ?? false)
        }
    }

    /// Reports each such object of the input against the Servers of `rendering`.
    func report(into rendering: inout Rendering) {
        let objects = inventory.meshObjects.filter { $0.apiVersion.hasPrefix("policy.linkerd.io/") }
        guard !objects.isEmpty else { return }
        let rendered = rendering.resources.compactMap { node -> ServerSpot? in
            guard node.node(at: "kind")?.value.stringValue == "Server" else { return nil }
            return ServerSpot(
                node, namespace: node.node(at: "metadata.namespace")?.value.stringValue ?? "",
                name: node.node(at: "metadata.name")?.value.stringValue ?? "")
        }
        for object in objects {
            let about = Diagnostic.Object(kind: object.kind, namespace: object.namespace, name: object.name)
            var message: String?
            if object.kind == "Server",
                let theirs = ServerSpot(object.root, namespace: object.namespace, name: object.name)
            {
                let clash = rendered.first { ours in
                    inventory.workloads(namespace: object.namespace).contains { pod in
                        pod.ports.contains {
                            ours.port == $0.port && ours.serves(pod, on: $0.port) && theirs.serves(pod, on: $0.port)
                        }
                    }
                }
                message = clash.map {
                    "selects pods and a port that the rendered Server \($0.namespace)/\($0.name) selects too: before Linkerd 2.18 admission refuses the second Server, from 2.18 the older one wins, so the rendered grants may not apply; remove one of them"
                }
            } else if object.kind == "AuthorizationPolicy",
                object.root.node(at: "spec.targetRef.kind")?.value.stringValue == "Namespace",
                let server = rendered.first(where: { $0.namespace == object.namespace })
            {
                message =
                    "targets Namespace \(object.namespace), so it authorizes on every Server there, the rendered ones too (\(server.namespace)/\(server.name), ...): Linkerd ORs authorizations, so it may allow requests that SMI denies"
            }
            guard let message else { continue }
            rendering.report(
                Diagnostic(
                    .warning, .linkerdExistingConfig, message, object: about, file: object.file,
                    location: object.root.location))
        }
    }
}
