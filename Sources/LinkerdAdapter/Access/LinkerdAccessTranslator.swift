import SMICore

/// TrafficTargets as Linkerd policy (Linkerd notes 4.3-4.7): per destination ServiceAccount
/// and port, a Server with `accessPolicy: deny` selecting exactly that account's pods; TCP
/// grants as an AuthorizationPolicy on the Server; restricted HTTP grants as one HTTPRoute
/// per set of sources with an AuthorizationPolicy on it (sources allowed every HTTP request
/// are added to each); a catch-all HTTPRoute for them (and so that TCP-granted sources are
/// not answered 404); deny Servers for every other known port in scope.
struct LinkerdAccessTranslator {
    /// The route an authorization of HTTP rules targets.
    typealias Route = Linkerd.PolicyV1Beta3.HTTPRoute
    /// The policy that grants a route or a Server to identities or networks.
    typealias Authorization = Linkerd.PolicyV1Alpha1.AuthorizationPolicy

    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    /// The installation's default inbound policy.
    let configuration: LinkerdConfiguration
    /// The control plane (never governed) and where pods run a proxy.
    let facts: ClusterFacts

    /// A destination ServiceAccount.
    struct Destination: Hashable, Comparable {
        let namespace: String
        let serviceAccount: String
        static func < (a: Destination, b: Destination) -> Bool {
            (a.namespace, a.serviceAccount) < (b.namespace, b.serviceAccount)
        }
    }

    /// A source's identity, as a MeshTLSAuthentication names it.
    typealias Identity = Linkerd.PolicyV1Alpha1.MeshTLSAuthentication.IdentityReference

    /// What the targets of one destination grant on one port.
    struct PortGrants {
        var tcp = Set<Identity>()
        var allHTTP = Set<Identity>()
        /// Each restricted condition with every source granted it, in first-seen order.
        var restricted: [(condition: SplitPlan.Condition, sources: Set<Identity>)] = []

        /// The restricted conditions grouped by identical source sets (one HTTPRoute each),
        /// in a stable order: identical matches of different targets share one route.
        var groups: [(sources: [Identity], conditions: [SplitPlan.Condition])] {
            var out: [(sources: [Identity], conditions: [SplitPlan.Condition])] = []
            for (condition, sources) in restricted {
                let sorted = sources.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
                if let index = out.firstIndex(where: { $0.sources == sorted }) {
                    out[index].conditions.append(condition)
                } else {
                    out.append((sorted, [condition]))
                }
            }
            return out.sorted {
                $0.sources.lexicographicallyPrecedes($1.sources) { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
            }
        }
        var sources: [Diagnostic.Object] = []
    }

    func render(into rendering: inout Rendering) {
        guard LinkerdTargetVersion(options).hasAuthorizationPolicies else {
            for item in bundle.trafficTargets {
                report(
                    .error, .linkerdNotRendered,
                    "Linkerd \(options.releaseName) has no AuthorizationPolicy (2.12+): the TrafficTarget is not rendered",
                    item, into: &rendering)
            }
            return
        }
        var targets: [Destination: [SMIBundle.Item<Access.V1Alpha3.TrafficTarget>]] = [:]
        facts.report(into: &rendering, options: options)
        for item in bundle.trafficTargets {
            // A deny Server on the controllers would stop proxies from getting their policy.
            guard let account = item.object.destinationAccount(defaultNamespace: item.key.namespace),
                facts.governs(account.namespace)
            else { continue }
            targets[Destination(namespace: account.namespace, serviceAccount: account.name), default: []].append(item)
        }
        var served = Set<Destination>()
        let anchoring = options.pathAnchoring
        var expansions = MatchExpansions(anchoring: anchoring) { LinkerdMatches.problem($0, anchoring: anchoring) }
        for (destination, items) in targets.sorted(by: { $0.key < $1.key }) {
            switch SelectorDerivation.selection(
                namespace: destination.namespace, serviceAccount: destination.serviceAccount, in: inventory,
                requirements: true)
            {
            case let .success(selection):
                served.insert(destination)
                report(selection, of: destination, items: items, into: &rendering)
                for (index, selector) in selection.selectors.enumerated() {
                    renderDestination(
                        destination, selector: selector, stem: Self.stem(destination.serviceAccount, index),
                        items: items, expansions: &expansions, into: &rendering)
                }
            case let .failure(problem):
                for item in items {
                    report(
                        .error, .linkerdSelector,
                        "no Server for \(destination.namespace)/\(destination.serviceAccount): \(problem.message); Linkerd's default inbound policy decides for its pods",
                        item, into: &rendering)
                }
            }
        }
        let (closed, open, _) = facts.scope(options.denyScope)
        options.denyScope.reportOpen(open, code: .linkerdDenyScope, into: &rendering)
        for namespace in closed {
            let accounts = Set(inventory.workloads(namespace: namespace).map(\.serviceAccount)).sorted()
            for account in accounts where !served.contains(Destination(namespace: namespace, serviceAccount: account)) {
                // Every account here runs a workload of the inventory: a selection exists.
                guard
                    case let .success(selection) = SelectorDerivation.selection(
                        namespace: namespace, serviceAccount: account, in: inventory, requirements: true)
                else { continue }
                for problem in selection.unselectable {
                    rendering.advise(
                        Diagnostic(
                            .warning, .linkerdDenyScope,
                            "no deny Server: \(problem.message); Linkerd's default inbound policy decides for those pods"
                        ))
                }
                for warning in unselectedProbes(namespace: namespace, serviceAccount: account, selection, item: nil) {
                    rendering.report(warning)
                }
                if let warning = selection.templateWarning(account: "\(namespace)/\(account)", about: nil) {
                    rendering.report(warning)
                }
                let ports = knownPorts(namespace: namespace, serviceAccount: account)
                for (index, selector) in selection.selectors.enumerated() {
                    for port in ports {
                        let proxyProtocol = LinkerdPortProtocol(
                            inventory: inventory, namespace: namespace, serviceAccount: account, port: port,
                            servicePorts: facts.servicePorts(of: SMIBundle.Key(namespace: namespace, name: account))
                        ).proxyProtocol(tcpGrants: false)
                        let name = "\(Self.stem(account, index))-\(port)"
                        rendering.add(
                            server(name, namespace, [], selector: selector, port: port, protocol: proxyProtocol))
                        let probes = LinkerdProbes(
                            inventory: inventory, namespace: namespace, serviceAccount: account, selector: selector,
                            port: port)
                        let probeRoute = self.probeRoute(
                            probes, server: name, routed: false, protocol: proxyProtocol, namespace, [],
                            into: &rendering)
                        for warning in probes.diagnostics(routed: false, probeRoute: probeRoute, item: nil) {
                            rendering.report(warning)
                        }
                    }
                }
            }
        }
        let defaultAllowing = closed.filter { defaultInboundPolicy(of: $0) != "deny" }
        if !defaultAllowing.isEmpty {
            rendering.advise(
                Diagnostic(
                    .warning, .linkerdDenyScope,
                    "ports the inventory does not list keep Linkerd's default inbound policy: set config.linkerd.io/default-inbound-policy: deny on \(defaultAllowing.joined(separator: ", ")) (and restart the pods) to deny them as SMI does; with linkerd-viz, run `linkerd viz allow-scrapes` for those namespaces too, or Prometheus can no longer scrape the proxies (port 4191) and `smi metrics` queries come back empty"
                ))
        }
    }

    /// The default inbound policy of a namespace's pods: its Namespace's annotation when the
    /// input holds it, else the installation's.
    private func defaultInboundPolicy(of namespace: String) -> String {
        inventory.namespaces(named: namespace).lazy.compactMap { $0.annotations[Self.defaultPolicyAnnotation] }.first
            ?? configuration.defaultInboundPolicy
    }

    /// The annotation that sets a namespace's (or pod's) default inbound policy.
    static let defaultPolicyAnnotation = "config.linkerd.io/default-inbound-policy"

    private func knownPorts(namespace: String, serviceAccount: String) -> [Int] {
        Set(
            inventory.workloads(namespace: namespace, serviceAccount: serviceAccount).flatMap {
                $0.ports.filter { $0.protocol == "TCP" }.map(\.port)
            }
        ).sorted()
    }

    private func meta(_ name: String, _ namespace: String, _ sources: [Diagnostic.Object]) -> ObjectMeta {
        RenderedMetadata.make(name: name, namespace: namespace, sources: sources, options: options)
    }

    /// A Server in the version the target release serves.
    private func server(
        _ name: String, _ namespace: String, _ sources: [Diagnostic.Object], selector: LabelSelector, port: Int,
        protocol: String
    ) -> Linkerd.PolicyV1Beta3.Server {
        var server = Linkerd.PolicyV1Beta3.Server(
            metadata: meta(name, namespace, sources), selector: selector, port: port)
        server.spec.proxyProtocol = `protocol`
        server.apiVersion = LinkerdTargetVersion(options).serverAPIVersion
        if server.apiVersion != "policy.linkerd.io/v1beta3" { server.spec.accessPolicy = nil }
        return server
    }

    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String,
        _ item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, into rendering: inout Rendering
    ) {
        rendering.report(severity, code, message, about: item.origin)
    }

    /// The first part of the names of a destination's Servers for its `index`th selector: the
    /// account's name, then `<account>-pods-2`, ...
    ///
    /// when one selector cannot cover its pods.
    private static func stem(_ serviceAccount: String, _ index: Int) -> String {
        index == 0 ? serviceAccount : "\(serviceAccount)-pods-\(index + 1)"
    }

    /// Reports the workloads of a destination no selector picks exactly, and selectors that
    /// depend on template labels.
    private func report(
        _ selection: SelectorDerivation.Selection, of destination: Destination,
        items: [SMIBundle.Item<Access.V1Alpha3.TrafficTarget>], into rendering: inout Rendering
    ) {
        for item in items {
            for problem in selection.unselectable {
                report(
                    .error, .linkerdSelector,
                    "\(problem.message): no Server selects those pods, and Linkerd's default inbound policy decides for them",
                    item, into: &rendering)
            }
            if let warning = selection.templateWarning(
                account: "\(destination.namespace)/\(destination.serviceAccount)", about: item.origin)
            {
                rendering.report(warning)
            }
            for warning in unselectedProbes(
                namespace: destination.namespace, serviceAccount: destination.serviceAccount, selection, item: item)
            {
                rendering.report(warning)
            }
        }
    }

    /// The probe diagnostics of the account's pods that no selector of `selection` picks.
    private func unselectedProbes(
        namespace: String, serviceAccount: String, _ selection: SelectorDerivation.Selection,
        item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>?
    ) -> [Diagnostic] {
        let pods = inventory.workloads(namespace: namespace, serviceAccount: serviceAccount).filter { pod in
            !selection.selects(pod.podLabels)
        }
        return LinkerdProbes.unselected(pods, account: "\(namespace)/\(serviceAccount)", item: item)
    }

    private func renderDestination(
        _ destination: Destination, selector: LabelSelector, stem: String,
        items: [SMIBundle.Item<Access.V1Alpha3.TrafficTarget>], expansions: inout MatchExpansions<String?>,
        into rendering: inout Rendering
    ) {
        var ports = Set(knownPorts(namespace: destination.namespace, serviceAccount: destination.serviceAccount))
        for item in items {
            switch TargetPorts.of(item, in: bundle) {
            case let .some(list)?: ports.formUnion(list)
            case .nothing?: break
            case nil, .unrestricted?:
                guard item.object.spec.rules.contains(where: { $0.kind != "UDPRoute" }) else { break }
                report(
                    .warning, .linkerdDenyScope,
                    "the grant covers every port, but Linkerd needs a Server per port: only the ports the inventory lists for \(destination.namespace)/\(destination.serviceAccount) (\(knownPorts(namespace: destination.namespace, serviceAccount: destination.serviceAccount).map(String.init).joined(separator: ", "))) are rendered; others keep the default inbound policy",
                    item, into: &rendering)
            }
            if item.object.spec.rules.contains(where: { $0.kind == "UDPRoute" }) {
                report(
                    .error, .linkerdUDP,
                    "Linkerd does not proxy UDP, so the UDPRoute rules are not rendered and UDP to these pods is not restricted (use a NetworkPolicy)",
                    item, into: &rendering)
            }
        }
        for port in ports.sorted() {
            let grants = self.grants(on: port, items, expansions: &expansions, into: &rendering)
            let server = "\(stem)-\(port)"
            let namespace = destination.namespace
            let protocols = LinkerdPortProtocol(
                inventory: inventory, namespace: namespace, serviceAccount: destination.serviceAccount, port: port,
                servicePorts: facts.servicePorts(
                    of: SMIBundle.Key(namespace: namespace, name: destination.serviceAccount)))
            let proxyProtocol = protocols.proxyProtocol(tcpGrants: !grants.tcp.isEmpty)
            if proxyProtocol == LinkerdPortProtocol.opaque, !grants.groups.isEmpty || !grants.allHTTP.isEmpty {
                report(
                    .warning, .linkerdOpaquePort,
                    "port \(port) of \(namespace)/\(destination.serviceAccount) is opaque (\(protocols.opaqueBecause ?? "")): Linkerd does not read HTTP there, so the HTTP grants of this destination deny every request on it",
                    items[0], into: &rendering)
            }
            rendering.add(
                self.server(server, namespace, grants.sources, selector: selector, port: port, protocol: proxyProtocol))
            if !grants.tcp.isEmpty {
                authorize(
                    "\(server)-tcp", grants.tcp,
                    target: .init(kind: "Server", name: RenderedMetadata.name(server, options: options)), namespace,
                    grants.sources, into: &rendering)
            }
            var routes = 0
            for (sources, conditions) in grants.groups {
                let matches = conditions.map { LinkerdMatches.match($0, anchoring: options.pathAnchoring) }
                let name = "\(server)-http-\(routes)"
                guard route(name, parent: server, matches: matches, namespace, grants.sources, into: &rendering) else {
                    continue
                }
                routes += 1
                authorize(
                    name, Set(sources).union(grants.allHTTP),
                    target: .init(kind: "HTTPRoute", name: RenderedMetadata.name(name, options: options)), namespace,
                    grants.sources, into: &rendering)
            }
            let groups = grants.groups
            let overlapping = groups.indices.contains { i in
                groups.indices.contains { j in
                    j > i
                        && groups[i].conditions.contains { a in
                            groups[j].conditions.contains { a.mayOverlap($0, anchoring: options.pathAnchoring) }
                        }
                }
            }
            // Every target with grants on the port may lose requests to another's route: each is told.
            for item in items
            where routes > 1 && overlapping && (item.origin.object.map(grants.sources.contains) ?? false) {
                report(
                    .warning, .linkerdRouteOverlap,
                    "\(namespace)/\(destination.serviceAccount) port \(port): \(routes) HTTPRoutes carry grants of different sources; a request matching several lands on one, and only that route's sources are allowed (stricter than SMI where they overlap)",
                    item, into: &rendering)
            }
            // Routed: it has routes of its grants, or the catch-all below for sources allowed
            // every request; a probe route makes the catch-all for TCP grants needed too.
            let probes = LinkerdProbes(
                inventory: inventory, namespace: namespace, serviceAccount: destination.serviceAccount,
                selector: selector, port: port)
            let routed = routes > 0 || !grants.allHTTP.isEmpty
            let probeRoute = self.probeRoute(
                probes, server: server, routed: routed, protocol: proxyProtocol, namespace, grants.sources,
                into: &rendering)
            if probeRoute != nil { routes += 1 }
            for warning in probes.diagnostics(routed: routed, probeRoute: probeRoute, item: items[0]) {
                rendering.report(warning)
            }
            if !grants.allHTTP.isEmpty || (!grants.tcp.isEmpty && routes > 0) {
                let name = "\(server)-http-all"
                _ = route(
                    name, parent: server,
                    matches: [Route.Match(path: .init(type: "PathPrefix", value: "/"))],
                    namespace, grants.sources, into: &rendering)
                if !grants.allHTTP.isEmpty {
                    authorize(
                        name, grants.allHTTP,
                        target: .init(kind: "HTTPRoute", name: RenderedMetadata.name(name, options: options)),
                        namespace, grants.sources, into: &rendering)
                }
            }
        }
    }

    /// With `--allow-probes`, adds the route that lets the kubelet's `probes` through on
    /// `server` (which has `routed` routes of its own), authorized for every network, as
    /// Linkerd's own probe exemption is; its name, or nil when none is needed or possible (an
    /// opaque Server reads no HTTP).
    private func probeRoute(
        _ probes: LinkerdProbes, server: String, routed: Bool, protocol: String?, _ namespace: String,
        _ sources: [Diagnostic.Object], into rendering: inout Rendering
    ) -> String? {
        guard configuration.allowsProbes, `protocol` != LinkerdPortProtocol.opaque,
            let matches = probes.routeMatches(routed: routed)
        else { return nil }
        let name = "\(server)-probes"
        guard route(name, parent: server, matches: matches, namespace, sources, into: &rendering) else { return nil }
        let metadata = meta(name, namespace, sources)
        let rendered = metadata.name ?? name
        rendering.add(
            Linkerd.PolicyV1Alpha1.NetworkAuthentication(
                metadata: metadata, networks: Linkerd.PolicyV1Alpha1.NetworkAuthentication.everyNetwork))
        rendering.add(
            Authorization(
                metadata: metadata, target: .init(kind: "HTTPRoute", name: rendered), authentication: rendered,
                authenticationKind: "NetworkAuthentication"))
        return rendered
    }

    /// Adds an HTTPRoute on a Server; false when it would have no match (it would match
    /// everything) or exceed Linkerd's limits (then a stricter result is reported).
    private func route(
        _ name: String, parent server: String, matches: [Route.Match], _ namespace: String,
        _ sources: [Diagnostic.Object], into rendering: inout Rendering
    ) -> Bool {
        guard !matches.isEmpty else { return false }
        let perRule = LinkerdMatches.matchesPerRule
        guard (matches.count + perRule - 1) / perRule <= LinkerdMatches.rulesPerRoute else {
            rendering.report(
                Diagnostic(
                    .warning, .linkerdMatchDropped,
                    "\(namespace)/\(name): more than \(perRule * LinkerdMatches.rulesPerRoute) matches; the route is not rendered (stricter than SMI)",
                    object: sources.first, file: nil, location: nil))
            return false
        }
        let rules = LinkerdMatches.rules(matches)
        let serverName = RenderedMetadata.name(server, options: options)
        var route = Route(
            metadata: meta(name, namespace, sources),
            spec: .init(parentRefs: [.init(group: "policy.linkerd.io", kind: "Server", name: serverName)], rules: rules)
        )
        route.apiVersion = LinkerdTargetVersion(options).httpRouteAPIVersion
        rendering.add(route)
        if matches.contains(where: { $0.path?.type == "RegularExpression" }) {
            // Said once: a render's repeats of one diagnostic are merged. Not a stricter
            // rendering (SMI matches the path as sent too), so --strict leaves it a warning.
            rendering.advise(
                Diagnostic(
                    .warning, .linkerdRawPaths,
                    "Linkerd matches HTTPRoute paths as requests send them, without normalizing dot segments or escapes: a path grant such as /public admits /public/../admin, which an application may serve as /admin; normalize paths in front of the application where that matters"
                ))
        }
        return true
    }

    private func authorize(
        _ name: String, _ identities: Set<Identity>,
        target: Authorization.Reference, _ namespace: String,
        _ sources: [Diagnostic.Object],
        into rendering: inout Rendering
    ) {
        let metadata = meta(name, namespace, sources)
        let sorted = identities.sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        rendering.add(Linkerd.PolicyV1Alpha1.MeshTLSAuthentication(metadata: metadata, identities: sorted))
        rendering.add(
            Authorization(
                metadata: metadata, target: target, authentication: metadata.name ?? name))
    }

    /// What the targets grant on `port`, by kind of grant (notes 4.3 step 1).
    private func grants(
        on port: Int, _ items: [SMIBundle.Item<Access.V1Alpha3.TrafficTarget>],
        expansions: inout MatchExpansions<String?>,
        into rendering: inout Rendering
    ) -> PortGrants {
        var grants = PortGrants()
        for item in items {
            let target = item.object
            // An object outside the CRD's rule-kind enum would not exist on a cluster (D25).
            guard target.spec.rules.allSatisfy({ ["HTTPRouteGroup", "TCPRoute", "UDPRoute"].contains($0.kind) }) else {
                continue
            }
            let sources = Set(
                target.sourceAccounts(defaultNamespace: item.key.namespace).map {
                    Identity(
                        namespace: $0.namespace, name: $0.name)
                })
            guard !sources.isEmpty else { continue }
            let ports = TargetPorts.of(item, in: bundle)
            let http = target.spec.rules.filter { $0.kind == "HTTPRouteGroup" }
            if http.isEmpty {
                guard ports?.covers(port) ?? false else { continue }
                grants.tcp.formUnion(sources)
            } else {
                guard ports?.covers(port) ?? true else { continue }
                var conditions: [SplitPlan.Condition] = []
                for rule in http {
                    for match in bundle.grantedMatches(rule, namespace: item.key.namespace) {
                        let expansion = expansions.expansion(of: match)
                        if expansion.admitsEveryRequest {
                            grants.allHTTP.formUnion(sources)
                            continue
                        }
                        for (condition, problem) in zip(expansion.conditions, expansion.translations) {
                            if let problem {
                                report(
                                    .warning, .linkerdMatchDropped,
                                    "match '\(match.name)' is not rendered (stricter than SMI): \(problem)", item,
                                    into: &rendering)
                            } else {
                                conditions.append(condition)
                            }
                        }
                    }
                }
                for condition in conditions {
                    if let index = grants.restricted.firstIndex(where: { $0.condition == condition }) {
                        grants.restricted[index].sources.formUnion(sources)
                    } else {
                        grants.restricted.append((condition, sources))
                    }
                }
            }
            if let object = item.origin.object { grants.sources.append(object) }
        }
        return grants
    }
}
