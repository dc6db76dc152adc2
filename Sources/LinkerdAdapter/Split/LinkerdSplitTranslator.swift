import SMICore

/// TrafficSplits as Linkerd HTTPRoutes with a Service parent (Linkerd notes 4.2): one route per
/// root port, listing the backends that expose that port with gcd-reduced weights (scaled to
/// 1,000,000 only when larger); a split with `matches` gets rules with the route groups'
/// conditions and a last catch-all rule to the root Service itself.
///
/// A port Linkerd's clients treat as opaque (`LinkerdServiceProtocol`) takes a TCPRoute instead
/// from 2.18.
struct LinkerdSplitTranslator {
    /// The route this translator writes for a split.
    typealias Route = Linkerd.PolicyV1Beta3.HTTPRoute
    /// The profile this translator writes for a split with `--compat linkerd-smi`.
    typealias Profile = Linkerd.V1Alpha2.ServiceProfile

    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    let splitForm: LinkerdConfiguration.SplitForm

    /// Linkerd's largest backend weight.
    static let maximumWeight = 1_000_000
    /// The most backends a rule of Linkerd's HTTPRoute (`v1beta2`+) or of a TCPRoute takes.
    static let maximumBackends = 16

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
        for diagnostic in diagnostics { rendering.advise(diagnostic) }
    }

    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ plan: SplitPlan,
        into rendering: inout Rendering
    ) {
        rendering.report(severity, code, message, about: plan.document)
    }

    /// The proxy multiplies ServiceProfile weights by 10,000 into a uint32 (notes 1.4).
    static let maximumProfileWeight = 429_496

    /// A split as linkerd-smi writes it: a ServiceProfile with `dstOverrides` (notes 1.3), or
    /// nil with an error when that cannot route as SMI does.
    private func profile(_ plan: SplitPlan, into rendering: inout Rendering) -> Profile? {
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
            Profile.WeightedDestination(
                authority: options.serviceHost($0.service, namespace: plan.key.namespace), weight: $1)
        }
        var meta = RenderedMetadata.make(
            name: plan.root, namespace: plan.key.namespace, sources: plan.document.object.map { [$0] } ?? [],
            options: options)
        meta.name = fqdn
        return Profile(metadata: meta, overrides: overrides)
    }

    /// The routes of one split (an HTTPRoute per port a client's proxy reads HTTP on, a
    /// TCPRoute per opaque port from 2.18), or none (with an error) when Linkerd cannot route
    /// it as SMI does.
    private func routes(_ plan: SplitPlan, into rendering: inout Rendering) -> [any KubernetesResource] {
        guard LinkerdTargetVersion(options).hasWeightedRoutes else {
            report(
                .error, .linkerdNotRendered,
                "Linkerd \(options.releaseName) has no weighted HTTPRoute backends (2.13+); the split is not rendered (with --compat linkerd-smi it is written as the linkerd-smi extension's ServiceProfile)",
                plan, into: &rendering)
            return []
        }
        let ports = plan.ports.compactMap(\.port)
        guard ports.count == plan.ports.count,
            let rootService = inventory.service(namespace: plan.key.namespace, name: plan.root)
        else {
            report(
                .error, .linkerdNotRendered,
                "Linkerd routes need the root Service's ports (every backend reference names one): add Service \(plan.key.namespace)/\(plan.root) to the input; the split is not rendered",
                plan, into: &rendering)
            return []
        }
        var conditionMatches: [Route.Match]?
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
        }
        let protocols = LinkerdServiceProtocol(inventory: inventory, options: options)
        var routes: [any KubernetesResource] = []
        var splitsHTTP = false
        for portPlan in plan.ports {
            guard let port = portPlan.port, let servicePort = rootService.ports.first(where: { $0.port == port })
            else { continue }
            let opaque = protocols.opaqueBecause(servicePort, of: rootService)
            if let opaque {
                let subject =
                    "port \(port) of Service \(plan.key.namespace)/\(plan.root) is opaque to Linkerd's clients (\(opaque))"
                guard protocols.routesOpaquePorts else {
                    report(
                        .warning, .linkerdSplitScope,
                        "\(subject): Linkerd \(options.releaseName) routes no opaque port (TCPRoutes do from 2.18), so its traffic stays on the root Service",
                        plan, into: &rendering)
                    continue
                }
                guard conditionMatches == nil else {
                    report(
                        .warning, .linkerdSplitScope,
                        "\(subject): Linkerd reads no HTTP there, so the split's matches never apply and its traffic stays on the root Service",
                        plan, into: &rendering)
                    continue
                }
            }
            guard portPlan.backends.count <= Self.maximumBackends else {
                report(
                    .error, .linkerdNotRendered,
                    "port \(port) has \(portPlan.backends.count) backends; a Linkerd route rule takes \(Self.maximumBackends); the split is not rendered",
                    plan, into: &rendering)
                return []
            }
            let (weights, messages) = SplitPlan.weights(
                portPlan.backends, scale: Self.maximumWeight, reason: "Linkerd weights go up to \(Self.maximumWeight)",
                fits: { ($0.max() ?? 0) <= Self.maximumWeight })
            for message in messages {
                report(weights == nil ? .error : .warning, .linkerdSplitWeights, message, plan, into: &rendering)
            }
            guard let weights else { return [] }
            let backends = zip(portPlan.backends, weights).map { backend, weight in
                Route.BackendReference(
                    group: "core", kind: "Service", name: backend.service, port: port,
                    weight: portPlan.backends.count == 1 ? nil : weight)
            }
            let meta = RenderedMetadata.make(
                name: "\(plan.key.name)-\(port)", namespace: plan.key.namespace,
                sources: plan.document.object.map { [$0] } ?? [], options: options)
            let parent = Route.ParentReference(
                group: "core", kind: "Service", name: plan.root, port: port)
            if opaque != nil {
                routes.append(Linkerd.GatewayV1Alpha2.TCPRoute(metadata: meta, parent: parent, backends: backends))
                continue
            }
            splitsHTTP = true
            let everything = [Route.Match(path: .init(type: "PathPrefix", value: "/"))]
            var rules: [Route.Rule]
            if let conditionMatches {
                rules = LinkerdMatches.rules(conditionMatches, backends: backends)
                // Last, and outranked by every condition: the rest goes to the root itself.
                rules.append(
                    Route.Rule(
                        matches: everything,
                        backendRefs: [.init(group: "core", kind: "Service", name: plan.root, port: port, weight: nil)]))
            } else {
                rules = [Route.Rule(matches: everything, backendRefs: backends)]
            }
            var route = Route(metadata: meta, spec: .init(parentRefs: [parent], rules: rules))
            route.apiVersion = LinkerdTargetVersion(options).httpRouteAPIVersion
            routes.append(route)
        }
        if splitsHTTP, conditionMatches == nil {
            report(
                .warning, .linkerdSplitScope,
                "Linkerd HTTPRoutes split HTTP requests only: other TCP connections to the root Service are not split",
                plan, into: &rendering)
        }
        return routes
    }
}
