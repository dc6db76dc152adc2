import Foundation
import IstioAdapter
import IstioSimulation
import SMICore
import Testing

/// The Istio model decides as Istio does, not stricter: a policy in the root namespace applies
/// in every namespace, and an empty list is an unset field that restricts nothing.
@Suite struct IstioAccessModelTests {
    static let inventory = Inventory(
        workloads: [
            .init(
                kind: "Deployment", namespace: "shop", name: "api", serviceAccount: "api", podLabels: ["app": "api"],
                ports: [.init(port: 8080)])
        ], namespaces: [.init(name: "shop", labels: ["istio-injection": "enabled"])])

    static func request(_ method: String = "GET") -> AccessRequest {
        AccessRequest(
            source: .init(namespace: "shop", serviceAccount: "web"),
            destination: .init(namespace: "shop", serviceAccount: "api"),
            port: 8080, protocol: .http, method: method, path: "/items")
    }

    static func model(_ yaml: String) throws -> IstioAccessModel {
        IstioAccessModel(
            resources: try YAMLReader().read(yaml).map(\.root), inventory: inventory,
            installation: IstioAdapter().installation)
    }

    @Test func rootNamespacePolicyAppliesEverywhere() throws {
        let denyAll = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: allow-nothing, namespace: istio-system}
            spec: {}
            """
        #expect(try Self.model("").allows(Self.request()))
        #expect(try !Self.model(denyAll).allows(Self.request()))
    }

    @Test func emptyListsRestrictNothing() throws {
        let policy = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: allow-gets, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              action: ALLOW
              rules:
              - from: [{source: {principals: []}}]
                to: [{operation: {methods: [GET], paths: [], ports: []}}]
            """
        let model = try Self.model(policy)
        #expect(model.allows(Self.request("GET")))
        #expect(!model.allows(Self.request("POST")))
    }

    /// In ambient mode ztunnel guards the pod: an ALLOW rule with HTTP attributes never
    /// matches, an L4 rule does as in a sidecar, and a DENY rule loses its HTTP attributes (so
    /// it denies more); a pod labelled `none` keeps out of ambient.
    @Test func ztunnelOmitsHTTPRulesOfAllowPolicies() throws {
        let policies = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: grants, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              action: ALLOW
              rules:
              - from: [{source: {principals: [cluster.local/ns/shop/sa/web]}}]
                to: [{operation: {methods: [GET]}}]
              - from: [{source: {principals: [cluster.local/ns/shop/sa/db]}}]
                to: [{operation: {ports: ["8080"]}}]
            """
        func model(namespace: StringMap, pod: StringMap = [:], _ yaml: String) throws -> IstioAccessModel {
            var workload = Self.inventory.workloads[0]
            for (key, value) in pod { workload.podLabels[key] = value }
            let inventory = Inventory(workloads: [workload], namespaces: [.init(name: "shop", labels: namespace)])
            return IstioAccessModel(
                resources: try YAMLReader().read(yaml).map(\.root), inventory: inventory,
                installation: IstioAdapter().installation)
        }
        var fromDB = Self.request()
        fromDB.source = .init(namespace: "shop", serviceAccount: "db")
        let sidecar = try model(namespace: ["istio-injection": "enabled"], policies)
        #expect(sidecar.allows(Self.request()) && sidecar.allows(fromDB))
        let ambient = try model(namespace: ["istio.io/dataplane-mode": "ambient"], policies)
        #expect(!ambient.allows(Self.request()) && ambient.allows(fromDB))
        let optedOut = try model(
            namespace: ["istio.io/dataplane-mode": "ambient", "istio-injection": "enabled"],
            pod: ["istio.io/dataplane-mode": "none"], policies)
        #expect(optedOut.allows(Self.request()))
        let deny = """
            apiVersion: security.istio.io/v1
            kind: AuthorizationPolicy
            metadata: {name: no-posts, namespace: shop}
            spec:
              action: DENY
              rules: [{to: [{operation: {methods: [POST]}}]}]
            """
        #expect(try model(namespace: ["istio-injection": "enabled"], deny).allows(Self.request("GET")))
        #expect(try !model(namespace: ["istio.io/dataplane-mode": "ambient"], deny).allows(Self.request("GET")))
    }

    /// Through a waypoint, the policies targeting the Service decide with the client's
    /// identity and the pod's ztunnel sees the waypoint's: golden 58 admits web's GET /items
    /// only through the waypoint, and with its waypoint policies gone every client gets
    /// through, since the pods admit the waypoint.
    @Test func waypointsDecideWithTheClientsIdentity() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Golden/58-ambient-waypoint")
        let input = try YAMLReader().read(
            String(contentsOf: folder.appendingPathComponent("input.yaml"), encoding: .utf8))
        let inventory = Inventory(manifests: input)
        let rendered = try YAMLReader().read(
            String(contentsOf: folder.appendingPathComponent("istio.yaml"), encoding: .utf8)
        ).map(\.root)
        func request(from source: String, _ method: String, _ path: String) -> AccessRequest {
            AccessRequest(
                source: .init(namespace: "shop", serviceAccount: source),
                destination: .init(namespace: "shop", serviceAccount: "api"), port: 8080, protocol: .http,
                method: method, path: path)
        }
        let model = IstioAccessModel(
            resources: rendered, inventory: inventory, installation: IstioAdapter().installation)
        #expect(model.allows(request(from: "web", "GET", "/items/1")))
        #expect(!model.allows(request(from: "web", "POST", "/items/1")))
        #expect(!model.allows(request(from: "ops", "GET", "/items/1")))
        #expect(model.allows(request(from: "db", "POST", "/x")))
        var direct = inventory
        direct.services = []
        #expect(
            !IstioAccessModel(resources: rendered, inventory: direct, installation: IstioAdapter().installation).allows(
                request(from: "web", "GET", "/items")))
        let podsOnly = rendered.filter { $0.node(at: "spec.targetRefs") == nil }
        #expect(
            IstioAccessModel(resources: podsOnly, inventory: inventory, installation: IstioAdapter().installation)
                .allows(request(from: "ops", "GET", "/x")))
    }
}
