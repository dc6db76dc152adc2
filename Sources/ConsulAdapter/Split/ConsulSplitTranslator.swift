import SMICore

/// TrafficSplits as Consul discovery chains (Consul notes 4.5): a ServiceSplitter on the root
/// in hundredths of a percent, backends as their own services or as ServiceResolver subsets of
/// the root (whichever the inventory shows their pods register as), and for `matches` a
/// ServiceRouter on the root sending matching requests to the backend or to a virtual service
/// that carries the split, so that other requests stay on the root as SMI wants.
///
/// Every service of the chain gets protocol `http`; the root, when virtual, an L4 allow for the
/// sources the backends allow (transparent proxies only learn routes they may use).
struct ConsulSplitTranslator {
    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    let configuration: ConsulConfiguration

    /// Where a backend's requests go in Consul.
    struct Target: Equatable {
        var service: String
        var subset: String?
        var filter: String?
    }

    /// The ServiceResolver subset that picks every instance of a service (an empty filter): a
    /// split to it goes to the service's own pods, past the service's own splitter.
    ///
    /// It starts with a digit, which Consul takes in a subset name and Kubernetes never in a
    /// Service name, so no backend's subset (named after its Service) can take it.
    static let wholeSubset = "0-every-instance"

    /// The subsets of each service's ServiceResolver, gathered over every split (a service may
    /// be one split's root and another's nested backend) and written once.
    struct Resolvers {
        var entries: [ConsulName: (namespace: String, subsets: [String: String], sources: [Diagnostic.Object])] = [:]

        /// Adds subset `name` (a filter) of `service`, for a split in Kubernetes namespace
        /// `namespace`.
        ///
        /// A name means one filter: a backend's name for its pods (one split per root is
        /// rendered), or `wholeSubset`.
        mutating func add(
            _ name: String, filter: String, of service: ConsulName, namespace: String, source: Diagnostic.Object?
        ) {
            var entry = entries[service] ?? (namespace, [:], [])
            entry.subsets[name] = filter
            if let source, !entry.sources.contains(source) { entry.sources.append(source) }
            entries[service] = entry
        }
    }

    func render(into rendering: inout Rendering, services: inout ConsulServices, access: ConsulAccessTranslator.Plan) {
        var chains = Set<ConsulName>()
        var resolvers = Resolvers()
        var roots: [ConsulName: SMIBundle.Key] = [:]
        for item in bundle.trafficSplits {
            guard
                case let .success((root, _)) = Split.rootService(
                    item.object.spec.service, namespace: item.key.namespace)
            else { continue }
            let name = ConsulName(namespace: configuration.consulNamespace(item.key.namespace), name: root)
            roots[name] = roots[name].map { min($0, item.key) } ?? item.key
        }
        let diagnostics = SplitPlan.forEach(in: bundle, inventory: inventory) { plan in
            render(
                plan, chains: &chains, roots: roots, resolvers: &resolvers, into: &rendering, services: &services,
                access: access)
        }
        for diagnostic in diagnostics { rendering.report(diagnostic) }
        for (service, entry) in resolvers.entries.sorted(by: { $0.key.description < $1.key.description }) {
            rendering.add(
                Consul.V1Alpha1.ServiceResolver(
                    metadata: ConsulEncoding.metadata(
                        service: service.name, namespace: entry.namespace, sources: entry.sources, options: options),
                    subsets: entry.subsets.map { ($0.key, Consul.V1Alpha1.ServiceResolver.Subset(filter: $0.value)) }))
        }
    }

    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ plan: SplitPlan,
        into rendering: inout Rendering
    ) {
        rendering.report(severity, code, message, about: plan.document)
    }

    private func meta(_ name: String, _ plan: SplitPlan) -> ObjectMeta {
        ConsulEncoding.metadata(
            service: name, namespace: plan.key.namespace, sources: plan.document.object.map { [$0] } ?? [],
            options: options)
    }

    private func render(
        _ plan: SplitPlan, chains: inout Set<ConsulName>, roots: [ConsulName: SMIBundle.Key],
        resolvers: inout Resolvers,
        into rendering: inout Rendering, services: inout ConsulServices, access: ConsulAccessTranslator.Plan
    ) {
        let namespace = plan.key.namespace
        let consulNamespace = configuration.consulNamespace(namespace)
        let apex = ConsulName(namespace: consulNamespace, name: plan.root)
        let rootPorts = inventory.service(namespace: namespace, name: plan.root)?.ports.count ?? 0
        guard let backends = plan.ports.first?.backends, plan.ports.allSatisfy({ $0.backends == backends }),
            plan.ports.count >= rootPorts
        else {
            report(
                .error, .consulSplit,
                "Consul splits a service, not a port, and SMI's port rule gives the root's ports different backends: the split is not rendered",
                plan, into: &rendering)
            return
        }
        let virtual = ConsulName(namespace: consulNamespace, name: "\(plan.root)-\(plan.key.name)-split")
        guard !chains.contains(apex), !chains.contains(virtual) else {
            report(
                .error, .consulSplit,
                "Consul service \(apex) already has a discovery chain from another TrafficSplit (Consul CE has one service per name across namespaces): the split is not rendered",
                plan, into: &rendering)
            return
        }
        let fits = { (weights: [Int]) in 10_000 % max(weights.reduce(0, +), 1) == 0 }
        let (values, messages) = SplitPlan.weights(
            backends, scale: 10_000, reason: "Consul takes percentages with two decimals", fits: fits)
        for message in messages {
            report(values == nil ? .error : .warning, .consulSplitWeights, message, plan, into: &rendering)
        }
        guard var weights = values, var targets = targets(backends, plan, into: &rendering) else { return }
        if fits(weights) { weights = weights.map { $0 * (10_000 / weights.reduce(0, +)) } }
        // consul-k8s refuses a splitter whose float32 sum (in list order) is not exactly 100.
        var order = Array(weights.indices)
        if !ConsulSplitWeights.sumsToHundred(weights) {
            guard let admitted = ConsulSplitWeights.hundredths(for: WeightNormalizer.reduced(backends.map(\.weight)))
            else {
                report(
                    .error, .consulSplitWeights,
                    "no hundredths within 0.01 of the exact shares add up to exactly 100 in float32, as consul-k8s requires: the split is not rendered",
                    plan, into: &rendering)
                return
            }
            let shown = admitted.order.map {
                "\(backends[$0].service) \(ConsulWeight(hundredths: admitted.values[$0]).text)"
            }.joined(separator: ", ")
            report(
                .warning, .consulSplitWeights,
                "the percentages are \(shown), in that order: consul-k8s adds them as float32 and admits only an exact 100, which the largest-remainder rounding missed",
                plan, into: &rendering)
            (weights, order) = admitted
        }
        bypassNestedSplits(&targets, roots: roots, plan, into: &rendering)
        chains.insert(apex)
        report(
            .warning, .consulSplit,
            "Consul splits HTTP only: \(apex) and its backends get protocol http (or grpc or http2, as their Service ports declare), and other TCP to them does not pass",
            plan, into: &rendering)
        let splits = order.map { (targets[$0], weights[$0]) }.filter { $0.1 > 0 }.map {
            Consul.V1Alpha1.ServiceSplitter.Split(
                weight: ConsulWeight(hundredths: $0.1), service: $0.0.service, serviceSubset: $0.0.subset)
        }
        var chain = [apex]
        for target in targets where target.service != plan.root {
            chain.append(ConsulName(namespace: consulNamespace, name: target.service))
        }
        if let conditions = plan.conditions {
            let destination: Consul.V1Alpha1.ServiceRouter.Destination
            if splits.count == 1, let only = splits.first {
                destination = .init(service: only.service ?? plan.root, serviceSubset: only.serviceSubset)
            } else {
                chains.insert(virtual)
                chain.append(virtual)
                rendering.add(Consul.V1Alpha1.ServiceSplitter(metadata: meta(virtual.name, plan), splits: splits))
                destination = .init(service: virtual.name)
            }
            var matches: [ConsulHTTPMatch] = []
            for condition in conditions {
                switch ConsulMatches.matches(condition, anchoring: options.pathAnchoring) {
                case let .success(more): matches += more
                case let .failure(problem):
                    report(
                        .warning, .consulSplit,
                        "a match is not routed (its requests stay on the root Service instead of being split): \(problem)",
                        plan, into: &rendering)
                }
            }
            let routes = ConsulMatches.merged(matches).map {
                Consul.V1Alpha1.ServiceRouter.Route(match: .init(http: $0), destination: destination)
            }
            if !routes.isEmpty {
                rendering.add(Consul.V1Alpha1.ServiceRouter(metadata: meta(plan.root, plan), routes: routes))
            }
            if access.identities[apex] == nil, targets.contains(where: { $0.service != plan.root }) {
                report(
                    .warning, .consulSplit,
                    "no pod registers as \(apex), so requests that match no route find no root instance (SMI sends them to the root Service)",
                    plan, into: &rendering)
            }
        } else {
            rendering.add(Consul.V1Alpha1.ServiceSplitter(metadata: meta(plan.root, plan), splits: splits))
        }
        for target in targets {
            guard let subset = target.subset else { continue }
            resolvers.add(
                subset, filter: target.filter ?? "",
                of: ConsulName(namespace: consulNamespace, name: target.service), namespace: namespace,
                source: plan.document.object)
        }
        services.chain(chain, of: plan.document)
        for name in chain {
            services.govern(
                name, namespace: namespace, httpReason: "TrafficSplit \(namespace)/\(plan.key.name) routes it",
                sources: plan.document.object.map { [$0] } ?? [])
        }
        discoveryIntentions(
            [apex] + (chain.contains(virtual) ? [virtual] : []), targets: targets, plan, access: access,
            services: &services, into: &rendering)
    }

    /// SMI's splits are not hierarchical (notes §5): a backend's share goes to its own pods
    /// even when it is the root of another TrafficSplit.
    ///
    /// Consul's discovery chain follows a backend's splitter unless the split names a subset,
    /// so such a backend is sent to the subset of every instance (`wholeSubset`) of its
    /// ServiceResolver.
    private func bypassNestedSplits(
        _ targets: inout [Target], roots: [ConsulName: SMIBundle.Key], _ plan: SplitPlan,
        into rendering: inout Rendering
    ) {
        let consulNamespace = configuration.consulNamespace(plan.key.namespace)
        for index in targets.indices {
            let target = targets[index]
            guard target.subset == nil, target.service != plan.root,
                let inner = roots[ConsulName(namespace: consulNamespace, name: target.service)]
            else { continue }
            targets[index] = Target(service: target.service, subset: Self.wholeSubset, filter: "")
            report(
                .info, .consulSplit,
                "backend \(target.service) is the root of TrafficSplit \(inner.namespace)/\(inner.name): its share goes to subset \(Self.wholeSubset) of its ServiceResolver (every instance), so Consul does not split it again, as SMI's splits are not hierarchical",
                plan, into: &rendering)
        }
    }

    /// Transparent proxies learn only routes to services they may call, so each virtual service
    /// of the chain allows (L4) the sources that the backends allow; harmless since no pod
    /// holds the name.
    ///
    /// Names that pods do hold keep only their SMI-derived intentions.
    private func discoveryIntentions(
        _ names: [ConsulName], targets: [Target], _ plan: SplitPlan, access: ConsulAccessTranslator.Plan,
        services: inout ConsulServices, into rendering: inout Rendering
    ) {
        guard options.denyScope != .none else { return }
        let backends = targets.map {
            ConsulName(namespace: configuration.consulNamespace(plan.key.namespace), name: $0.service)
        }
        let allowed = Set(backends.flatMap { access.allowedSources[$0] ?? [] }).sorted()
        for name in names where access.identities[name] == nil && !access.governed.contains(name) {
            for source in allowed { services.allow(from: source, to: name) }
            var sources = allowed.map {
                Consul.V1Alpha1.ServiceIntentions.Source(
                    name: $0.name, namespace: $0.namespace, partition: configuration.partition, action: "allow",
                    description: "SMI: may call a backend of the split, so may discover the route")
            }
            sources.append(
                .init(
                    name: "*", namespace: configuration.hasNamespaces ? "*" : nil, partition: configuration.partition,
                    action: "deny",
                    description: "SMI: deny what no TrafficTarget allows"))
            let suffix = name.namespace.map { "-\($0)" } ?? ""
            rendering.add(
                Consul.V1Alpha1.ServiceIntentions(
                    metadata: RenderedMetadata.make(
                        name: name.name + suffix, namespace: plan.key.namespace,
                        sources: plan.document.object.map { [$0] } ?? [], options: options),
                    destination: .init(name: name.name, namespace: name.namespace), sources: sources))
        }
    }

    /// The Consul target of each backend, from what its pods register as: their own service
    /// (running as a ServiceAccount named like the backend) or a subset of the root (running as
    /// the root's), told apart by a `service-meta` annotation.
    ///
    /// Nil, with an error, when neither holds.
    private func targets(_ backends: [SplitPlan.Backend], _ plan: SplitPlan, into rendering: inout Rendering)
        -> [Target]?
    {
        let namespace = plan.key.namespace
        var out: [Target] = []
        var subsetPods: [(backend: String, pods: [Inventory.Workload])] = []
        for backend in backends {
            if backend.service == plan.root {
                // The root's own share goes to the pods registered as the root's name, which
                // are those running as its ServiceAccount: with none, Consul answers 503.
                if let root = inventory.service(namespace: namespace, name: plan.root),
                    !inventory.workloads(selectedBy: root).contains(where: { $0.serviceAccount == plan.root })
                {
                    report(
                        .error, .consulSplit,
                        "backend \(plan.root) is the root itself, and no pod the root Service selects runs as ServiceAccount \(plan.root), the Consul name its share goes to: that share would meet no instance (503), so the split is not rendered",
                        plan, into: &rendering)
                    return nil
                }
                out.append(Target(service: plan.root))
                continue
            }
            guard let service = inventory.service(namespace: namespace, name: backend.service) else {
                report(
                    .warning, .consulSplit,
                    "backend \(backend.service) is not in the inventory; it is rendered as Consul service \(backend.service), which its pods must register as",
                    plan, into: &rendering)
                out.append(Target(service: backend.service))
                continue
            }
            let pods = inventory.workloads(selectedBy: service)
            let accounts = Set(pods.map(\.serviceAccount))
            if accounts == [plan.root] {
                out.append(Target(service: plan.root, subset: DNSName.shortened(backend.service)))
                subsetPods.append((backend.service, pods))
            } else if accounts.isEmpty || accounts == [backend.service] {
                out.append(Target(service: backend.service))
            } else {
                report(
                    .error, .consulSplit,
                    "the pods of backend \(backend.service) run as \(accounts.sorted().joined(separator: ", ")): under managed ACLs they register as neither \(backend.service) nor \(plan.root), so the split is not rendered",
                    plan, into: &rendering)
                return nil
            }
        }
        if out.contains(where: { $0.subset == nil && $0.service != plan.root }),
            let root = inventory.service(namespace: namespace, name: plan.root),
            root.labels[ConsulWorkloads.serviceIgnoreLabel] != "true",
            inventory.workloads(selectedBy: root).contains(where: { $0.serviceAccount != plan.root })
        {
            report(
                .warning, .consulSplit,
                "Service \(namespace)/\(plan.root) selects the backends' pods too, which consul-k8s would register under two names (connect-init fails): label it \(ConsulWorkloads.serviceIgnoreLabel): \"true\"",
                plan, into: &rendering)
        }
        guard !subsetPods.isEmpty else { return out }
        guard let (key, values) = metaKey(subsetPods) else {
            report(
                .error, .consulSplit,
                "backends \(subsetPods.map(\.backend).joined(separator: ", ")) register as \(plan.root), and no \(ConsulWorkloads.serviceMetaPrefix)KEY annotation tells their pods apart, so no ServiceResolver subset can select them: the split is not rendered",
                plan, into: &rendering)
            return nil
        }
        for (index, target) in out.enumerated() {
            guard let subset = target.subset,
                let position = subsetPods.firstIndex(where: { DNSName.shortened($0.backend) == subset })
            else { continue }
            guard let filter = ConsulFilter.metaEquals(key: key, value: values[position]) else {
                report(
                    .error, .consulSplit,
                    "the service-meta key '\(key)' or value '\(values[position])' holds both '\"' and '`', which no go-bexpr filter can hold: the split is not rendered",
                    plan, into: &rendering)
                return nil
            }
            out[index].filter = filter
        }
        return out
    }

    /// A service-meta key whose value is one per backend and differs between backends, with
    /// those values in backend order; the first such key by name.
    private func metaKey(_ backends: [(backend: String, pods: [Inventory.Workload])]) -> (String, [String])? {
        let prefix = ConsulWorkloads.serviceMetaPrefix
        let keys = backends.flatMap { $0.pods.flatMap { $0.podAnnotations.entries.map(\.key) } }.filter {
            $0.hasPrefix(prefix)
        }
        for annotation in Set(keys).sorted() {
            let key = String(annotation.dropFirst(prefix.count))
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                continue
            }
            var values: [String] = []
            for (_, pods) in backends {
                let own = Set(pods.map { $0.podAnnotations[annotation] })
                guard own.count == 1, let value = own.first ?? nil, !value.contains("\"") else { break }
                values.append(value)
            }
            if values.count == backends.count, Set(values).count == values.count { return (key, values) }
        }
        return nil
    }
}
