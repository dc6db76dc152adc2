import IstioAdapter
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
        IstioAccessModel(resources: try YAMLReader().read(yaml).map(\.root), inventory: inventory)
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
}
