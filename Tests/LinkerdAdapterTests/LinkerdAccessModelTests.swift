import LinkerdAdapter
import SMICore
import Testing

/// The Linkerd model decides as Linkerd's policy controller does (Linkerd notes 3, step 2),
/// not stricter: a Server's `accessPolicy` and AuthorizationPolicies on its Namespace admit
/// requests on their own.
@Suite struct LinkerdAccessModelTests {
    static let inventory = Inventory(
        workloads: [
            .init(
                kind: "Deployment", namespace: "shop", name: "api", serviceAccount: "api", podLabels: ["app": "api"],
                ports: [.init(port: 8080)])
        ], namespaces: [.init(name: "shop")])

    static func model(_ yaml: String) throws -> LinkerdAccessModel {
        LinkerdAccessModel(resources: try YAMLReader().read(yaml).map(\.root), inventory: inventory)
    }

    static func server(accessPolicy: String) -> String {
        """
        apiVersion: policy.linkerd.io/v1beta3
        kind: Server
        metadata: {name: api-8080, namespace: shop}
        spec: {podSelector: {matchLabels: {app: api}}, port: 8080, proxyProtocol: unknown, accessPolicy: \(accessPolicy)}
        """
    }

    static func request(from source: AccessRequest.Identity?) -> AccessRequest {
        AccessRequest(
            source: source, destination: .init(namespace: "shop", serviceAccount: "api"), port: 8080, protocol: .http,
            method: "GET", path: "/")
    }

    @Test(arguments: [
        ("deny", false, false), ("all-unauthenticated", true, true), ("audit", true, true),
        ("all-authenticated", true, false),
        ("cluster-authenticated", true, false), ("cluster-unauthenticated", true, true), ("unparsable", false, false)
    ])
    func accessPolicyAdmitsOnItsOwn(policy: String, identified: Bool, anonymous: Bool) throws {
        let model = try Self.model(Self.server(accessPolicy: policy))
        #expect(model.allows(Self.request(from: .init(namespace: "shop", serviceAccount: "web"))) == identified)
        #expect(model.allows(Self.request(from: nil)) == anonymous)
    }

    @Test func namespaceTargetedPolicyAdmitsOnEveryServerOfIt() throws {
        let model = try Self.model(
            Self.server(accessPolicy: "deny") + """

                ---
                apiVersion: policy.linkerd.io/v1alpha1
                kind: AuthorizationPolicy
                metadata: {name: whole-namespace, namespace: shop}
                spec:
                  targetRef: {group: core, kind: Namespace, name: shop}
                  requiredAuthenticationRefs: [{group: policy.linkerd.io, kind: MeshTLSAuthentication, name: web}]
                ---
                apiVersion: policy.linkerd.io/v1alpha1
                kind: MeshTLSAuthentication
                metadata: {name: web, namespace: shop}
                spec: {identityRefs: [{kind: ServiceAccount, name: web, namespace: shop}]}
                """)
        #expect(model.allows(Self.request(from: .init(namespace: "shop", serviceAccount: "web"))))
        #expect(!model.allows(Self.request(from: .init(namespace: "shop", serviceAccount: "db"))))
    }
}
