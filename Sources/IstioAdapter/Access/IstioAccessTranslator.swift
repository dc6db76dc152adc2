import SMICore

/// TrafficTargets as Istio AuthorizationPolicies (Istio notes 3.3-3.11): one ALLOW policy per
/// target in the destination's namespace, selecting exactly the destination's pods; one rule
/// per SMI match, so that matches never combine into extra grants; TCP-only grants in rules of
/// their own; HTTP grants kept HTTP-only; an allow-nothing policy per namespace in scope.
///
/// What Istio cannot say exactly is dropped with a warning (stricter), never widened.
struct IstioAccessTranslator {
    /// The resource this translator writes.
    typealias Policy = Istio.SecurityV1.AuthorizationPolicy

    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    /// The control plane (never governed) and where pods run a sidecar.
    let facts: ClusterFacts

    /// One SMI match as Istio operations and `when` conditions, or why Istio cannot express it.
    typealias Translation = IstioMatches.Translation

    func render(into rendering: inout Rendering) {
        facts.report(into: &rendering, options: options)
        let (closed, open, _) = facts.scope(options.denyScope)
        let denied = Set(closed)
        let denyName = RenderedMetadata.name(Self.denyByDefault, options: options)
        var selected: Set<SMIBundle.Key> = []
        var translations = MatchTranslations<Translation> { [anchoring = options.pathAnchoring] in
            IstioMatches(anchoring: anchoring).translate($0)
        }
        for item in bundle.trafficTargets {
            let namespace = item.object.spec.destination.namespace ?? item.key.namespace
            // A policy in the root namespace would apply to every namespace of the mesh.
            guard facts.governs(namespace) else { continue }
            // A policy named as the namespace's allow-nothing policy would replace it, or be
            // replaced by it, when applied: the allow-nothing policy is kept, the grant refused.
            if denied.contains(namespace),
                RenderedMetadata.name(RenderedMetadata.objectName(for: item.key, in: namespace), options: options)
                    == denyName
            {
                report(
                    .error, .renderedNameTaken,
                    "no policy for \(namespace)/\(item.object.spec.destination.name): it would be named \(denyName), as the namespace's allow-nothing policy is; rename the TrafficTarget",
                    item, into: &rendering)
                continue
            }
            for policy in policies(
                for: item, destinationNamespace: namespace, translations: &translations, into: &rendering)
            {
                selected.insert(SMIBundle.Key(namespace: namespace, name: item.object.spec.destination.name))
                for part in Self.withinRuleLimit(policy) { add(part, into: &rendering) }
            }
        }
        reportUnrewrittenProbes(namespaces: denied, accounts: selected, into: &rendering)
        options.denyScope.reportOpen(open, code: .istioDenyScope, into: &rendering)
        for namespace in closed {
            let meta = RenderedMetadata.make(
                name: Self.denyByDefault, namespace: namespace, sources: [], options: options)
            add(Policy(metadata: meta, spec: .init()), into: &rendering)
        }
    }

    /// The sidecar injector hands the kubelet's HTTP, gRPC and TCP probes to its agent, outside
    /// every policy, unless the pod or the injector says otherwise (`IstioProbeRewriting`).
    ///
    /// Then HTTP and gRPC probes reach the sidecar from the node without a principal, and the
    /// policies of ours that govern the pods (a selected destination, a closed namespace)
    /// refuse them: reported, since the pods go unready or restart. TCP probes pass: the
    /// sidecar accepts every connection.
    private func reportUnrewrittenProbes(
        namespaces: Set<String>, accounts: Set<SMIBundle.Key>, into rendering: inout Rendering
    ) {
        let rewriting = IstioProbeRewriting(inventory: inventory, installation: facts.installation)
        for workload in inventory.workloads
        where namespaces.contains(workload.namespace)
            || accounts.contains(SMIBundle.Key(namespace: workload.namespace, name: workload.serviceAccount))
        {
            guard let reason = rewriting.unrewritten(workload) else { continue }
            if case .absent = ProxyPresence.of(workload, in: inventory, installation: facts.installation) { continue }
            let probes =
                workload.httpProbes.map { "GET \($0.port)\($0.path)" } + workload.grpcProbePorts.map { "gRPC \($0)" }
            guard !probes.isEmpty else { continue }
            rendering.report(
                Diagnostic(
                    .warning, .istioProbes,
                    "\(workload.description): \(reason) the kubelet's probes (\(probes.joined(separator: ", "))) reach the sidecar without a principal and the AuthorizationPolicies refuse them, so the pods may go unready or restart; let the injector rewrite them (\(IstioProbeRewriting.annotation): \"true\") to let the agent probe"
                ))
        }
    }

    /// The most rules the AuthorizationPolicy CRD takes (`spec.rules` has `maxItems: 512`).
    static let maximumRules = 512

    /// `policy` as the API server takes it: within the CRD's limit of rules.
    ///
    /// Past it, the operations of rules without conditions and with the same sources become one
    /// rule's `to` list (entries of `to` are ORed: the same grant), and what is still too many
    /// is split into several ALLOW policies on the same pods (policies are ORed too), named
    /// `<name>`, `<name>-rules-2`, ...
    static func withinRuleLimit(_ policy: Policy) -> [Policy] {
        guard var rules = policy.spec.rules, rules.count > maximumRules else { return [policy] }
        var merged: [Policy.Rule] = []
        // Where each list of sources' rule without conditions is in `merged` (few: a target
        // has one list of sources).
        var unconditional: [(from: [Policy.From]?, index: Int)] = []
        for rule in rules {
            guard rule.when == nil, let to = rule.to else {
                merged.append(rule)
                continue
            }
            if let index = unconditional.first(where: { $0.from == rule.from })?.index {
                merged[index].to = (merged[index].to ?? []) + to
            } else {
                unconditional.append((rule.from, merged.count))
                merged.append(rule)
            }
        }
        rules = merged
        return stride(from: 0, to: rules.count, by: maximumRules).map { start in
            var part = policy
            part.spec.rules = Array(rules[start..<min(start + maximumRules, rules.count)])
            if start > 0 {
                part.metadata.name = DNSName.shortened(
                    "\(policy.metadata.name ?? "")-rules-\(start / maximumRules + 1)")
            }
            return part
        }
    }

    /// The name (before the options' prefix) of each namespace's allow-nothing policy.
    private static let denyByDefault = "deny-by-default"

    private func add(_ policy: Policy, into rendering: inout Rendering) {
        var policy = policy
        policy.apiVersion = IstioTargetVersion(options).securityAPIVersion
        rendering.add(policy)
    }

    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String,
        _ item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, into rendering: inout Rendering
    ) {
        rendering.report(severity, code, message, about: item.origin)
    }

    /// The ALLOW policies of a target: one per selector of the destination's pods (one,
    /// unless no selector covers all its workloads), each with the same rules.
    private func policies(
        for item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, destinationNamespace: String,
        translations: inout MatchTranslations<Translation>, into rendering: inout Rendering
    ) -> [Policy] {
        let target = item.object
        let destination = target.spec.destination
        guard target.destinationAccount(defaultNamespace: item.key.namespace) != nil,
            target.spec.rules.allSatisfy({ ["HTTPRouteGroup", "TCPRoute", "UDPRoute"].contains($0.kind) })
        else { return [] }
        let selection: SelectorDerivation.Selection
        switch SelectorDerivation.selection(
            namespace: destinationNamespace, serviceAccount: destination.name, in: inventory)
        {
        case let .success(found): selection = found
        case let .failure(problem):
            report(
                .error, .istioSelector,
                "no policy for \(destinationNamespace)/\(destination.name): \(problem.message); its pods get only the deny-by-default policy",
                item, into: &rendering)
            return []
        }
        for problem in selection.unselectable {
            report(
                .error, .istioSelector,
                "\(problem.message): no policy selects those pods, which get only the deny-by-default policy", item,
                into: &rendering)
        }
        if let warning = selection.templateWarning(
            account: "\(destinationNamespace)/\(destination.name)", about: item.origin)
        {
            rendering.report(warning)
        }
        guard !selection.selectors.isEmpty else { return [] }
        let principals = target.sourceAccounts(defaultNamespace: item.key.namespace)
            .map { "\(options.trustDomain)/ns/\($0.namespace)/sa/\($0.name)" }
        let from = [
            Policy.From(source: .init(principals: Array(Set(principals)).sorted()))
        ]
        var rules: [Policy.Rule] = []
        if !principals.isEmpty {
            rules = grants(for: item, from: from, translations: &translations, into: &rendering)
        }
        let name = RenderedMetadata.objectName(for: item.key, in: destinationNamespace)
        let sources = item.origin.object.map { [$0] } ?? []
        let (podRules, waypointPolicies) = ambientPolicies(
            rules, name: name, destination: destination.name, namespace: destinationNamespace, item: item,
            into: &rendering)
        // With no rule left a policy still selects the pods: it then allows nothing, as SMI does.
        // Selections without requirements: Istio's workload selectors take labels alone.
        return selection.selectors.enumerated().map { index, selector in
            Policy(
                metadata: RenderedMetadata.make(
                    name: index == 0 ? name : "\(name)-pods-\(index + 1)",
                    namespace: destinationNamespace, sources: sources, options: options),
                spec: .init(
                    selector: .init(matchLabels: selector.labels), action: "ALLOW",
                    rules: podRules.isEmpty ? nil : podRules))
        } + waypointPolicies
    }

    /// In an ambient namespace, the rules the destination's pods get and the policies of its
    /// waypoint (`IstioAmbient`): with a waypoint, the grants go to it (`targetRefs` on each
    /// Service that uses it) and the pods admit its identity; without one, ztunnel omits the
    /// HTTP rules, which is reported.
    ///
    /// Outside ambient mode, the rules as they are.
    private func ambientPolicies(
        _ rules: [Policy.Rule], name: String, destination: String, namespace: String,
        item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, into rendering: inout Rendering
    ) -> (pods: [Policy.Rule], waypoint: [Policy]) {
        let ambient = IstioAmbient(inventory: inventory)
        guard ambient.isAmbient(namespace) else { return (rules, []) }
        let account = "\(namespace)/\(destination)"
        switch ambient.waypoint(namespace: namespace, serviceAccount: destination) {
        case nil:
            if rules.contains(where: IstioAmbient.isHTTP) {
                report(
                    .error, .istioAmbient,
                    "namespace \(namespace) is in ambient mode and \(account) uses no waypoint: ztunnel omits the rules with HTTP attributes (paths, methods, headers), so the HTTP grants allow nothing (stricter) and only the TCP grants are enforced; label its Service istio.io/use-waypoint to have them enforced by a waypoint",
                    item, into: &rendering)
            }
            return (rules, [])
        case let .failure(problem)?:
            report(
                .error, .istioAmbient,
                "namespace \(namespace) is in ambient mode: \(problem.message); requests through the waypoint reach \(account) with the waypoint's identity, which the policy does not name, so they are denied (stricter)",
                item, into: &rendering)
            return (rules, [])
        case let .success(waypoint)?:
            let principal = waypoint.principal(trustDomain: options.trustDomain)
            let assumption =
                waypoint.isKnown
                ? "its Gateway in the input says it runs as ServiceAccount \(waypoint.serviceAccount) and serves Services only"
                : "this takes the waypoint to run as ServiceAccount \(waypoint.name) and to serve Services only (istio.io/waypoint-for: service, the default), or requests sent to the pods' addresses through it would pass unchecked: give its Gateway in the input to have that checked"
            report(
                .warning, .istioAmbient,
                "\(account) is reached through waypoint \(waypoint.namespace)/\(waypoint.name) (Service \(waypoint.services.joined(separator: ", "))): the grants are written for the waypoint (targetRefs), and the pods admit its identity \(principal); requests sent straight to the pods get only the TCP grants (ztunnel omits HTTP rules, stricter); \(assumption)",
                item, into: &rendering)
            let admitWaypoint = Policy.Rule(from: [
                .init(source: .init(principals: [principal]))
            ])
            let sources = item.origin.object.map { [$0] } ?? []
            let policies = waypoint.services.map { service in
                Policy(
                    metadata: RenderedMetadata.make(
                        name: "\(name)-via-\(service)", namespace: namespace, sources: sources, options: options),
                    spec: .init(
                        targetRefs: [.init(service: service)], action: "ALLOW", rules: rules.isEmpty ? nil : rules))
            }
            return (rules + [admitWaypoint], policies)
        }
    }

    private func grants(
        for item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, from: [Policy.From],
        translations: inout MatchTranslations<Translation>, into rendering: inout Rendering
    ) -> [Policy.Rule] {
        let rules = item.object.spec.rules
        let namespace = item.key.namespace
        if rules.contains(where: { $0.kind == "UDPRoute" }) {
            report(
                .error, .istioUDP,
                "Istio cannot enforce UDP: sidecars do not intercept it, so the UDPRoute rules are not rendered and UDP to these pods is not restricted (use a NetworkPolicy)",
                item, into: &rendering)
        }
        let ports = TargetPorts.of(item, in: bundle)
        let http = rules.filter { $0.kind == "HTTPRouteGroup" }
        if !http.isEmpty {
            for (port, why) in tcpPorts(of: item) where ports?.covers(port) ?? true {
                report(
                    .warning, .istioTCPPort,
                    "port \(port) is TCP to Istio (\(why)): its inbound chain has no HTTP, so the HTTP rules of this target deny every request there",
                    item, into: &rendering)
            }
        }
        if http.isEmpty {
            switch ports {
            case nil, .nothing?: return []
            case .unrestricted?: return [Policy.Rule(from: from)]
            case let .some(list)?:
                return [
                    Policy.Rule(
                        from: from, to: [.init(operation: .init(ports: list.map(String.init)))])
                ]
            }
        }
        var portList: [String]?
        switch ports {
        case nil, .unrestricted?: portList = nil
        case .nothing?: return []
        case let .some(list)?: portList = list.map(String.init)
        }
        var out: [Policy.Rule] = []
        var headerKeys: Set<String> = []
        defer {
            if !headerKeys.isEmpty {
                report(
                    .info, .istioRepeatedHeaders,
                    "Envoy matches \(headerKeys.sorted().joined(separator: ", ")) on a repeated header's values joined by ',' (HTTP's reading of repeated fields), while SMI takes any one value: a request that repeats the header passes only when the joined value matches",
                    item, into: &rendering)
            }
        }
        for rule in http {
            guard case let .http(group, selected) = bundle.resolve(rule, namespace: namespace),
                group.isUsable
            else { continue }
            for match in selected {
                switch translations.translation(of: match) {
                case let .success((operations, conditions)):
                    headerKeys.formUnion(conditions.map(\.key))
                    for var operation in operations {
                        operation.ports = portList
                        out.append(
                            Policy.Rule(
                                from: from, to: [.init(operation: operation)],
                                when: conditions.isEmpty ? nil : conditions))
                    }
                case let .failure(reason):
                    report(
                        .warning, .istioMatchDropped,
                        "match '\(match.name)' of HTTPRouteGroup \(namespace)/\(group.metadata.name ?? "") is not rendered (stricter than SMI): \(reason)",
                        item, into: &rendering)
                }
            }
        }
        return out
    }

    /// Istio's protocols that give an inbound port a TCP-only chain (Istio notes 3.9).
    private static let tcpProtocols: Set<String> = ["tcp", "tls", "https", "mongo", "mysql", "redis"]

    /// The container ports of the target's destination that Istio handles as TCP, with why:
    /// the targetPort of a Service port named `<protocol>` or `<protocol>-*`, or whose
    /// `appProtocol` is such a protocol.
    private func tcpPorts(of item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>) -> [(Int, String)] {
        guard let account = item.object.destinationAccount(defaultNamespace: item.key.namespace) else { return [] }
        var found: [Int: String] = [:]
        for target in facts.servicePorts(of: account) where target.port.protocol == "TCP" {
            guard let containerPort = target.containerPort else { continue }
            let port = target.port
            let named =
                (port.name ?? "").split(separator: "-", maxSplits: 1).first.map { String($0).lowercased() } ?? ""
            if let declared = port.appProtocol?.lowercased() {
                guard Self.tcpProtocols.contains(declared) else { continue }
                found[containerPort] =
                    found[containerPort] ?? "Service \(target.service.name) declares appProtocol \(declared)"
            } else if Self.tcpProtocols.contains(named) {
                found[containerPort] =
                    found[containerPort] ?? "Service \(target.service.name) names it '\(port.name ?? "")'"
            }
        }
        return found.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
