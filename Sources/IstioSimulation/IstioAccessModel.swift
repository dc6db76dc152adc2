public import SMICore

/// How Istio's sidecars decide a request against AuthorizationPolicies (Istio notes section 4).
///
/// The mesh side of the differential test that proves a rendering never allows what SMI denies.
///
/// CUSTOM policies hand the request to an external server whose answer is unknown here; the
/// model lets the request continue past them, the worst case for that proof. Policies in the
/// root namespace apply in every namespace; an empty list is an unset field (protobuf), which
/// restricts nothing. Pods in ambient mode (`istio.io/dataplane-mode: ambient` on the pod, or
/// on its namespace unless the pod says `none`) are guarded by their node's ztunnel, which
/// istiod gives the policies at L4 (`ambient/authorization.go`, `handleRule`): an ALLOW rule
/// with an HTTP attribute (methods, paths, hosts, their `not` forms, a `when` key other than
/// `source.ip`, `source.namespace`, `source.principal`, `destination.ip`, `destination.port`)
/// never matches, and a DENY rule is enforced without its HTTP attributes; policies with
/// `targetRefs` are a waypoint's, which ztunnel and sidecars ignore. A request to an ambient
/// pod is allowed when either way in lets it through: straight to the pod, or through the
/// waypoint of a Service selecting the pod (`istio.io/use-waypoint` on the Service, else on its
/// namespace; `none` opts out), which checks the policies targeting that Service with the
/// client's identity and L7 attributes, then the pod's ztunnel checks the waypoint's identity
/// (`<trust domain>/ns/<waypoint namespace>/sa/<waypoint>`, the waypoint running as a
/// ServiceAccount of its name), as istio.io's "Use Layer 4 security policy" lays out: waypoints
/// do not pass the client's identity on. The port is the request's at both checks, which holds
/// where Service ports equal their target ports (the adapter writes no waypoint policy
/// elsewhere). A waypoint's Gateway, when the input holds it, names its ServiceAccount and the
/// traffic it takes (`istio.io/waypoint-for`: `service`, the default, `workload`, `all` or
/// `none`); one that takes workload traffic checks requests sent to the pods' own addresses by
/// the policies targeting the Gateway. Sources match by `principals`, `namespaces` and their
/// `not` forms (a client without a mesh identity has neither, so it passes only the `not`
/// forms); operations by ports, methods, paths and their `not` forms; `when` by request headers
/// (`values`, `notValues`), any other key never matching. It reads the applied objects through
/// `IstioApplied`, never the adapter's types.
public struct IstioAccessModel: MeshAccessModel {
    private let policies: [IstioApplied.AuthorizationPolicy]
    private let rootNamespace: String
    private let inventory: Inventory
    private let trustDomain: String
    private let installation: MeshInstallation

    /// A model over the AuthorizationPolicies among `resources`, for the workloads of
    /// `inventory`.
    ///
    /// Istio is installed as `installation` says: pods without a sidecar, and ports that bypass
    /// it, accept every request.
    public init(
        resources: [ManifestNode], inventory: Inventory, installation: MeshInstallation,
        trustDomain: String = "cluster.local", rootNamespace: String = "istio-system"
    ) {
        self.installation = installation
        self.rootNamespace = rootNamespace
        policies = IstioApplied.authorizationPolicies(in: resources)
        self.inventory = inventory
        self.trustDomain = trustDomain
    }

    /// Whether Istio lets the request through to some pod of the destination.
    public func allows(_ request: AccessRequest) -> Bool {
        // UDP never reaches the proxy.
        if request.protocol == .udp { return true }
        let pods = inventory.workloads(
            namespace: request.destination.namespace, serviceAccount: request.destination.serviceAccount)
        return pods.contains { allows(request, to: $0) }
    }

    private func allows(_ request: AccessRequest, to workload: Inventory.Workload) -> Bool {
        if ProxyPresence.of(workload, in: inventory, installation: installation).bypasses(request.port) { return true }
        let applicable = policies.filter { policy in
            // The root namespace's policies apply mesh-wide (Istio notes 3.3); a waypoint's
            // policies (targetRefs) do not apply to pods.
            guard policy.metadata.namespace == workload.namespace || policy.metadata.namespace == rootNamespace,
                policy.targets.isEmpty
            else { return false }
            guard let selector = policy.spec.selector else { return true }
            return (selector.matchLabels ?? [:]).allSatisfy { workload.podLabels[$0.key] == $0.value }
        }
        let ztunnel = isAmbient(workload)
        if ztunnel, reachesDirectly(request, workload, applicable) { return true }
        if ztunnel {
            return waypoints(of: workload).contains { service, principal in
                let atWaypoint = policies.filter { policy in
                    policy.metadata.namespace == workload.namespace
                        && policy.targets.contains {
                            $0.kind == "Service" && ($0.group ?? "").isEmpty && $0.name == service
                        }
                }
                var fromWaypoint = request
                fromWaypoint.source = principal
                return decide(request, atWaypoint, ztunnel: false)
                    && decide(fromWaypoint, applicable, ztunnel: true)
            }
        }
        return decide(request, applicable, ztunnel: false)
    }

    /// Whether a request sent to the pod's own address gets through: ztunnel's L4 check with
    /// the client's identity, or, where the pod's waypoint (`istio.io/use-waypoint` on the pod,
    /// else its namespace) takes workload traffic (`istio.io/waypoint-for: workload` or `all`),
    /// that waypoint's check by the policies targeting its Gateway, then ztunnel's with the
    /// waypoint's identity.
    private func reachesDirectly(
        _ request: AccessRequest, _ workload: Inventory.Workload, _ applicable: [IstioApplied.AuthorizationPolicy]
    ) -> Bool {
        let namespaceLabels = inventory.namespaces(named: workload.namespace).first?.labels ?? [:]
        let labels = workload.podLabels["istio.io/use-waypoint"] != nil ? workload.podLabels : namespaceLabels
        guard let name = labels["istio.io/use-waypoint"], name != "none" else {
            return decide(request, applicable, ztunnel: true)
        }
        let namespace = labels["istio.io/use-waypoint-namespace"] ?? workload.namespace
        let gateway = waypointGateway(namespace: namespace, name: name)
        guard ["workload", "all"].contains(gateway.takes) else { return decide(request, applicable, ztunnel: true) }
        let atWaypoint = policies.filter { policy in
            policy.metadata.namespace == namespace
                && policy.targets.contains { $0.kind == "Gateway" && $0.name == name }
        }
        var fromWaypoint = request
        fromWaypoint.source = AccessRequest.Identity(namespace: namespace, serviceAccount: gateway.account)
        return decide(request, atWaypoint, ztunnel: false) && decide(fromWaypoint, applicable, ztunnel: true)
    }

    /// The Services selecting the pod that send traffic through a waypoint, with the identity
    /// the waypoint's requests carry.
    private func waypoints(of workload: Inventory.Workload) -> [(String, AccessRequest.Identity)] {
        let namespaceLabels = inventory.namespaces(named: workload.namespace).first?.labels ?? [:]
        return inventory.services.compactMap { service in
            guard service.namespace == workload.namespace, service.selects(workload.podLabels) else { return nil }
            let labels = service.labels["istio.io/use-waypoint"] != nil ? service.labels : namespaceLabels
            guard let waypoint = labels["istio.io/use-waypoint"], waypoint != "none" else { return nil }
            let namespace = labels["istio.io/use-waypoint-namespace"] ?? workload.namespace
            let gateway = waypointGateway(namespace: namespace, name: waypoint)
            guard ["service", "all"].contains(gateway.takes) else { return nil }
            return (service.name, AccessRequest.Identity(namespace: namespace, serviceAccount: gateway.account))
        }
    }

    /// A waypoint's ServiceAccount and the traffic it takes, from its Gateway when the input
    /// holds it (`gateway.istio.io/service-account`, `istio.io/waypoint-for`), else Istio's
    /// defaults: the Gateway's name, `service`.
    private func waypointGateway(namespace: String, name: String) -> (account: String, takes: String) {
        let gateway = inventory.meshObjects.first {
            $0.kind == "Gateway" && $0.apiVersion.hasPrefix("gateway.networking.k8s.io/") && $0.namespace == namespace
                && $0.name == name
        }?.root
        let labels = gateway?.node(at: "metadata.labels").map(Inventory.strings) ?? [:]
        let annotations = gateway?.node(at: "metadata.annotations").map(Inventory.strings) ?? [:]
        return (annotations["gateway.istio.io/service-account"] ?? name, labels["istio.io/waypoint-for"] ?? "service")
    }

    /// Istio's decision over the policies that apply at one enforcement point: a DENY rule
    /// that matches denies; else, with ALLOW policies, one rule must match; else allow.
    private func decide(
        _ request: AccessRequest, _ applicable: [IstioApplied.AuthorizationPolicy], ztunnel: Bool
    ) -> Bool {
        if applicable.contains(where: {
            ($0.spec.action ?? "ALLOW") == "DENY"
                && ($0.spec.rules ?? []).contains { matches(ztunnel ? Self.withoutHTTP($0) : $0, request) }
        }) {
            return false
        }
        let allow = applicable.filter { ($0.spec.action ?? "ALLOW") == "ALLOW" }
        if allow.isEmpty { return true }
        return allow.contains {
            ($0.spec.rules ?? []).contains { !(ztunnel && Self.readsHTTP($0)) && matches($0, request) }
        }
    }

    /// Whether ztunnel, not a sidecar, guards the pod.
    private func isAmbient(_ workload: Inventory.Workload) -> Bool {
        switch workload.podLabels["istio.io/dataplane-mode"] {
        case "ambient": return true
        case "none": return false
        default:
            return inventory.namespaces(named: workload.namespace).contains {
                $0.labels["istio.io/dataplane-mode"] == "ambient"
            }
        }
    }

    /// The `when` keys ztunnel reads.
    private static let l4Keys: Set<String> = [
        "source.ip", "source.namespace", "source.principal", "destination.ip", "destination.port"
    ]

    /// Whether a rule reads an HTTP attribute, which ztunnel cannot.
    private static func readsHTTP(_ rule: IstioApplied.AuthorizationPolicy.Rule) -> Bool {
        (rule.to ?? []).contains { readsHTTP($0.operation) } || (rule.when ?? []).contains { !l4Keys.contains($0.key) }
    }

    /// Whether an operation names methods or paths.
    private static func readsHTTP(_ operation: IstioApplied.AuthorizationPolicy.Operation) -> Bool {
        [operation.methods, operation.notMethods, operation.paths, operation.notPaths].contains { set($0) != nil }
    }

    /// The rule as ztunnel enforces it in a DENY policy: without its HTTP attributes.
    private static func withoutHTTP(
        _ rule: IstioApplied.AuthorizationPolicy.Rule
    ) -> IstioApplied.AuthorizationPolicy.Rule {
        var rule = rule
        rule.to = rule.to?.map { entry in
            var entry = entry
            entry.operation.methods = nil
            entry.operation.notMethods = nil
            entry.operation.paths = nil
            entry.operation.notPaths = nil
            return entry
        }
        rule.when = rule.when?.filter { l4Keys.contains($0.key) }
        return rule
    }

    private func matches(_ rule: IstioApplied.AuthorizationPolicy.Rule, _ request: AccessRequest) -> Bool {
        if request.protocol != .http && usesHTTPOnlyFields(rule) { return false }
        if let from = Self.set(rule.from) {
            guard from.contains(where: { matches($0.source, request.source) }) else { return false }
        }
        if let to = Self.set(rule.to) {
            guard to.contains(where: { matches($0.operation, request) }) else { return false }
        }
        for condition in rule.when ?? [] {
            guard condition.key.hasPrefix("request.headers["), condition.key.hasSuffix("]") else { return false }
            let name = String(condition.key.dropFirst("request.headers[".count).dropLast())
            let values = request.values(ofHeader: name)
            guard !values.isEmpty else { return false }
            // Envoy joins repeated headers with ","; a header value `*` is Envoy's present_match,
            // which admits an empty value (istio pilot/pkg/security/authz/matcher/header.go).
            let joined = values.joined(separator: ",")
            let matched = { (patterns: [String]?) in
                Self.set(patterns)?.contains { $0 == "*" || Self.pattern($0, matches: joined) }
            }
            if matched(condition.values) == false || matched(condition.notValues) == true { return false }
        }
        return true
    }

    /// Whether a rule's source admits the client: each field set must hold.
    private func matches(_ source: IstioApplied.AuthorizationPolicy.Source, _ client: AccessRequest.Identity?) -> Bool {
        let principal = client.map { "\(trustDomain)/ns/\($0.namespace)/sa/\($0.serviceAccount)" }
        let namespace = client?.namespace
        func any(_ patterns: [String]?, _ value: String?) -> Bool? {
            Self.set(patterns).map { patterns in
                value.map { v in patterns.contains { Self.pattern($0, matches: v) } } ?? false
            }
        }
        return any(source.principals, principal) != false && any(source.namespaces, namespace) != false
            && any(source.notPrincipals, principal) != true && any(source.notNamespaces, namespace) != true
    }

    private func matches(_ operation: IstioApplied.AuthorizationPolicy.Operation, _ request: AccessRequest) -> Bool {
        let port = String(request.port)
        if let ports = Self.set(operation.ports), !ports.contains(port) { return false }
        if let ports = Self.set(operation.notPorts), ports.contains(port) { return false }
        let method = request.method ?? ""
        if let methods = Self.set(operation.methods), !methods.contains(where: { Self.pattern($0, matches: method) }) {
            return false
        }
        if let methods = Self.set(operation.notMethods), methods.contains(where: { Self.pattern($0, matches: method) })
        {
            return false
        }
        let path = request.pathOnly
        if let paths = Self.set(operation.paths), !paths.contains(where: { Self.pattern($0, matches: path) }) {
            return false
        }
        if let paths = Self.set(operation.notPaths), paths.contains(where: { Self.pattern($0, matches: path) }) {
            return false
        }
        return true
    }

    private func usesHTTPOnlyFields(_ rule: IstioApplied.AuthorizationPolicy.Rule) -> Bool {
        (rule.to ?? []).contains { Self.readsHTTP($0.operation) }
            || (rule.when ?? []).contains { $0.key.hasPrefix("request.") }
    }

    /// A repeated field as protobuf reads it: empty is unset.
    static func set<T>(_ list: [T]?) -> [T]? {
        list.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Istio's string pattern (principals, paths, methods): `*` any non-empty value (the regex
    /// `.+`), `*x` suffix, `x*` prefix, else exact.
    ///
    /// Header values differ for `*` alone.
    static func pattern(_ pattern: String, matches value: String) -> Bool {
        if pattern == "*" { return !value.isEmpty }
        if pattern.hasPrefix("*") { return value.hasSuffix(pattern.dropFirst()) }
        if pattern.hasSuffix("*") { return value.hasPrefix(pattern.dropLast()) }
        return pattern == value
    }
}
