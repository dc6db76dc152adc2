/// SMI's access semantics as the reference notes decide them (section 8.1 and D1-D25).
///
/// The model every mesh adapter's translation is compared with, and what `smi access` answers.
///
/// Deny by default. A request is allowed when some TrafficTarget names its destination and
/// its source, and one of the target's rules admits it. Anything invalid grants nothing.
public struct SMIAccessModel: Sendable {
    /// The HTTP methods the CRD enum allows, and `*`.
    static let methods: Set<String> = [
        "*", "GET", "HEAD", "PUT", "POST", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"
    ]

    /// How `pathRegex` must match the path.
    ///
    /// From its start (`.prefix`, the spec and the default, notes D1) or all of it (`.full`, an
    /// option).
    public var pathAnchoring: RE2Regex.Anchoring

    /// Creates a model.
    public init(pathAnchoring: RE2Regex.Anchoring = .prefix) {
        self.pathAnchoring = pathAnchoring
    }

    /// Decides `request` against the objects of `bundle`.
    public func decide(_ request: AccessRequest, in bundle: SMIBundle) -> AccessDecision {
        guard let source = request.source else {
            return AccessDecision(
                .deny, "the client is outside the mesh and has no identity (unmeshed clients are always denied)")
        }
        var namingDestination = 0
        var namingSource = 0
        for item in bundle.trafficTargets {
            let target = item.object
            let namespace = item.key.namespace
            // Subjects that name no account Kubernetes allows (another kind, `*`) match nothing.
            guard
                target.destinationAccount(defaultNamespace: namespace)
                    == SMIBundle.Key(namespace: request.destination.namespace, name: request.destination.serviceAccount)
            else { continue }
            namingDestination += 1
            let wanted = SMIBundle.Key(namespace: source.namespace, name: source.serviceAccount)
            guard target.spec.sources.contains(where: { $0.serviceAccount(defaultNamespace: namespace) == wanted })
            else { continue }
            namingSource += 1
            // An access v1alpha1/v1alpha2 destination port limits every rule to that port.
            if let port = bundle.destinationPorts[item.key], port != request.port { continue }
            if let reason = admission(request, by: target, key: item.key, in: bundle) {
                return AccessDecision(.allow, reason)
            }
        }
        if namingDestination == 0 {
            return AccessDecision(.deny, "no TrafficTarget has destination \(request.destination)")
        }
        if namingSource == 0 {
            return AccessDecision(
                .deny, "no TrafficTarget for destination \(request.destination) lists source \(source)")
        }
        return AccessDecision(
            .deny,
            "no rule of the \(namingSource) TrafficTarget(s) for \(source) -> \(request.destination) admits this \(request.protocol.rawValue) request on port \(request.port)"
        )
    }

    /// Why `target` admits the request, or nil (notes D5 for how its rules combine).
    private func admission(
        _ request: AccessRequest, by target: Access.V1Alpha3.TrafficTarget, key: SMIBundle.Key, in bundle: SMIBundle
    ) -> String? {
        let rules = Array(target.spec.rules.enumerated())
        // An object outside the CRD's rule-kind enum would not exist on a cluster (D25).
        guard rules.allSatisfy({ ["HTTPRouteGroup", "TCPRoute", "UDPRoute"].contains($0.element.kind) }) else {
            return nil
        }
        let name = "TrafficTarget \(key)"
        switch request.protocol {
        case .udp:
            for (i, rule) in rules where rule.kind == "UDPRoute" {
                if let ports = portRoute(rule, in: bundle.udpRoutes, key), ports.admits(request.port) {
                    return "\(name) rule \(i) (UDPRoute \(rule.name)) admits UDP on port \(request.port)"
                }
            }
            return nil
        case .tcp, .http:
            let httpRules = rules.filter { $0.element.kind == "HTTPRouteGroup" }
            let tcpRules = rules.filter { $0.element.kind == "TCPRoute" }
            let portRule = tcpRules.first {
                portRoute($0.element, in: bundle.tcpRoutes, key)?.admits(request.port) ?? false
            }
            if httpRules.isEmpty {
                guard let (i, rule) = portRule else { return nil }
                return "\(name) rule \(i) (TCPRoute \(rule.name)) admits TCP on port \(request.port)"
            }
            // With HTTP rules declared, TCPRoutes only narrow the ports, and raw TCP is not granted.
            guard request.protocol == .http, tcpRules.isEmpty || portRule != nil else { return nil }
            for (i, rule) in httpRules {
                if let match = httpMatch(request, rule: rule, namespace: key.namespace, in: bundle) {
                    return
                        "\(name) rule \(i) (HTTPRouteGroup \(rule.name), match \(match)) admits \(request.method ?? "the request") \(request.pathOnly)"
                }
            }
            return nil
        }
    }

    /// The ports a TCPRoute or UDPRoute rule covers, or nil when it grants nothing (missing
    /// route, `matches` on the rule (D13), or no valid port left (D14)).
    private func portRoute<Route>(
        _ rule: Access.Rule,
        in routes: [SMIBundle.Key: SMIBundle.Item<SMISpecObject<Specs.V1Alpha4, Route, Specs.PortRouteSpec>>],
        _ key: SMIBundle.Key
    ) -> PortSet? {
        guard rule.matches?.isEmpty ?? true,
            let route = routes[SMIBundle.Key(namespace: key.namespace, name: rule.name)]
        else { return nil }
        let listed = route.object.spec.matches.ports
        if listed.isEmpty { return .all }
        let valid = listed.filter { (1...65535).contains($0) }
        return valid.isEmpty ? nil : .some(Set(valid))
    }

    private enum PortSet {
        case all
        case some(Set<Int>)

        func admits(_ port: Int) -> Bool {
            switch self {
            case .all: return true
            case let .some(ports): return ports.contains(port)
            }
        }
    }

    /// The name of the first match of the rule's group that admits the request.
    private func httpMatch(_ request: AccessRequest, rule: Access.Rule, namespace: String, in bundle: SMIBundle)
        -> String?
    {
        grantedMatches(rule, namespace: namespace, in: bundle).first {
            HTTPMatchEvaluation.admits(request, $0, pathAnchoring: pathAnchoring)
        }?.name
    }

    /// The matches an HTTPRouteGroup rule grants: all of a usable group's, or those it selects
    /// by a name the group uses once (D12, D16, D25).
    ///
    /// Resolved here, not by `SMIBundle.resolve`, which the translators use: a rule resolved
    /// too widely there must show as a difference, not widen the reference alike.
    private func grantedMatches(_ rule: Access.Rule, namespace: String, in bundle: SMIBundle) -> [Specs.HTTPMatch] {
        guard rule.kind == "HTTPRouteGroup",
            let group = bundle.httpRouteGroups[SMIBundle.Key(namespace: namespace, name: rule.name)]?.object,
            Self.grantsAnything(group)
        else { return [] }
        guard let names = rule.matches, !names.isEmpty else { return group.spec.matches }
        return group.spec.matches.filter { match in
            names.contains(match.name) && group.spec.matches.lazy.filter { $0.name == match.name }.count == 1
        }
    }

    /// Whether a group grants anything: none of its methods is outside the CRD enum (D2, D25).
    ///
    /// The reference's own reading, apart from `Specs.V1Alpha4.HTTPRouteGroup.isUsable`, which
    /// the translators and the validator use, so that widening theirs shows as a difference.
    static func grantsAnything(_ group: Specs.V1Alpha4.HTTPRouteGroup) -> Bool {
        !group.spec.matches.contains { match in (match.methods ?? []).contains { !methods.contains($0) } }
    }
}
