import SMICore

/// TrafficSplits as Gateway API routes attached to the root Service (GAMMA): per root port an
/// HTTPRoute, GRPCRoute or TCPRoute by the port's protocol, with gcd-reduced weights; a split
/// with `matches` gets rules with the route groups' conditions and a last catch-all rule to the
/// root itself, because a Service with routes rejects requests no rule matches.
struct GatewayAPISplitTranslator {
    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    let release: GatewayAPIRelease
    let implementation: GatewayAPIImplementation

    /// The catch-all regex for Istio: a RegularExpression outranked by every condition
    /// (Istio ranks by match type, then value length; every condition regex is longer).
    static let regexCatchAll = "/.*"

    func render(into rendering: inout Rendering) {
        let diagnostics = SplitPlan.forEach(in: bundle, inventory: inventory) { plan in
            var routes: [any KubernetesResource] = []
            var context = Context(plan: plan, translator: self)
            if context.route(into: &routes) {
                for route in routes { rendering.add(route) }
            }
            for (severity, code, message) in context.reports {
                rendering.report(severity, code, message, about: plan.document)
            }
        }
        for diagnostic in diagnostics { rendering.advise(diagnostic) }
    }

    /// One split's rendering, with what it reports.
    struct Context {
        let plan: SplitPlan
        let translator: GatewayAPISplitTranslator
        var reports: [(Diagnostic.Severity, DiagnosticCode, String)] = []

        var release: GatewayAPIRelease { translator.release }
        var implementation: GatewayAPIImplementation { translator.implementation }
        var options: RenderOptions { translator.options }
        var matches: GatewayAPIMatches {
            GatewayAPIMatches(anchoring: options.pathAnchoring, implementation: implementation)
        }

        mutating func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String) {
            reports.append((severity, code, message))
        }

        /// Refuses the whole split with an error.
        mutating func refuse(_ why: String) -> Bool {
            report(.error, .gatewayNotRendered, "\(why); the split is not rendered")
            return false
        }

        /// Appends the split's routes; false (with an error) when none can be written.
        mutating func route(into routes: inout [any KubernetesResource]) -> Bool {
            let namespace = plan.key.namespace
            let rootPorts = translator.inventory.service(namespace: namespace, name: plan.root)?.ports ?? []
            let ports = plan.ports.compactMap(\.port)
            guard ports.count == plan.ports.count else {
                return refuse(
                    "Gateway API routes attach to a Service port and name the backends' ports: add Service \(namespace)/\(plan.root) to the input"
                )
            }
            if !release.hasParentPort, Set(rootPorts.filter { $0.protocol == "TCP" }.map(\.port)).count > 1 {
                return refuse(
                    "Gateway API \(release) cannot name the root's port in parentRefs (standard from v1.1), and Service \(namespace)/\(plan.root) has several"
                )
            }
            var conditions = plan.conditions
            if conditions?.contains(where: { $0.admitsEveryRequest(anchoring: options.pathAnchoring) }) ?? false {
                conditions = []
            }
            var httpMatches: [GatewayAPI.HTTPRouteRule.Match]?
            if let conditions, !conditions.isEmpty {
                var written: [GatewayAPI.HTTPRouteRule.Match] = []
                for condition in conditions {
                    switch matches.http(condition) {
                    case let .success(matches): written += matches
                    case let .failure(refusal): return refuse(refusal.message)
                    }
                }
                httpMatches = written
                reportCaveats(conditions, written)
            }
            for portPlan in plan.ports {
                guard let port = portPlan.port else { continue }
                let kind = rootPorts.first { $0.port == port }.map(GatewayAPIPortProtocol.init) ?? .detected
                guard let backends = backends(portPlan, port: port) else { return false }
                let parent = GatewayAPI.ParentReference(name: plan.root, port: release.hasParentPort ? port : nil)
                let meta = RenderedMetadata.make(
                    name: "\(plan.key.name)-\(port)", namespace: namespace,
                    sources: plan.document.object.map { [$0] } ?? [], options: options)
                let root = GatewayAPI.BackendReference(name: plan.root, port: port, weight: nil)
                switch kind {
                case .tcp where conditions != nil:
                    // SMI splits only the HTTP requests that match: other connections stay on the root.
                    report(
                        .info, .gatewaySplitScope,
                        "port \(port) of Service \(namespace)/\(plan.root) is not HTTP: the split's matches select HTTP requests only, so its connections go to the root Service"
                    )
                case .tcp:
                    switch implementation.tcpRouteVersion(release, options) {
                    case let .failure(refusal): return refuse("port \(port) needs a TCPRoute: \(refusal.message)")
                    case let .success(version):
                        if implementation == .istio {
                            report(
                                .warning, .gatewayImplementation,
                                "port \(port): Istio has been reported not to apply TCPRoutes to east-west traffic (istio/istio#51903); check the split with istioctl before relying on it"
                            )
                        }
                        routes.append(
                            GatewayAPI.TCPRoute(
                                apiVersion: "\(GatewayAPI.group)/\(version)", metadata: meta,
                                spec: .init(parentRefs: [parent], rules: [.init(backendRefs: backends)])))
                    }
                case .grpc:
                    switch grpcRules(conditions, backends: backends, root: root) {
                    case let .some(.some(rules)):
                        switch implementation.grpcRouteVersion(release, options) {
                        case let .failure(refusal): return refuse("port \(port) needs a GRPCRoute: \(refusal.message)")
                        case let .success(version):
                            routes.append(
                                GatewayAPI.GRPCRoute(
                                    apiVersion: "\(GatewayAPI.group)/\(version)", metadata: meta,
                                    spec: .init(parentRefs: [parent], rules: rules)))
                        }
                    case .some(.none):
                        report(
                            .info, .gatewaySplitScope,
                            "port \(port) of Service \(namespace)/\(plan.root) carries gRPC, whose calls are POST requests: none meets the split's matches, so its calls go to the root Service"
                        )
                    case .none:
                        report(
                            .info, .gatewayImplementation,
                            "port \(port) carries gRPC, but GRPCRoute matches only exact services and methods: the split's matches are written as an HTTPRoute, which routes gRPC calls by their paths"
                        )
                        guard let rules = httpRules(httpMatches, backends: backends, root: root) else { return false }
                        routes += httpRoutes(rules, parent: parent, port: port)
                    }
                case .http, .detected:
                    if kind == .detected, conditions == nil {
                        report(
                            .warning, .gatewaySplitScope,
                            "port \(port) declares no protocol (appProtocol or a name like http-...): an HTTPRoute splits the HTTP requests the mesh detects, and other connections go to the root Service"
                        )
                    }
                    guard let rules = httpRules(httpMatches, backends: backends, root: root) else { return false }
                    routes += httpRoutes(rules, parent: parent, port: port)
                }
            }
            if !routes.isEmpty { reportServiceProfile() }
            return true
        }

        /// The weighted backends of one port, or nil after an error.
        mutating func backends(_ portPlan: SplitPlan.PortPlan, port: Int) -> [GatewayAPI.BackendReference]? {
            guard portPlan.backends.count <= GatewayAPIRelease.backendsPerRule else {
                _ = refuse(
                    "port \(port) has \(portPlan.backends.count) backends; a Gateway API rule takes \(GatewayAPIRelease.backendsPerRule)"
                )
                return nil
            }
            let maximum = GatewayAPIRelease.maximumWeight
            let (weights, messages) = SplitPlan.weights(
                portPlan.backends, scale: maximum, reason: "Gateway API weights go up to \(maximum)",
                fits: { ($0.max() ?? 0) <= maximum })
            for message in messages { report(weights == nil ? .error : .warning, .gatewaySplitWeights, message) }
            guard let weights else { return nil }
            return zip(portPlan.backends, weights).map { backend, weight in
                GatewayAPI.BackendReference(
                    name: backend.service, port: port, weight: portPlan.backends.count == 1 ? nil : weight)
            }
        }

        /// The HTTPRoutes of one port: the first named `<split>-<port>`, the others `-2`, `-3` ...
        func httpRoutes(_ rules: [[GatewayAPI.HTTPRouteRule]], parent: GatewayAPI.ParentReference, port: Int)
            -> [GatewayAPI.HTTPRoute]
        {
            rules.enumerated().map { index, rules in
                let name = "\(plan.key.name)-\(port)" + (index == 0 ? "" : "-\(index + 1)")
                let meta = RenderedMetadata.make(
                    name: name, namespace: plan.key.namespace, sources: plan.document.object.map { [$0] } ?? [],
                    options: options)
                return GatewayAPI.HTTPRoute(
                    apiVersion: "\(GatewayAPI.group)/\(implementation.httpRouteVersion(options))", metadata: meta,
                    spec: .init(parentRefs: [parent], rules: rules))
            }
        }

        /// The rules of the HTTPRoutes of one port, one list per route: the conditions packed
        /// into rules within the release's limits, over as many routes as they need, and in
        /// the first route a last catch-all rule to the root; one rule without conditions.
        mutating func httpRules(
            _ conditions: [GatewayAPI.HTTPRouteRule.Match]?, backends: [GatewayAPI.BackendReference],
            root: GatewayAPI.BackendReference
        ) -> [[GatewayAPI.HTTPRouteRule]]? {
            let everything = GatewayAPI.HTTPRouteRule.Match(path: .init(type: "PathPrefix", value: "/"))
            guard let conditions else { return [[.init(matches: [everything], backendRefs: backends)]] }
            let perRule = release.httpMatchesPerRule
            func capacity(first: Bool) -> Int {
                let reserved = first ? 1 : 0
                return min(
                    (GatewayAPIRelease.rulesPerRoute - reserved) * perRule, (release.matchesPerRoute ?? .max) - reserved
                )
            }
            // Linkerd ranks a match that could score as low as the catch-all (a path of one
            // character, no header, no method) equal to it, and then takes the earlier route by
            // creation time: such matches go first, in the catch-all's own route.
            let tied = conditions.filter(tiesWithCatchAll)
            let ordered = implementation == .linkerd ? tied + conditions.filter { !tiesWithCatchAll($0) } : conditions
            if implementation == .linkerd, tied.count > capacity(first: true) {
                _ = refuse(
                    "\(tied.count) of the split's matches rank as low as the catch-all rule in Linkerd and must share its route, which holds \(capacity(first: true))"
                )
                return nil
            }
            var chunks: [[GatewayAPI.HTTPRouteRule.Match]] = []
            var rest = ordered[...]
            while !rest.isEmpty || chunks.isEmpty {
                let size = capacity(first: chunks.isEmpty)
                chunks.append(Array(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            var routes = chunks.map { chunk in
                stride(from: 0, to: chunk.count, by: perRule).map {
                    GatewayAPI.HTTPRouteRule(
                        matches: Array(chunk[$0..<min($0 + perRule, chunk.count)]), backendRefs: backends)
                }
            }
            let regexes = conditions.contains { $0.path.type == "RegularExpression" }
            let catchAll =
                implementation == .istio && regexes
                ? GatewayAPI.HTTPRouteRule.Match(
                    path: .init(type: "RegularExpression", value: GatewayAPISplitTranslator.regexCatchAll)) : everything
            routes[0].append(.init(matches: [catchAll], backendRefs: [root]))
            return routes
        }

        /// Whether Linkerd could score `match` as low as the catch-all `PathPrefix /`: no header,
        /// no method, and a path condition that `/` itself meets.
        func tiesWithCatchAll(_ match: GatewayAPI.HTTPRouteRule.Match) -> Bool {
            guard match.method == nil, match.headers?.isEmpty ?? true else { return false }
            switch match.path.type {
            case "Exact": return match.path.value == "/"
            case "PathPrefix": return match.path.value == "/"
            default: return (try? RE2Regex(match.path.value))?.matches("/", anchoring: .full) ?? true
            }
        }

        /// The rules of a GRPCRoute: `.some(nil)` when no gRPC call meets the conditions, nil
        /// when GRPCRoute cannot say them.
        func grpcRules(
            _ conditions: [SplitPlan.Condition]?, backends: [GatewayAPI.BackendReference],
            root: GatewayAPI.BackendReference
        ) -> [GatewayAPI.GRPCRouteRule]?? {
            guard let conditions, !conditions.isEmpty else {
                return .some([.init(matches: nil, backendRefs: backends)])
            }
            var written: [GatewayAPI.GRPCRouteRule.Match] = []
            for condition in conditions {
                guard let match = matches.grpc(condition) else { return nil }
                if let match { written.append(match) }
            }
            guard !written.isEmpty else { return .some(nil) }
            if written.contains(where: { $0.method == nil && $0.headers == nil }) {
                return .some([.init(matches: nil, backendRefs: backends)])
            }
            let perRule = release.grpcMatchesPerRule
            let capacity = min((GatewayAPIRelease.rulesPerRoute - 1) * perRule, (release.matchesPerRoute ?? .max) - 1)
            guard written.count <= capacity else { return nil }
            var rules = stride(from: 0, to: written.count, by: perRule).map {
                GatewayAPI.GRPCRouteRule(
                    matches: Array(written[$0..<min($0 + perRule, written.count)]), backendRefs: backends)
            }
            rules.append(.init(matches: nil, backendRefs: [root]))
            return .some(rules)
        }

        /// Where the implementation may route the conditions otherwise than SMI.
        mutating func reportCaveats(_ conditions: [SplitPlan.Condition], _ written: [GatewayAPI.HTTPRouteRule.Match]) {
            if written.contains(where: { $0.path.type == "RegularExpression" }) {
                switch implementation {
                case .generic:
                    report(
                        .warning, .gatewayImplementation,
                        "the precedence of RegularExpression path matches is implementation-specific: Istio ranks the catch-all PathPrefix '/' above them and drops the regex rules (istio/istio#60695); render with --mesh istio --routing gateway-api for Istio"
                    )
                case .istio:
                    report(
                        .info, .gatewayImplementation,
                        "the catch-all rule matches RegularExpression '\(GatewayAPISplitTranslator.regexCatchAll)': Istio ranks PathPrefix above RegularExpression and drops regex rules after a '/' prefix (istio/istio#60695)"
                    )
                case .linkerd:
                    break
                }
            }
            guard implementation.joinsRepeatedHeaders else { return }
            let names = Set(
                conditions.flatMap(\.headers).filter { (try? RE2Regex($0.regex))?.canMatch(",") ?? false }.map(\.name))
            for name in names.sorted() {
                report(
                    .warning, .gatewayImplementation,
                    "header '\(name)': Envoy-based meshes match the values of repeated '\(name)' headers joined by ',', which this regex can match: such a request may be routed otherwise than SMI routes it"
                )
            }
        }

        /// Linkerd: a ServiceProfile for the root takes precedence over its HTTPRoutes.
        mutating func reportServiceProfile() {
            guard implementation == .linkerd else { return }
            let fqdn = options.serviceHost(plan.root, namespace: plan.key.namespace)
            if translator.inventory.meshObject(kind: "ServiceProfile", namespace: plan.key.namespace, name: fqdn) != nil
            {
                report(
                    .warning, .gatewayImplementation,
                    "the input's ServiceProfile \(plan.key.namespace)/\(fqdn) overrides the HTTPRoutes of its Service in Linkerd: remove it for the split to apply"
                )
            }
        }
    }
}
