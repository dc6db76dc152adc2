import ConsulAdapter
import ConsulSimulation
import SMICore
import SMITestSupport
import Testing

/// Random splits and HTTP requests: where Consul sends a request by the rendered discovery
/// chains (`ConsulDiscoveryChain`: router, splitters followed as Consul follows them,
/// resolvers) must be where SMI sends it, share for share.
@Suite struct ConsulSplitDifferentialTests {
    /// Every root and backend Service of the generator, with one port, and its pods, running
    /// as a ServiceAccount of the Service's name: each registers as its own Consul service
    /// (the root too, so that a root among its backends has instances).
    static let inventory: Inventory = {
        let names = SMIBundleGenerator.namespaces.flatMap { ns in
            (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map { (ns, $0) }
        }
        return Inventory(
            workloads: names.map { ns, name in
                Inventory.Workload(
                    kind: "Deployment", namespace: ns, name: name, serviceAccount: name, podLabels: ["app": name],
                    ports: [.init(port: 80)])
            },
            services: names.map { ns, name in
                Inventory.Service(namespace: ns, name: name, selector: ["app": name], ports: [.init(port: 80)])
            })
    }()

    /// Consul Enterprise with mirrored namespaces, so that each namespace's roots are their own
    /// services (in CE a second namespace's split of the same root is refused, SMI5009).
    ///
    /// Shares agree within 0.01 percentage points: Consul takes hundredths of a percent
    /// (SMI5010 says how they were rounded). Splits with a match Consul cannot route as SMI
    /// matches (SMI5009 says so) are left out.
    @Test func consulRoutesAsSMIDoes() throws {
        let configuration = ConsulConfiguration(namespaces: .mirroring(prefix: ""))
        let suite = AdapterConformance(adapter: ConsulAdapter(configuration: configuration)) { resources, inventory in
            ConsulAccessModel(resources: resources, inventory: inventory, cluster: ConsulCluster(configuration))
        }
        let (compared, split) = try suite.expectRoutesAsSMI(
            bundles: 150, requests: 60, inventory: Self.inventory, tolerance: 1e-4 + 1e-9,
            excuses: { $0.code == .consulSplit && $0.message.hasPrefix("a match is not routed") }, protocols: [.http]
        ) { resources, request, namespace, root in
            let chain = ConsulDiscoveryChain(resources: resources, cluster: ConsulCluster(configuration))
            let start = ConsulDiscoveryChain.Service(namespace: configuration.consulNamespace(namespace), name: root)
            var shares: [String: Double] = [:]
            for (target, share) in chain.shares(of: start, for: request) where share > 0 {
                // Subsets here select every instance (no pod tells backends apart).
                let name = "\(target.service.name).\(target.service.namespace ?? namespace).svc.cluster.local"
                shares[name, default: 0] += share
            }
            return shares
        }
        #expect(compared >= 3_000)
        #expect(split > compared / 8, "\(split) of \(compared) split")
    }

    /// The first root's backends v1-v3 run as the root's own ServiceAccount, so under managed
    /// ACLs they register as the root and are told apart by their `app-version` service meta (a
    /// key go-bexpr must read as an index); the root's Service selects all of them (`tier`), as
    /// a canary's root does, so that its every instance in Consul is its pods in SMI.
    ///
    /// The second root's pods run as themselves.
    static let subsetInventory: Inventory = {
        let owner = SMIBundleGenerator.rootServices[0]
        let names = SMIBundleGenerator.namespaces.flatMap { ns in
            (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map { (ns, $0) }
        }
        return Inventory(
            workloads: names.map { ns, name in
                let versioned = ["v1", "v2", "v3"].contains(name)
                return Inventory.Workload(
                    kind: "Deployment", namespace: ns, name: name, serviceAccount: versioned ? owner : name,
                    podLabels: ["app": name, "tier": versioned ? owner : name], ports: [.init(port: 80)],
                    podAnnotations: ["consul.hashicorp.com/service-meta-app-version": name])
            },
            services: names.map { ns, name in
                Inventory.Service(
                    namespace: ns, name: name, selector: [name == owner ? "tier" : "app": name],
                    ports: [.init(port: 80)])
            })
    }()

    /// Splits whose backends are ServiceResolver subsets of the root: each target of the
    /// rendered chain reaches the instances its subset's filter selects (`ConsulBexpr`, as
    /// go-bexpr reads it; a filter it refuses takes its resolver and splitter out), and must
    /// reach exactly the pods of one Service, with the share SMI gives that Service.
    ///
    /// Splits the adapter refuses because a backend's pods run as a third account (the second
    /// root's splits of v1-v3, SMI5009) are left out, as are matches Consul cannot route.
    @Test func consulSubsetsRoutesAsSMIDoes() throws {
        let configuration = ConsulConfiguration(namespaces: .mirroring(prefix: ""))
        let cluster = ConsulCluster(configuration)
        let suite = AdapterConformance(adapter: ConsulAdapter(configuration: configuration)) { resources, inventory in
            ConsulAccessModel(resources: resources, inventory: inventory, cluster: cluster)
        }
        let inventory = Self.subsetInventory
        let (compared, split) = try suite.expectRoutesAsSMI(
            bundles: 150, requests: 60, inventory: inventory, tolerance: 1e-4 + 1e-9,
            excuses: {
                $0.code == .consulSplit
                    && ($0.message.hasPrefix("a match is not routed") || $0.message.contains("register as neither"))
            }, protocols: [.http]
        ) { resources, request, namespace, root in
            let chain = ConsulDiscoveryChain(resources: resources, cluster: cluster)
            let start = ConsulDiscoveryChain.Service(namespace: cluster.consulNamespace(namespace), name: root)
            let services = inventory.services.filter { $0.namespace == namespace }.map { service in
                (service.name, Set(inventory.workloads(selectedBy: service).map(\.name)))
            }
            var shares: [String: Double] = [:]
            for (target, share) in chain.shares(of: start, for: request) where share > 0 {
                let reached = Set(
                    inventory.workloads.filter { pod in
                        let meta = pod.podAnnotations["consul.hashicorp.com/service-meta-app-version"] ?? ""
                        return pod.namespace == namespace
                            && chain.reaches(
                                target, ConsulInstance(service: pod.serviceAccount, meta: ["app-version": meta]))
                    }.map(\.name))
                // The Service whose pods these are, or a name no Service has.
                let name = services.first { $0.1 == reached }.map { "\($0.0).\(namespace).svc.cluster.local" }
                shares[name ?? "\(target) reaches \(reached.sorted())", default: 0] += share
            }
            return shares
        }
        #expect(compared >= 2_500)
        #expect(split > compared / 10, "\(split) of \(compared) split")
    }
}
