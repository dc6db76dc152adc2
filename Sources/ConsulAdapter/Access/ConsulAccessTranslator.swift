import SMICore

/// TrafficTargets as Consul intentions (Consul notes 4.1-4.4): per destination Consul name one
/// ServiceIntentions holding every source, an L4 `allow` for grants of every request and L7
/// permissions (allows, then a catch-all deny) for restricted HTTP grants, a wildcard deny
/// last, and deny-only entries for the other identities in the deny scope.
///
/// A Consul name that stands for several SMI identities gets an allow only where SMI treats
/// them all alike.
struct ConsulAccessTranslator {
    /// The resource this translator writes.
    typealias Intentions = Consul.V1Alpha1.ServiceIntentions

    typealias Identity = AccessRequest.Identity
    typealias Item = SMIBundle.Item<Access.V1Alpha3.TrafficTarget>

    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions
    let configuration: ConsulConfiguration
    /// The control plane (never governed) and where pods run a sidecar.
    let facts: ClusterFacts

    /// What one source identity may do at one destination identity.
    struct Grant {
        /// Every request (L4 allow).
        var everything = false
        /// The L7 allows, when not everything: one method each, so that identities whose
        /// grants come from different targets compare equal; merged when written.
        var matches: [ConsulHTTPMatch] = []
        /// Whether HTTP rules granted it (the destination needs protocol `http`).
        var http = false
        /// The targets granting raw TCP.
        var rawTCP: [SMIDocument] = []
        /// The targets it comes from.
        var items: [Item] = []

        /// The grant as Consul sees it, for comparing identities that share a name.
        var effect: Effect { everything ? .everything : .some(Set(matches)) }

        enum Effect: Hashable {
            case everything
            case some(Set<ConsulHTTPMatch>)
        }

        /// Both grants (OR).
        mutating func merge(_ other: Grant) {
            everything = everything || other.everything
            for match in other.matches where !matches.contains(match) { matches.append(match) }
            http = http || other.http
            rawTCP += other.rawTCP
            items += other.items
        }
    }

    /// What the split translator needs from access: the Consul names that got intentions, and
    /// the sources holding an allow on each.
    struct Plan {
        var governed: Set<ConsulName> = []
        var allowedSources: [ConsulName: Set<ConsulName>] = [:]
        /// Every identity the rendering knows of, by Consul name.
        var identities: [ConsulName: [Identity]] = [:]
    }

    private var workloads: ConsulWorkloads { ConsulWorkloads(inventory: inventory, configuration: configuration) }

    func render(into rendering: inout Rendering, services: inout ConsulServices) -> Plan {
        if !configuration.aclsManaged {
            rendering.report(
                Diagnostic(
                    .error, .consulACLs,
                    "without managed ACLs any pod may register under any Consul service name, so identities are not ServiceAccounts: no allow is rendered"
                ))
        }
        var table: [Identity: [Identity: Grant]] = [:]
        var destinations: [Identity: [Item]] = [:]
        var known = Set(
            inventory.workloads.map { Identity(namespace: $0.namespace, serviceAccount: $0.serviceAccount) })
        let anchoring = options.pathAnchoring
        var expansions = MatchExpansions(anchoring: anchoring) { ConsulMatches.matches($0, anchoring: anchoring) }
        facts.report(into: &rendering, options: options)
        for item in bundle.trafficTargets {
            guard let account = item.object.destinationAccount(defaultNamespace: item.key.namespace),
                facts.governs(account.namespace)
            else { continue }
            let destination = Identity(namespace: account.namespace, serviceAccount: account.name)
            destinations[destination, default: []].append(item)
            known.insert(destination)
            let sources = item.object.sourceAccounts(defaultNamespace: item.key.namespace).map {
                Identity(namespace: $0.namespace, serviceAccount: $0.name)
            }
            known.formUnion(sources)
            guard let grant = grant(item, destination: destination, expansions: &expansions, into: &rendering) else {
                continue
            }
            for source in sources {
                guard workloads.name(source) != nil else {
                    report(
                        .warning, .consulWorkload,
                        "source \(source) is the ServiceAccount 'default', which consul-k8s' ACL binding rule gives no identity: its grant is not rendered",
                        item, into: &rendering)
                    continue
                }
                table[destination, default: [:]][source, default: Grant()].merge(grant)
            }
        }
        var plan = Plan()
        for identity in known {
            guard let name = workloads.name(identity) else { continue }
            plan.identities[name, default: []].append(identity)
        }
        for name in plan.identities.keys {
            plan.identities[name]?.sort { ($0.namespace, $0.serviceAccount) < ($1.namespace, $1.serviceAccount) }
        }

        let (closed, open, _) = facts.scope(options.denyScope)
        options.denyScope.reportOpen(open, code: .consulDenyScope, into: &rendering)
        var governed = Set(destinations.keys.compactMap(workloads.name))
        for identity in known where closed.contains(identity.namespace) {
            if let name = workloads.name(identity) { governed.insert(name) }
        }
        for (destination, items) in destinations.sorted(by: {
            ($0.key.namespace, $0.key.serviceAccount) < ($1.key.namespace, $1.key.serviceAccount)
        }) {
            check(destination, items: items, into: &rendering)
        }
        for name in governed.sorted() {
            let identities = plan.identities[name] ?? []
            for identity in identities where destinations[identity] == nil {
                check(identity, items: [], into: &rendering)
            }
            let (sources, http) = entrySources(
                for: name, identities: identities, table: table, plan: &plan, services: &services, into: &rendering)
            let grants = identities.compactMap { table[$0] }.flatMap(\.values)
            let namespace = identities.first?.namespace ?? name.namespace ?? "default"
            let objects = Set(grants.flatMap(\.items).compactMap(\.origin.object)).sorted {
                $0.description < $1.description
            }
            plan.governed.insert(name)
            write(name, namespace: namespace, sources: sources, objects: objects, into: &rendering)
            services.govern(
                name, namespace: namespace, httpReason: http ? "for its HTTP rules" : nil,
                rawTCP: grants.flatMap(\.rawTCP), sources: objects)
        }
        if configuration.meshWideDeny { writeMeshWideDeny(into: &rendering) }
        return plan
    }

    /// The `*` -> `*` deny intention: services the input does not show are denied too, as SMI
    /// denies everything no TrafficTarget allows.
    ///
    /// Consul applies a service's own intentions before the wildcard's, so the grants above
    /// still hold. Written in the `default` namespace (a config entry is not a namespace's).
    private func writeMeshWideDeny(into rendering: inout Rendering) {
        let any = configuration.hasNamespaces ? "*" : nil
        let deny = Intentions.Source(
            name: "*", namespace: any, partition: configuration.partition, action: "deny",
            description: "SMI: deny what no TrafficTarget allows, for every service")
        rendering.add(
            Intentions(
                metadata: RenderedMetadata.make(
                    name: "mesh-default-deny", namespace: "default", sources: [], options: options),
                destination: .init(name: "*", namespace: any), sources: [deny]))
    }

    /// The sources of the entry for `name`: an allow for each Consul source name whose
    /// identities all get the same grant from every identity `name` stands for.
    private func entrySources(
        for name: ConsulName, identities: [Identity], table: [Identity: [Identity: Grant]],
        plan: inout Plan, services: inout ConsulServices, into rendering: inout Rendering
    ) -> (sources: [Intentions.Source], http: Bool) {
        var out: [Intentions.Source] = []
        var http = false
        let sourceNames = Set(identities.flatMap { table[$0]?.keys.compactMap(workloads.name) ?? [] })
        for sourceName in sourceNames.sorted() where configuration.aclsManaged {
            var effects = Set<Grant.Effect?>()
            var merged = Grant()
            for destination in identities {
                for source in plan.identities[sourceName] ?? [] {
                    let grant = table[destination]?[source]
                    effects.insert(grant?.effect)
                    if let grant { merged.merge(grant) }
                }
            }
            guard effects.count == 1, let only = effects.first, only != nil else {
                let sourceList = (plan.identities[sourceName] ?? []).map(\.description).joined(separator: ", ")
                let destinationList = identities.map(\.description).joined(separator: ", ")
                let message =
                    "Consul service \(sourceName) stands for \(sourceList) and \(name) for \(destinationList), which SMI grants differently: no allow from \(sourceName) to \(name) is rendered (an allow would reach identities SMI denies)"
                for item in merged.items { report(.error, .consulIdentityCollision, message, item, into: &rendering) }
                continue
            }
            plan.allowedSources[name, default: []].insert(sourceName)
            services.allow(from: sourceName, to: name)
            http = http || merged.http
            let described = Self.describing(Set(merged.items.compactMap(\.origin.object).map(\.description)).sorted())
            var source = Intentions.Source(
                name: sourceName.name, namespace: sourceName.namespace, partition: configuration.partition,
                description: described)
            if merged.everything {
                source.action = "allow"
            } else {
                source.permissions =
                    ConsulMatches.merged(merged.matches).map {
                        Intentions.Permission(action: "allow", http: $0)
                    }
                    + [Intentions.Permission(action: "deny", http: .everyRequest)]
            }
            out.append(source)
        }
        return (out, http)
    }

    /// Writes the ServiceIntentions of `name`, closing it with the wildcard deny.
    private func write(
        _ name: ConsulName, namespace: String, sources: [Intentions.Source],
        objects: [Diagnostic.Object],
        into rendering: inout Rendering
    ) {
        var sources = sources
        if options.denyScope != .none {
            sources.append(
                .init(
                    name: "*", namespace: configuration.hasNamespaces ? "*" : nil, partition: configuration.partition,
                    action: "deny",
                    description: "SMI: deny what no TrafficTarget allows"))
        }
        guard !sources.isEmpty else { return }
        let suffix = name.namespace.map { "-\($0)" } ?? ""
        let intentions = Intentions(
            metadata: RenderedMetadata.make(
                name: name.name + suffix, namespace: namespace, sources: objects, options: options),
            destination: .init(name: name.name, namespace: name.namespace), sources: sources)
        rendering.add(intentions)
    }

    /// Consul refuses a ServiceIntentions whose source `description` is over 512 bytes (Go's
    /// `len`; the whole entry, its wildcard deny included).
    static let maximumDescription = 512

    /// "SMI " and the objects a source's grant comes from, within `maximumDescription` bytes:
    /// as many as fit, then how many more.
    static func describing(_ objects: [String]) -> String {
        var text = "SMI " + objects.joined(separator: ", ")
        guard text.utf8.count > maximumDescription else { return text }
        for kept in stride(from: objects.count - 1, through: 0, by: -1) {
            text =
                "SMI " + objects.prefix(kept).joined(separator: ", ") + (kept > 0 ? " and " : "")
                + "\(objects.count - kept) more TrafficTargets"
            if text.utf8.count <= maximumDescription { return text }
        }
        // Whole characters only, so that the cut never splits one.
        var kept = ""
        for character in text {
            guard kept.utf8.count + character.utf8.count <= maximumDescription else { break }
            kept.append(character)
        }
        return kept
    }

    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ item: Item?,
        into rendering: inout Rendering
    ) {
        if let item {
            rendering.report(severity, code, message, about: item.origin)
        } else {
            rendering.report(Diagnostic(severity, code, message))
        }
    }

    /// Reports what about a governed identity's pods lets traffic past the intentions, or
    /// keeps them out of the mesh (Consul notes 4.6).
    private func check(_ identity: Identity, items: [Item], into rendering: inout Rendering) {
        let item = items.first
        let pods = inventory.workloads(namespace: identity.namespace, serviceAccount: identity.serviceAccount)
        if identity.serviceAccount == "default" {
            if item != nil {
                report(
                    .warning, .consulWorkload,
                    "destination \(identity) is the ServiceAccount 'default', which consul-k8s' ACL binding rule gives no identity: nothing is rendered for it",
                    item, into: &rendering)
            }
            return
        }
        if pods.isEmpty, item != nil {
            report(
                .warning, .consulWorkload,
                "no workload in the inventory runs as \(identity): its sidecar injection and registered port are not checked, and grants limited to ports are not rendered",
                item, into: &rendering)
        }
        for pod in pods {
            let what = pod.description
            // Pods without the sidecar, and ports that bypass it, are ClusterFacts' to report.
            guard workloads.isInjected(pod) else { continue }
            if let claimed = pod.podAnnotations[ConsulWorkloads.serviceAnnotation], claimed != identity.serviceAccount {
                report(
                    .warning, .consulWorkload,
                    "\(what) claims Consul service '\(claimed)' but runs as ServiceAccount \(identity.serviceAccount); under managed ACLs connect-init refuses it and the pods do not start",
                    item, into: &rendering)
            }
            // consul-k8s exposes only httpGet probes, unless the pod turns that off.
            let probes = pod.httpProbes.map { "\($0.port)\($0.path)" }
            if !probes.isEmpty, pod.podAnnotations[ConsulWorkloads.overwriteProbesAnnotation]?.annotationBool != false {
                report(
                    .warning, .consulProbes,
                    "\(what): consul-k8s serves the kubelet's probes (\(probes.joined(separator: ", "))) on expose-path listeners that intentions do not guard, so any pod can call those paths, which SMI denies; serve probes on a port of their own or disable probe overwriting",
                    item, into: &rendering)
            }
        }
        if let item, item.object.spec.rules.contains(where: { $0.kind == "UDPRoute" }) {
            report(
                .error, .consulUDP,
                "UDP bypasses Consul's proxy: the UDPRoute rules cannot be enforced, and UDP to \(identity) is not restricted (use a NetworkPolicy)",
                item, into: &rendering)
        }
        for other in items.dropFirst() where other.object.spec.rules.contains(where: { $0.kind == "UDPRoute" }) {
            report(
                .error, .consulUDP,
                "UDP bypasses Consul's proxy: the UDPRoute rules cannot be enforced, and UDP to \(identity) is not restricted (use a NetworkPolicy)",
                other, into: &rendering)
        }
    }

    /// The ports the destination's pods register (one each), sorted; nil when a pod's is
    /// not known (no container port, or an annotation naming none).
    private func registeredPorts(_ identity: Identity) -> [Int]? {
        let ports = inventory.workloads(namespace: identity.namespace, serviceAccount: identity.serviceAccount).map(
            workloads.registeredPort)
        guard !ports.isEmpty, !ports.contains(nil) else { return nil }
        return Set(ports.compactMap { $0 }).sorted()
    }

    /// What `item` grants its sources at `destination`, as Consul can hold it; nil for
    /// nothing, with a diagnostic wherever that is stricter than SMI.
    private func grant(
        _ item: Item, destination: Identity,
        expansions: inout MatchExpansions<Result<[ConsulHTTPMatch], ConsulMatches.Problem>>,
        into rendering: inout Rendering
    ) -> Grant? {
        let rules = item.object.spec.rules
        // An object outside the CRD's rule-kind enum would not exist on a cluster (D25).
        guard rules.allSatisfy({ ["HTTPRouteGroup", "TCPRoute", "UDPRoute"].contains($0.kind) }),
            destination.serviceAccount != "default"
        else { return nil }
        let ports = TargetPorts.of(item, in: bundle)
        if ports == .nothing { return nil }
        let registered = registeredPorts(destination)
        if case let .some(list)? = ports {
            guard let registered, registered.allSatisfy(list.contains) else {
                let why =
                    registered.map { "which do not include \(destination)'s \(Self.registered($0))" }
                    ?? "and the registered port of \(destination) is not known from the inventory"
                report(
                    .warning, .consulPorts,
                    "the grant is limited to ports \(list.map(String.init).joined(separator: ", ")), \(why); Consul intentions have no port, so the grant is not rendered (stricter)",
                    item, into: &rendering)
                return nil
            }
            let pods = inventory.workloads(namespace: destination.namespace, serviceAccount: destination.serviceAccount)
            let unpinned = pods.filter { $0.podAnnotations[ConsulWorkloads.portAnnotation] == nil }
            let outside = Set(unpinned.flatMap { $0.ports.filter { $0.protocol == "TCP" }.map(\.port) }).subtracting(
                list
            ).sorted()
            if !outside.isEmpty {
                report(
                    .warning, .consulPorts,
                    "the grant is limited to ports \(list.map(String.init).joined(separator: ", ")), but without \(ConsulWorkloads.portAnnotation) consul-k8s 2.x registers every container port of \(destination)'s pods, so an allow would open ports \(outside.map(String.init).joined(separator: ", ")) too: not rendered (stricter; pin the port with the annotation)",
                    item, into: &rendering)
                return nil
            }
        }
        var grant = Grant(items: [item])
        let http = rules.filter { $0.kind == "HTTPRouteGroup" }
        if http.isEmpty {
            guard ports != nil else { return nil }
            grant.everything = true
            grant.rawTCP = [item.origin]
        } else {
            grant.http = true
            for rule in http {
                for match in bundle.grantedMatches(rule, namespace: item.key.namespace) {
                    let expansion = expansions.expansion(of: match)
                    if expansion.admitsEveryRequest {
                        grant.everything = true
                        continue
                    }
                    for translation in expansion.translations {
                        switch translation {
                        case let .success(matches): grant.matches += matches
                        case let .failure(problem):
                            report(
                                .warning, .consulMatchDropped,
                                "match '\(match.name)' is not rendered (stricter than SMI): \(problem)", item,
                                into: &rendering)
                        }
                    }
                }
            }
            guard grant.everything || !grant.matches.isEmpty else { return nil }
            // CVE-2024-10005: before 1.20.1 Consul matched intentions on the path as sent.
            if !grant.everything, options.targetsBefore(1, 20, 1),
                grant.matches.contains(where: { $0.pathExact != nil || $0.pathPrefix != nil || $0.pathRegex != nil })
            {
                report(
                    .warning, .consulPathNormalization,
                    "Consul \(options.releaseName) matches intentions on the path as sent, without normalizing it (CVE-2024-10005, fixed in 1.20.1): a path such as /allowed/../other passes a permission for /allowed, and the app may serve /other; upgrade to 1.20.1 or later, where the path is normalized first",
                    item, into: &rendering)
            }
        }
        let covered: [Int]
        if case let .some(list)? = ports {
            covered = list
        } else {
            covered = Set(
                inventory.workloads(namespace: destination.namespace, serviceAccount: destination.serviceAccount)
                    .flatMap { $0.ports.filter { $0.protocol == "TCP" }.map(\.port) }
            ).sorted()
        }
        if let registered, case let others = covered.filter({ !registered.contains($0) }), !others.isEmpty {
            report(
                .warning, .consulPorts,
                "Consul may deliver connections to \(destination) only on its \(Self.registered(registered)) (consul-k8s before 2.0, or a pinned \(ConsulWorkloads.portAnnotation)): the grant may not reach ports \(others.map(String.init).joined(separator: ", ")) (stricter)",
                item, into: &rendering)
        }
        return grant
    }

    /// "registered port 80", or "pods' registered ports 80, 8080" where they differ.
    private static func registered(_ ports: [Int]) -> String {
        ports.count == 1
            ? "registered port \(ports[0])" : "pods' registered ports \(ports.map(String.init).joined(separator: ", "))"
    }
}
