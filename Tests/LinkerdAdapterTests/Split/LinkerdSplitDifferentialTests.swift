import LinkerdAdapter
import LinkerdSimulation
import SMICore
import SMITestSupport
import Testing

/// Random splits and HTTP requests: where Linkerd sends a request by the rendered HTTPRoutes
/// (the best-ranked rule of the routes on the root Service's port, weights as shares) must be
/// where SMI sends it, share for share.
@Suite struct LinkerdSplitDifferentialTests {
    /// Every root and backend Service of the generator, with one port.
    static let inventory = Inventory(
        services: SMIBundleGenerator.namespaces.flatMap { ns in
            (SMIBundleGenerator.rootServices + ["v1", "v2", "v3"]).map {
                Inventory.Service(namespace: ns, name: $0, selector: ["app": $0], ports: [.init(port: 80)])
            }
        })

    @Test func linkerdRoutesAsSMIDoes() throws {
        let (compared, split) = try LinkerdConformanceTests.suite.expectRoutesAsSMI(
            bundles: 150, requests: 60, inventory: Self.inventory, protocols: [.http]
        ) { resources, request, namespace, root in
            let routes = LinkerdApplied.httpRoutes(in: resources).filter { route in
                route.namespace == namespace
                    && route.spec.parentRefs.contains {
                        $0.kind == "Service" && $0.name == root && $0.port == request.port
                    }
            }
            let host = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
            // No route: the root Service itself.
            guard !routes.isEmpty else { return [host(root): 1] }
            guard let rule = LinkerdRouteSelection.best(routes, request)?.rule, let backends = rule.backendRefs else {
                return [:]
            }
            return Self.shares(backends, host: host)
        }
        #expect(compared >= 3_000)
        #expect(split > compared / 8, "\(split) of \(compared) split")
    }

    /// The generator's Services with their one port declared opaque (2.18+ reads
    /// `appProtocol`): a client's proxy reads no HTTP there.
    static let opaqueInventory = Inventory(
        services: inventory.services.map { service in
            var opaque = service
            opaque.ports = service.ports.map { .init(port: $0.port, appProtocol: "linkerd.io/tcp") }
            return opaque
        })

    /// On an opaque port Linkerd's policy controller serves the port's TCPRoutes (the oldest,
    /// then by name, first) and ignores HTTPRoutes; without one, the root Service.
    ///
    /// HTTP requests and raw connections alike are routed by connection. Splits with matches
    /// cannot apply there and say so (SMI4003), so their requests are excused.
    @Test func opaquePortsRoutesAsSMIDoes() throws {
        let (compared, split) = try LinkerdConformanceTests.suite.expectRoutesAsSMI(
            bundles: 150, requests: 60, inventory: Self.opaqueInventory,
            excuses: { $0.code == .linkerdSplitScope && $0.message.contains("matches never apply") },
            protocols: [.http, .tcp]
        ) { resources, request, namespace, root in
            let routes = LinkerdApplied.tcpRoutes(in: resources).filter { route in
                route.namespace == namespace
                    && route.spec.parentRefs.contains {
                        $0.kind == "Service" && $0.name == root && $0.port == request.port
                    }
            }
            let host = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
            guard let backends = routes.first?.spec.rules.first?.backendRefs else { return [host(root): 1] }
            return Self.shares(backends, host: host)
        }
        #expect(compared >= 3_000)
        #expect(split > compared / 8, "\(split) of \(compared) split")
    }

    /// Each backend's share of the requests, by host: its weight (absent: 1) over the sum.
    static func shares(
        _ backends: [LinkerdApplied.HTTPRoute.BackendReference], host: (String) -> String
    ) -> [String: Double] {
        let total = Double(backends.reduce(0) { $0 + ($1.weight ?? 1) })
        var shares: [String: Double] = [:]
        for backend in backends where (backend.weight ?? 1) > 0 {
            shares[host(backend.name), default: 0] += Double(backend.weight ?? 1) / total
        }
        return shares
    }
}
