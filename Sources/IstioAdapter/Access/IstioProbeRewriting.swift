import SMICore

/// Whether the sidecar injector hands a pod's kubelet probes to its agent (outside every
/// policy): the pod's `sidecar.istio.io/rewriteAppHTTPProbers` annotation when it has one
/// (Go's `strconv.ParseBool`), else the injector's `sidecarInjectorWebhook.rewriteAppHTTPProbe`
/// value (Helm default true), which the input may hold as the `values` of the ConfigMap
/// `istio-sidecar-injector` (`istio-sidecar-injector-<rev>` for a revision) in a
/// control-plane namespace.
struct IstioProbeRewriting {
    /// Per revision (`default` for the unrevisioned injector): the injector's setting and
    /// the ConfigMap that says so (`namespace/name`), where the input holds one.
    private let injectors: [String: (rewrites: Bool, source: String)]
    let inventory: Inventory

    /// The injector settings of `inventory` under `installation`.
    init(inventory: Inventory, installation: MeshInstallation) {
        self.inventory = inventory
        var injectors: [String: (rewrites: Bool, source: String)] = [:]
        for config in inventory.meshObjects
        where config.kind == "ConfigMap" && installation.controlPlaneNamespaces.contains(config.namespace)
            && (config.name == Self.injectorConfig || config.name.hasPrefix(Self.injectorConfig + "-"))
        {
            guard let text = config.root.node(at: "data.values")?.value.stringValue,
                let values = try? YAMLReader().read(text).first?.root,
                case let .bool(rewrites)? = values.node(at: "sidecarInjectorWebhook.rewriteAppHTTPProbe")?.value
            else { continue }
            let revision =
                config.name == Self.injectorConfig
                ? "default" : String(config.name.dropFirst(Self.injectorConfig.count + 1))
            injectors[revision] = (rewrites, "\(config.namespace)/\(config.name)")
        }
        self.injectors = injectors
    }

    /// The injector's ConfigMap name (with `-<rev>` for a revision).
    static let injectorConfig = "istio-sidecar-injector"
    /// The pod annotation that turns the injector's probe rewriting on or off.
    static let annotation = "sidecar.istio.io/rewriteAppHTTPProbers"

    /// Why the injector leaves the workload's probes to the sidecar, or nil when it hands
    /// them to its agent.
    func unrewritten(_ workload: Inventory.Workload) -> String? {
        if let own = workload.podAnnotations[Self.annotation]?.annotationBool {
            return own ? nil : "with \(Self.annotation): false"
        }
        let revision =
            workload.podLabels["istio.io/rev"]
            ?? inventory.namespaces(named: workload.namespace).lazy.compactMap { $0.labels["istio.io/rev"] }.first
            ?? "default"
        guard let injector = injectors[revision] ?? injectors["default"], !injector.rewrites else { return nil }
        return
            "with sidecarInjectorWebhook.rewriteAppHTTPProbe: false in the injector's values (ConfigMap \(injector.source))"
    }
}
