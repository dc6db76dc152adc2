import SMICore

/// Istio objects the input already holds, which act beside a rendering (Istio notes 3.3, 3.1):
/// ALLOW AuthorizationPolicies are ORed with SMI's grants, so on pods SMI governs they may allow
/// what SMI denies (a policy in the root namespace applies to every namespace), and a second
/// VirtualService for a split's host is not merged with it for sidecars (the oldest wins).
struct IstioExistingConfig {
    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    let facts: ClusterFacts

    /// Reports each such object, naming what it may undo.
    func report(into rendering: inout Rendering) {
        let closed = Set(facts.scope(options.denyScope).closed)
        let root = facts.installation.controlPlaneNamespaces
        for object in inventory.meshObjects
        where object.apiVersion.hasPrefix("security.istio.io/") && object.kind == "AuthorizationPolicy" {
            let action = object.root.node(at: "spec.action")?.value.stringValue ?? "ALLOW"
            guard action == "ALLOW" else { continue }
            let selector = object.root.node(at: "spec.selector.matchLabels").map(Inventory.strings)
            let meshWide = root.contains(object.namespace)
            let governed = inventory.workloads.filter { pod in
                (meshWide
                    ? closed.contains(pod.namespace)
                    : pod.namespace == object.namespace && closed.contains(pod.namespace))
                    && (selector ?? [:]).allSatisfy { pod.podLabels[$0.key] == $0.value }
            }
            guard !governed.isEmpty else { continue }
            let names =
                governed.prefix(4).map { "\($0.kind) \($0.namespace)/\($0.name)" }.joined(separator: ", ")
                + (governed.count > 4 ? ", ..." : "")
            let reach = meshWide ? "applies in every namespace (it is in the root namespace)" : "applies"
            rendering.report(
                Diagnostic(
                    .warning, .istioExistingConfig,
                    "this ALLOW policy \(reach) to pods SMI governs (\(names)): Istio ORs ALLOW policies, so it may allow requests that SMI denies",
                    object: Diagnostic.Object(kind: object.kind, namespace: object.namespace, name: object.name),
                    file: object.file, location: object.root.location))
        }
        if options.rendersSplits { reportExportDefault(into: &rendering) }
        let services = inventory.meshObjects.filter {
            $0.apiVersion.hasPrefix("networking.istio.io/") && $0.kind == "VirtualService"
        }
        guard !services.isEmpty else { return }
        for item in bundle.trafficSplits {
            guard
                case let .success((rootName, _)) = Split.rootService(
                    item.object.spec.service, namespace: item.key.namespace)
            else { continue }
            let namespace = item.key.namespace
            let fqdn = options.serviceHost(rootName, namespace: namespace)
            for service in services {
                let hosts =
                    service.root.node(at: "spec.hosts")?.value.sequenceValue?.compactMap(\.value.stringValue) ?? []
                // Short host names are read in the VirtualService's own namespace.
                let expanded = hosts.map { host in
                    host.contains(".") ? host : options.serviceHost(host, namespace: service.namespace)
                }
                guard
                    expanded.contains(where: {
                        $0 == fqdn || $0 == "\(rootName).\(namespace)" || $0 == "\(rootName).\(namespace).svc"
                    })
                else { continue }
                rendering.report(
                    .warning, .istioExistingConfig,
                    "the input's \(service.description) also routes host \(fqdn): sidecars do not merge two VirtualServices of one host (the older one wins), so the split may not apply",
                    about: item.origin)
            }
        }
    }

    /// Istio's mesh config (a ConfigMap `istio` in a control-plane namespace) may set
    /// `defaultVirtualServiceExportTo`: a VirtualService without `exportTo`, as rendered, is
    /// then seen only by the sidecars of the namespaces listed (`.` for its own), and clients
    /// elsewhere reach the root Service unsplit.
    ///
    /// Reported on each split, naming the ConfigMap.
    private func reportExportDefault(into rendering: inout Rendering) {
        for config in inventory.meshObjects
        where config.kind == "ConfigMap" && facts.installation.controlPlaneNamespaces.contains(config.namespace) {
            guard let text = config.root.node(at: "data.mesh")?.value.stringValue,
                let mesh = try? YAMLReader().read(text).first?.root,
                let listed = mesh.node(at: "defaultVirtualServiceExportTo")?.value.sequenceValue?.compactMap(
                    \.value.stringValue),
                !listed.contains("*")
            else { continue }
            for item in bundle.trafficSplits {
                let seen = listed.map { $0 == "." ? item.key.namespace : $0 }.filter { $0 != "~" }
                let who = seen.isEmpty ? "no namespace" : "namespace \(seen.joined(separator: ", "))"
                rendering.report(
                    .warning, .istioExistingConfig,
                    "Istio's mesh config (ConfigMap \(config.namespace)/\(config.name)) sets defaultVirtualServiceExportTo [\(listed.joined(separator: ", "))], and the rendered VirtualService sets no exportTo: only clients in \(who) are split, others reach the root Service unsplit",
                    about: item.origin)
            }
        }
    }
}
