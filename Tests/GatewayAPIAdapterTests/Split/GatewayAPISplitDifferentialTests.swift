import GatewayAPIAdapter
import SMICore
import SMITestSupport
import Testing

/// Random splits and requests: where Istio and Linkerd send a request by the rendered Gateway
/// API routes (`GatewayRoutingModel`, over the YAML manifests) must be where SMI sends it
/// (`SMITrafficModel`), with SMI's exact shares, on HTTP, gRPC and TCP ports.
@Suite struct GatewayAPISplitDifferentialTests {
    /// Gateway API routes alone authorize nothing: every request passes (which is why the
    /// adapter reports TrafficTargets as errors).
    ///
    /// The routing differential does not ask.
    struct NoAccessControl: MeshAccessModel {
        func allows(_ request: AccessRequest) -> Bool { true }
    }

    static func suite(_ implementation: GatewayAPIImplementation) -> AdapterConformance<GatewayAPIAdapter> {
        AdapterConformance(adapter: GatewayAPIAdapter(implementation: implementation)) { _, _ in NoAccessControl() }
    }

    /// Every root and backend Service of the generator, with one port.
    static func inventory(_ port: Inventory.ServicePort) -> Inventory {
        Inventory(
            services: SMIBundleGenerator.namespaces.flatMap { ns in
                (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map {
                    Inventory.Service(namespace: ns, name: $0, selector: ["app": $0], ports: [port])
                }
            })
    }

    /// Compares `bundles` generated bundles of 60 requests each for one mesh and port, prints
    /// and returns how many requests were compared and how many SMI splits.
    static func compare(
        _ implementation: GatewayAPIImplementation, _ model: GatewayRoutingModel.Implementation,
        port: Inventory.ServicePort,
        bundles: Int, protocols: Set<AccessRequest.TrafficProtocol>, shape: (inout AccessRequest) -> Void = { _ in }
    ) throws -> (compared: Int, split: Int) {
        let (compared, split) = try suite(implementation).expectRoutesAsSMI(
            bundles: bundles, requests: 60, inventory: inventory(port), protocols: protocols, shape: shape
        ) { resources, request, namespace, root in
            let fqdn = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
            let shares = GatewayRoutingModel(resources, implementation: model).shares(
                request, namespace: namespace, service: root)
            return Dictionary(uniqueKeysWithValues: shares.map { (fqdn($0.key), $0.value) })
        }
        print(
            "Gateway API split differential (\(port.name ?? ""), \(implementation)): \(compared) pairs, \(split) split by SMI"
        )
        #expect(split > compared / 8, "\(split) of \(compared) split")
        return (compared, split)
    }

    /// HTTP: 720 bundles of 60 requests per mesh (about half HTTP), at least 20,000 pairs each.
    @Test(arguments: [(GatewayAPIImplementation.istio, GatewayRoutingModel.Implementation.istio), (.linkerd, .linkerd)])
    func gatewayRoutesAsSMIDoes(implementation: GatewayAPIImplementation, model: GatewayRoutingModel.Implementation)
        throws
    {
        let (compared, _) = try Self.compare(
            implementation, model, port: .init(name: "http", port: 80), bundles: 720, protocols: [.http])
        #expect(compared >= 20_000)
    }

    /// TCP: splits without matches become TCPRoutes, and raw connections must be split with
    /// SMI's shares (with matches, they stay on the root, as in SMI).
    @Test func tcpRoutesAsSMIDoes() throws {
        let (compared, _) = try Self.compare(
            .generic, .istio, port: .init(name: "tcp-db", port: 5432), bundles: 720, protocols: [.tcp])
        #expect(compared >= 20_000)
    }

    /// gRPC: splits become GRPCRoutes (or HTTPRoutes where GRPCRoute cannot say the matches),
    /// and gRPC calls (POST) must be split as SMI splits them.
    @Test(arguments: [(GatewayAPIImplementation.istio, GatewayRoutingModel.Implementation.istio), (.linkerd, .linkerd)])
    func grpcRoutesAsSMIDoes(implementation: GatewayAPIImplementation, model: GatewayRoutingModel.Implementation) throws
    {
        let (compared, _) = try Self.compare(
            implementation, model, port: .init(name: "grpc", port: 9090), bundles: 360, protocols: [.http],
            shape: { $0.method = "POST" })
        #expect(compared >= 10_000)
    }
}
