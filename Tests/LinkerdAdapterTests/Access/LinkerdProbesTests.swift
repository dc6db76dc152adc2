import Foundation
import LinkerdAdapter
import LinkerdSimulation
import SMICore
import Testing

/// The kubelet's probes under Linkerd: its own probe route on ports without HTTPRoutes, and
/// the routes `--allow-probes` renders, admit exactly the probes' method and paths.
@Suite struct LinkerdProbesTests {
    static let api = AccessRequest.Identity(namespace: "shop", serviceAccount: "api")
    static let web = AccessRequest.Identity(namespace: "shop", serviceAccount: "web")

    static func request(
        from source: AccessRequest.Identity?, to destination: AccessRequest.Identity = api, port: Int = 8080,
        _ method: String, _ path: String
    ) -> AccessRequest {
        AccessRequest(
            source: source, destination: destination, port: port, protocol: .http, method: method, path: path)
    }

    /// Linkerd's own probe route: `GET` of the probe's path, the query aside, for any client,
    /// on a Server without routes and on a port without a Server; gone once a route attaches.
    @Test func linkerdLetsProbesThroughWhereNoRouteAttaches() throws {
        var workload = Inventory.Workload(
            kind: "Deployment", namespace: "shop", name: "api", serviceAccount: "api", podLabels: ["app": "api"],
            ports: [.init(port: 8080), .init(port: 9090)], httpProbes: [.init(port: 8080, path: "/ready?full=1")])
        workload.httpProbes.append(.init(port: 9090, path: "/live"))
        var shop = Inventory.Namespace(name: "shop")
        shop.annotations = ["linkerd.io/inject": "enabled"]
        shop.declared = true
        let inventory = Inventory(workloads: [workload], namespaces: [shop])
        let server = """
            apiVersion: policy.linkerd.io/v1beta3
            kind: Server
            metadata: {name: api-8080, namespace: shop}
            spec: {podSelector: {matchLabels: {app: api}}, port: 8080, proxyProtocol: unknown, accessPolicy: deny}
            """
        let route = """
            ---
            apiVersion: policy.linkerd.io/v1beta3
            kind: HTTPRoute
            metadata: {name: items, namespace: shop}
            spec:
              parentRefs: [{group: policy.linkerd.io, kind: Server, name: api-8080}]
              rules: [{matches: [{path: {type: PathPrefix, value: /items}}]}]
            """
        let unrouted = LinkerdAccessModel(
            resources: try YAMLReader().read(server).map(\.root), inventory: inventory,
            installation: LinkerdAdapter().installation)
        #expect(unrouted.allows(Self.request(from: nil, "GET", "/ready")))
        #expect(unrouted.allows(Self.request(from: Self.web, "GET", "/ready?x=1")))
        #expect(!unrouted.allows(Self.request(from: Self.web, "POST", "/ready")))
        #expect(!unrouted.allows(Self.request(from: Self.web, "GET", "/ready/x")))
        #expect(!unrouted.allows(Self.request(from: Self.web, "GET", "/live")))
        #expect(unrouted.allows(Self.request(from: Self.web, port: 9090, "GET", "/live")))
        #expect(!unrouted.allows(Self.request(from: Self.web, port: 9090, "GET", "/")))
        let routed = LinkerdAccessModel(
            resources: try YAMLReader().read(server + "\n" + route).map(\.root), inventory: inventory,
            installation: LinkerdAdapter().installation)
        #expect(!routed.allows(Self.request(from: nil, "GET", "/ready")))
        #expect(routed.allows(Self.request(from: nil, port: 9090, "GET", "/live")))
    }

    /// With `--allow-probes`, the probe routes admit the probes' requests from any client and
    /// nothing else; a TCP grant keeps every HTTP request of its clients through the catch-all
    /// route the probe route makes necessary.
    ///
    /// Without it, the same probes are refused where Linkerd refuses them.
    @Test func allowedProbesAdmitTheProbesAlone() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/59-allow-probes")
        let documents = try YAMLReader().read(
            String(contentsOf: folder.appendingPathComponent("input.yaml"), encoding: .utf8))
        let inventory = Inventory(manifests: documents)
        func model(allowingProbes: Bool) throws -> LinkerdAccessModel {
            let adapter = LinkerdAdapter(configuration: LinkerdConfiguration(allowsProbes: allowingProbes))
            let rendering = adapter.render(SMIBundle(documents), inventory: inventory, options: RenderOptions())
            return LinkerdAccessModel(
                resources: try YAMLReader().read(rendering.yaml()).map(\.root), inventory: inventory,
                installation: LinkerdAdapter().installation)
        }
        let worker = AccessRequest.Identity(namespace: "shop", serviceAccount: "worker")
        let check = "/grpc.health.v1.Health/Check"
        let allowing = try model(allowingProbes: true)
        #expect(allowing.allows(Self.request(from: nil, "GET", "/ready")))
        #expect(!allowing.allows(Self.request(from: nil, "GET", "/items")))
        #expect(allowing.allows(Self.request(from: Self.web, "GET", "/items")))
        #expect(!allowing.allows(Self.request(from: nil, "POST", "/ready")))
        #expect(!allowing.allows(Self.request(from: Self.web, "GET", "/other")))
        #expect(allowing.allows(Self.request(from: nil, to: Self.web, "POST", check)))
        #expect(!allowing.allows(Self.request(from: nil, to: Self.web, "GET", check)))
        #expect(!allowing.allows(Self.request(from: Self.api, to: Self.web, "POST", "/")))
        #expect(allowing.allows(Self.request(from: nil, to: worker, port: 7000, "POST", check)))
        #expect(allowing.allows(Self.request(from: Self.api, to: worker, port: 7000, "GET", "/jobs")))
        #expect(!allowing.allows(Self.request(from: Self.web, to: worker, port: 7000, "GET", "/jobs")))
        let refusing = try model(allowingProbes: false)
        #expect(!refusing.allows(Self.request(from: nil, "GET", "/ready")))
        #expect(!refusing.allows(Self.request(from: nil, to: Self.web, "POST", check)))
        #expect(refusing.allows(Self.request(from: Self.api, to: worker, port: 7000, "GET", "/jobs")))
    }
}
