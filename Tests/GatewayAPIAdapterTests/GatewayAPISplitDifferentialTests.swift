import GatewayAPIAdapter
import SMICore
import SMITestSupport
import Testing

/// Random splits with matches and HTTP requests: where Istio and Linkerd send a request by the
/// rendered Gateway API routes (`GatewayRoutingModel`, over the YAML manifests) must be where
/// SMI sends it (`SMITrafficModel`), with SMI's exact shares.
@Suite struct GatewayAPISplitDifferentialTests {
    /// Gateway API routes alone authorize nothing: every request passes (which is why the
    /// adapter reports TrafficTargets as errors). The routing differential does not ask.
    struct NoAccessControl: MeshAccessModel {
        func allows(_ request: AccessRequest) -> Bool { true }
    }

    /// Every root and backend Service of the generator, with one HTTP port.
    static let inventory = Inventory(
        services: SMIBundleGenerator.namespaces.flatMap { ns in
            (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map {
                Inventory.Service(
                    namespace: ns, name: $0, selector: ["app": $0], ports: [.init(name: "http", port: 80)])
            }
        })

    static func suite(_ implementation: GatewayAPIImplementation) -> AdapterConformance<GatewayAPIAdapter> {
        AdapterConformance(adapter: GatewayAPIAdapter(implementation: implementation)) { _, _ in NoAccessControl() }
    }

    /// 720 bundles of 60 requests (about half HTTP) per mesh: at least 20,000 pairs each, none misrouted.
    @Test(arguments: [(GatewayAPIImplementation.istio, GatewayRoutingModel.Implementation.istio), (.linkerd, .linkerd)])
    func gatewayRoutesAsSMIDoes(implementation: GatewayAPIImplementation, model: GatewayRoutingModel.Implementation)
        throws
    {
        let (compared, split) = try Self.suite(implementation).expectRoutesAsSMI(
            bundles: 720, requests: 60, inventory: Self.inventory, protocols: [.http]
        ) { resources, request, namespace, root in
            let fqdn = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
            let shares = GatewayRoutingModel(resources, implementation: model).shares(
                request, namespace: namespace, service: root)
            return Dictionary(uniqueKeysWithValues: shares.map { (fqdn($0.key), $0.value) })
        }
        print("Gateway API split differential (\(implementation)): \(compared) pairs, \(split) split by SMI")
        #expect(compared >= 20_000)
        #expect(split > compared / 8, "\(split) of \(compared) split")
    }

    /// The same roots with one port declared TCP: splits without matches become TCPRoutes,
    /// and raw TCP connections must be split with SMI's shares (with matches, they stay on the
    /// root, as in SMI).
    @Test func tcpRoutesAsSMIDoes() throws {
        let inventory = Inventory(
            services: SMIBundleGenerator.namespaces.flatMap { ns in
                (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map {
                    Inventory.Service(
                        namespace: ns, name: $0, selector: ["app": $0], ports: [.init(name: "tcp-db", port: 5432)])
                }
            })
        let (compared, split) = try Self.suite(.generic).expectRoutesAsSMI(
            bundles: 720, requests: 60, inventory: inventory, protocols: [.tcp]
        ) { resources, request, namespace, root in
            let fqdn = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
            let shares = GatewayRoutingModel(resources, implementation: .istio).shares(
                request, namespace: namespace, service: root)
            return Dictionary(uniqueKeysWithValues: shares.map { (fqdn($0.key), $0.value) })
        }
        print("Gateway API split differential (tcp): \(compared) pairs, \(split) split by SMI")
        #expect(compared >= 5_000)
        #expect(split > compared / 8, "\(split) of \(compared) split")
    }

    /// Roots whose one port is declared gRPC: splits become GRPCRoutes (or HTTPRoutes where
    /// GRPCRoute cannot say the matches), and gRPC calls (POST) must be split as SMI splits them.
    @Test func grpcRoutesAsSMIDoes() throws {
        let inventory = Inventory(
            services: SMIBundleGenerator.namespaces.flatMap { ns in
                (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map {
                    Inventory.Service(
                        namespace: ns, name: $0, selector: ["app": $0], ports: [.init(name: "grpc", port: 9090)])
                }
            })
        for (implementation, model) in [
            (GatewayAPIImplementation.istio, GatewayRoutingModel.Implementation.istio), (.linkerd, .linkerd)
        ] {
            let (compared, split) = try Self.suite(implementation).expectRoutesAsSMI(
                bundles: 360, requests: 60, inventory: inventory, protocols: [.http], shape: { $0.method = "POST" }
            ) { resources, request, namespace, root in
                let fqdn = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
                let shares = GatewayRoutingModel(resources, implementation: model).shares(
                    request, namespace: namespace, service: root)
                return Dictionary(uniqueKeysWithValues: shares.map { (fqdn($0.key), $0.value) })
            }
            print("Gateway API split differential (grpc, \(implementation)): \(compared) pairs, \(split) split by SMI")
            #expect(compared >= 10_000)
            #expect(split > compared / 8, "\(split) of \(compared) split")
        }
    }
}
