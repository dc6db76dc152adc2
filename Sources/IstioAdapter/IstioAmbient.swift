import SMICore

/// What Istio's ambient mode changes for a rendering (Istio notes 3.5; istiod's
/// `pilot/pkg/serviceregistry/kube/controller/ambient/authorization.go`): the destination's
/// ztunnel enforces the selector policies at L4 only, omitting every ALLOW rule with HTTP
/// attributes, and traffic through a waypoint (`istio.io/use-waypoint` on the Service or the
/// namespace) reaches the pods with the waypoint's identity.
struct IstioAmbient {
    let inventory: Inventory

    /// The label that puts a namespace (or a pod) in ambient mode.
    static let dataplaneModeLabel = "istio.io/dataplane-mode"
    /// The label that sends a Service's (or a namespace's) traffic through a waypoint.
    static let useWaypointLabel = "istio.io/use-waypoint"

    /// Whether the inventory puts a namespace in ambient mode (any entry of that name does).
    func isAmbient(_ namespace: String) -> Bool {
        inventory.namespaces(named: namespace).contains { $0.labels[Self.dataplaneModeLabel] == "ambient" }
    }

    /// The waypoint the destination's traffic goes through: the label of a Service that
    /// selects its pods, else of its namespace; nil when the inventory shows none.
    func waypoint(namespace: String, serviceAccount: String) -> String? {
        let pods = inventory.workloads(namespace: namespace, serviceAccount: serviceAccount)
        let services = inventory.services.filter { service in
            service.namespace == namespace && pods.contains { service.selects($0.podLabels) }
        }
        return services.lazy.compactMap { $0.labels[Self.useWaypointLabel] }.first
            ?? inventory.namespaces(named: namespace).lazy.compactMap { $0.labels[Self.useWaypointLabel] }.first
    }

    /// Whether ztunnel omits the rule from an ALLOW policy: it reads an HTTP attribute.
    static func isHTTP(_ rule: AuthorizationPolicy.Rule) -> Bool {
        (rule.to ?? []).contains { !($0.operation.methods ?? []).isEmpty || !($0.operation.paths ?? []).isEmpty }
            || !(rule.when ?? []).isEmpty
    }

    /// What to tell the user about a TrafficTarget whose destination `namespace/serviceAccount`
    /// runs in ambient mode, rendered as `rules`; nil when ztunnel enforces it exactly.
    func problem(rules: [AuthorizationPolicy.Rule], namespace: String, serviceAccount: String) -> String? {
        let destination = "\(namespace)/\(serviceAccount)"
        if let waypoint = waypoint(namespace: namespace, serviceAccount: serviceAccount) {
            return
                "namespace \(namespace) is in ambient mode and \(destination) uses waypoint \(waypoint): requests through it reach the pods with the waypoint's identity, which the policy does not name, so they are denied (stricter); swift-smi does not write waypoint policies (targetRefs) yet"
        }
        guard rules.contains(where: Self.isHTTP) else { return nil }
        return
            "namespace \(namespace) is in ambient mode and \(destination) uses no waypoint: ztunnel omits the rules with HTTP attributes (paths, methods, headers), so the HTTP grants allow nothing (stricter) and only the TCP grants are enforced; HTTP rules need a waypoint (istio.io/use-waypoint) with policies attached to it, which swift-smi does not write yet"
    }
}
