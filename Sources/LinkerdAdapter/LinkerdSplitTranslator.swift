import SMICore

/// TrafficSplits as Linkerd HTTPRoutes with a Service parent (Linkerd notes 4.2): one route
/// per root port, listing the backends that expose that port with gcd-reduced weights
/// (scaled to 1,000,000 only when larger); a split with `matches` gets rules with the route
/// groups' conditions and a last catch-all rule to the root Service itself.
struct LinkerdSplitTranslator {
    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    let splitForm: LinkerdConfiguration.SplitForm
    /// The Services and ports of the inventory's pods.
    let facts: ClusterFacts

    /// The Service `appProtocol` that makes Linkerd treat a port as opaque TCP.
    static let opaqueProtocol = "linkerd.io/opaque"

    /// Linkerd's largest backend weight.
    static let maximumWeight = 1_000_000

    func render(into rendering: inout Rendering) {
        let diagnostics = SplitPlan.forEach(in: bundle, inventory: inventory) { plan in
            let fqdn = options.serviceHost(plan.root, namespace: plan.key.namespace)
            if splitForm == .httpRoute,
                inventory.meshObject(kind: "ServiceProfile", namespace: plan.key.namespace, name: fqdn) != nil
            {
                report(
                    .warning, .linkerdSplitScope,
                    "the input's ServiceProfile \(plan.key.namespace)/\(fqdn) takes precedence over the HTTPRoutes of its Service in Linkerd: remove it for the split to apply",
                    plan, into: &rendering)
            }
            if splitForm == .linkerdSMI {
                if let profile = profile(plan, into: &rendering) { rendering.add(profile) }
                return
            }
            for route in routes(plan, into: &rendering) {
                rendering.add(route)
            }
        }
        for diagnostic in diagnostics { rendering.report(diagnostic) }
    }

    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ plan: SplitPlan,
        into rendering: inout Rendering
    ) {
        rendering.report(severity, code, message, about: plan.document, strict: options.strict)
    }

    /// The proxy multiplies ServiceProfile weights by 10,000 into a uint32 (notes 1.4).
    static let maximumProfileWeight = 429_496

    /// A split as linkerd-smi writes it: a ServiceProfile with `dstOverrides` (notes 1.3), or
    /// nil with an error when that cannot route as SMI does.
    private func profile(_ plan: SplitPlan, into rendering: inout Rendering) -> ServiceProfile? {
        // A ServiceProfile is applied whole: the rendered one would replace the user's routes,
        // retries and timeouts.
        let fqdn = options.serviceHost(plan.root, namespace: plan.key.namespace)
        guard inventory.meshObject(kind: "ServiceProfile", namespace: plan.key.namespace, name: fqdn) == nil else {
            report(
                .error, .linkerdNotRendered,
                "the input holds ServiceProfile \(plan.key.namespace)/\(fqdn), which the rendered one would replace whole (its routes, retries and timeouts): the split is not rendered in linkerd-smi mode; add the dstOverrides to that profile by hand",
                plan, into: &rendering)
            return nil
        }
        guard plan.conditions == nil else {
            report(
                .error, .linkerdNotRendered,
                "a ServiceProfile cannot split only the requests of the split's matches; the split is not rendered in linkerd-smi mode",
                plan, into: &rendering)
            return nil
        }
        // One list of overrides serves every port: the backends must be the same on each.
        guard let backends = plan.ports.first?.backends, plan.ports.allSatisfy({ $0.backends == backends }),
            plan.ports.count
                == Set(inventory.service(namespace: plan.key.namespace, name: plan.root)?.ports.map(\.port) ?? [0])
                .count
        else {
            report(
                .error, .linkerdNotRendered,
                "the backends differ between the root's ports (SMI's port rule), which one ServiceProfile cannot say; the split is not rendered in linkerd-smi mode",
                plan, into: &rendering)
            return nil
        }
        let (weights, messages) = SplitPlan.weights(
            backends, scale: 100_000,
            reason: "ServiceProfile weights above \(Self.maximumProfileWeight) overflow in the proxy",
            fits: { ($0.max() ?? 0) <= Self.maximumProfileWeight })
        for message in messages {
            report(weights == nil ? .error : .warning, .linkerdSplitWeights, message, plan, into: &rendering)
        }
        guard let weights else { return nil }
        report(
            .warning, .linkerdSplitScope,
            "a ServiceProfile splits HTTP requests only: other TCP connections to the root Service are not split", plan,
            into: &rendering)
        let overrides = zip(backends, weights).map {
            ServiceProfile.WeightedDestination(
                authority: options.serviceHost($0.service, namespace: plan.key.namespace), weight: $1)
        }
        var meta = RenderedMetadata.make(
            name: plan.root, namespace: plan.key.namespace, sources: plan.document.object.map { [$0] } ?? [],
            options: options)
        meta.name = fqdn
        return ServiceProfile(metadata: meta, overrides: overrides)
    }

    /// The routes of one split, or none (with an error) when Linkerd cannot route it as SMI does.
    private func routes(_ plan: SplitPlan, into rendering: inout Rendering) -> [HTTPRoute] {
        guard LinkerdTargetVersion(options).hasWeightedRoutes else {
            report(
                .error, .linkerdNotRendered,
                "Linkerd \(options.releaseName) has no weighted HTTPRoute backends (2.13+); the split is not rendered (with --compat linkerd-smi it is written as the linkerd-smi extension's ServiceProfile)",
                plan, into: &rendering)
            return []
        }
        let ports = plan.ports.compactMap(\.port)
        guard ports.count == plan.ports.count else {
            report(
                .error, .linkerdNotRendered,
                "Linkerd routes need the root Service's ports (every backend reference names one): add Service \(plan.key.namespace)/\(plan.root) to the input; the split is not rendered",
                plan, into: &rendering)
            return []
        }
        var conditionMatches: [HTTPRoute.Match]?
        if let conditions = plan.conditions {
            if let problem = conditions.lazy.compactMap({
                LinkerdMatches.problem($0, anchoring: self.options.pathAnchoring)
            }).first {
                report(.error, .linkerdNotRendered, "\(problem); the split is not rendered", plan, into: &rendering)
                return []
            }
            let matches = conditions.map { LinkerdMatches.match($0, anchoring: options.pathAnchoring) }
            guard
                (matches.count + LinkerdMatches.matchesPerRule - 1) / LinkerdMatches.matchesPerRule
                    < LinkerdMatches.rulesPerRoute
            else {
                report(
                    .error, .linkerdNotRendered,
                    "the split's route groups need more than \(LinkerdMatches.rulesPerRoute - 1) rules of \(LinkerdMatches.matchesPerRule) matches; the split is not rendered",
                    plan, into: &rendering)
                return []
            }
            conditionMatches = matches
        } else {
            report(
                .warning, .linkerdSplitScope,
                "Linkerd HTTPRoutes split HTTP requests only: other TCP connections to the root Service are not split",
                plan, into: &rendering)
        }
        var routes: [HTTPRoute] = []
        let rootPorts = inventory.service(namespace: plan.key.namespace, name: plan.root)?.ports ?? []
        for portPlan in plan.ports {
            guard let port = portPlan.port else { continue }
            // An opaque port carries no HTTP Linkerd could route; an HTTPRoute there does nothing.
            if let reason = opaqueReason(port, root: plan.root, namespace: plan.key.namespace, rootPorts: rootPorts) {
                report(
                    .warning, .linkerdSplitScope,
                    "port \(port) of Service \(plan.key.namespace)/\(plan.root) is opaque (\(reason)): Linkerd HTTPRoutes cannot split it, so its traffic stays on the root Service",
                    plan, into: &rendering)
                continue
            }
            let (weights, messages) = SplitPlan.weights(
                portPlan.backends, scale: Self.maximumWeight, reason: "Linkerd weights go up to \(Self.maximumWeight)",
                fits: { ($0.max() ?? 0) <= Self.maximumWeight })
            for message in messages {
                report(weights == nil ? .error : .warning, .linkerdSplitWeights, message, plan, into: &rendering)
            }
            guard let weights else { return [] }
            let backends = zip(portPlan.backends, weights).map { backend, weight in
                HTTPRoute.BackendReference(
                    group: "core", kind: "Service", name: backend.service, port: port,
                    weight: portPlan.backends.count == 1 ? nil : weight)
            }
            let everything = [HTTPRoute.Match(path: .init(type: "PathPrefix", value: "/"))]
            var rules: [HTTPRoute.Rule]
            if let conditionMatches {
                rules = LinkerdMatches.rules(conditionMatches, backends: backends)
                // Last, and outranked by every condition: the rest goes to the root itself.
                rules.append(
                    HTTPRoute.Rule(
                        matches: everything,
                        backendRefs: [.init(group: "core", kind: "Service", name: plan.root, port: port, weight: nil)]))
            } else {
                rules = [HTTPRoute.Rule(matches: everything, backendRefs: backends)]
            }
            let meta = RenderedMetadata.make(
                name: "\(plan.key.name)-\(port)", namespace: plan.key.namespace,
                sources: plan.document.object.map { [$0] } ?? [], options: options)
            var route = HTTPRoute(
                metadata: meta,
                spec: .init(
                    parentRefs: [.init(group: "core", kind: "Service", name: plan.root, port: port)], rules: rules))
            route.apiVersion = LinkerdTargetVersion(options).httpRouteAPIVersion
            routes.append(route)
        }
        return routes
    }

    /// Why Linkerd treats port `port` of the root Service as opaque (its `appProtocol`, or the
    /// opaque ports of the pods it reaches: their annotation, their namespace's, or Linkerd's
    /// defaults, as `LinkerdPortProtocol` reads them), or nil when it reads HTTP there.
    private func opaqueReason(
        _ port: Int, root: String, namespace: String, rootPorts: [Inventory.ServicePort]
    ) -> String? {
        if rootPorts.contains(where: { $0.port == port && $0.appProtocol == Self.opaqueProtocol }) {
            return "appProtocol \(Self.opaqueProtocol)"
        }
        guard let service = inventory.service(namespace: namespace, name: root) else { return nil }
        let accounts = Set(inventory.workloads(selectedBy: service).map(\.serviceAccount)).sorted()
        for account in accounts {
            let targets = facts.servicePorts(of: SMIBundle.Key(namespace: namespace, name: account)).filter {
                $0.service.name == root && $0.port.port == port
            }
            for containerPort in Set(targets.compactMap(\.containerPort)).sorted() {
                let reason = LinkerdPortProtocol(
                    inventory: inventory, namespace: namespace, serviceAccount: account, port: containerPort,
                    servicePorts: targets
                ).opaqueBecause
                if let reason { return reason }
            }
        }
        return nil
    }
}
