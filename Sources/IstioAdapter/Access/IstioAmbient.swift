import SMICore

/// What Istio's ambient mode changes for a rendering (Istio notes 3.5; istiod's
/// `pilot/pkg/serviceregistry/kube/controller/ambient/authorization.go`; istio.io "Use Layer 4
/// security policy"): the destination's ztunnel enforces the selector policies at L4 only,
/// omitting every ALLOW rule with HTTP attributes, and ignores policies with `targetRefs`;
/// traffic through a waypoint (`istio.io/use-waypoint` on the Service or the namespace) is
/// authorized by the waypoint's `targetRefs` policies and reaches the pods with the waypoint's
/// identity, which the waypoint does not replace with the client's.
///
/// The waypoint's Gateway, when the input holds it, says which ServiceAccount it runs as and
/// which traffic it takes (`istio.io/waypoint-for`).
struct IstioAmbient {
    let inventory: Inventory

    /// The label that puts a namespace (or a pod) in ambient mode.
    static let dataplaneModeLabel = "istio.io/dataplane-mode"
    /// The label that sends a Service's (or a namespace's) traffic through a waypoint.
    static let useWaypointLabel = "istio.io/use-waypoint"
    /// The label that names the waypoint's namespace, beside `useWaypointLabel`.
    static let useWaypointNamespaceLabel = "istio.io/use-waypoint-namespace"
    /// The waypoint Gateway's label that says which traffic it takes: `service` (the
    /// default), `workload`, `all` or `none`.
    static let waypointForLabel = "istio.io/waypoint-for"
    /// The waypoint Gateway's annotation naming the ServiceAccount it runs as (by default,
    /// the Gateway's name).
    static let serviceAccountAnnotation = "gateway.istio.io/service-account"

    /// A waypoint the destination's traffic goes through, and the Services that send it there.
    struct Waypoint: Equatable {
        /// The waypoint (its Gateway's name).
        let name: String
        /// Its namespace.
        let namespace: String
        /// The destination's Services that use it, sorted.
        let services: [String]
        /// The ServiceAccount it runs as.
        let serviceAccount: String
        /// Whether its Gateway is in the input, so that its account and the traffic it takes are
        /// read, not assumed.
        let isKnown: Bool

        /// The identity requests through it carry to the pods.
        func principal(trustDomain: String) -> String { "\(trustDomain)/ns/\(namespace)/sa/\(serviceAccount)" }
    }

    /// Whether the inventory puts a namespace in ambient mode (any entry of that name does).
    func isAmbient(_ namespace: String) -> Bool {
        inventory.namespaces(named: namespace).contains { $0.labels[Self.dataplaneModeLabel] == "ambient" }
    }

    /// The waypoint the destination's Services send traffic through: nil when none does; a
    /// failure, saying why, when the grants cannot be written for it exactly (a Service whose
    /// port differs from its target port, where a rule's ports would be read against the wrong
    /// one; a Service that also selects another account's pods, whose waypoint policy would
    /// admit requests to those pods; Services on different waypoints).
    func waypoint(namespace: String, serviceAccount: String) -> Result<Waypoint, IstioAmbientProblem>? {
        let pods = inventory.workloads(namespace: namespace, serviceAccount: serviceAccount)
        let labels = inventory.namespaces(named: namespace).first?.labels ?? [:]
        var found: [(name: String, namespace: String, service: String)] = []
        for service in inventory.services
        where service.namespace == namespace && pods.contains(where: { service.selects($0.podLabels) }) {
            let owner = service.labels[Self.useWaypointLabel] != nil ? service.labels : labels
            guard let name = owner[Self.useWaypointLabel], name != "none" else { continue }
            // A waypoint matches a rule's ports against the port the client called, and the pods
            // admit whatever it forwards: the grant's ports mean the same only where every port
            // of the Service is its pods' own.
            if let port = service.ports.first(where: { $0.targetPort != String($0.port) }) {
                return .failure(
                    IstioAmbientProblem(
                        message:
                            "Service \(namespace)/\(service.name) uses waypoint \(name) and maps port \(port.port) to \(port.targetPort): a waypoint policy's ports would not be the pods' ports the grants name"
                    ))
            }
            if let other = inventory.workloads(selectedBy: service).first(where: { $0.serviceAccount != serviceAccount }
            ) {
                return .failure(
                    IstioAmbientProblem(
                        message:
                            "Service \(namespace)/\(service.name) uses waypoint \(name) and also selects \(other.description), which runs as \(other.serviceAccount): a waypoint policy on it would admit requests to those pods too"
                    ))
            }
            found.append((name, owner[Self.useWaypointNamespaceLabel] ?? namespace, service.name))
        }
        guard let first = found.first else { return nil }
        guard found.allSatisfy({ $0.name == first.name && $0.namespace == first.namespace }) else {
            return .failure(
                IstioAmbientProblem(message: "the Services of \(namespace)/\(serviceAccount) use different waypoints"))
        }
        let gateway = inventory.meshObject(kind: "Gateway", namespace: first.namespace, name: first.name).flatMap {
            $0.apiVersion.hasPrefix("gateway.networking.k8s.io/") ? $0.root : nil
        }
        let gatewayLabels = gateway?.node(at: "metadata.labels").map(Inventory.strings) ?? [:]
        let annotations = gateway?.node(at: "metadata.annotations").map(Inventory.strings) ?? [:]
        switch gatewayLabels[Self.waypointForLabel] ?? "service" {
        case "service": break
        // A waypoint for no Service traffic: requests go straight to the pods.
        case "none": return nil
        case let other:
            return .failure(
                IstioAmbientProblem(
                    message:
                        "waypoint \(first.namespace)/\(first.name) takes traffic sent to the pods' own addresses too (\(Self.waypointForLabel): \(other)), where the policies on the Services do not apply: admitting its identity at the pods would let those requests through unchecked"
                ))
        }
        return .success(
            Waypoint(
                name: first.name, namespace: first.namespace, services: found.map(\.service).sorted(),
                serviceAccount: annotations[Self.serviceAccountAnnotation] ?? first.name, isKnown: gateway != nil))
    }

    /// Whether ztunnel omits the rule from an ALLOW policy: it reads an HTTP attribute.
    static func isHTTP(_ rule: Istio.SecurityV1.AuthorizationPolicy.Rule) -> Bool {
        (rule.to ?? []).contains { !($0.operation.methods ?? []).isEmpty || !($0.operation.paths ?? []).isEmpty }
            || !(rule.when ?? []).isEmpty
    }
}

/// Why grants in an ambient namespace cannot be written for the destination's waypoint.
struct IstioAmbientProblem: Error, Equatable {
    /// What prevents it.
    let message: String
}
