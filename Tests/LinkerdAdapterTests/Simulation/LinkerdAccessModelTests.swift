import LinkerdAdapter
import LinkerdSimulation
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
        LinkerdAccessModel(
            resources: try YAMLReader().read(yaml).map(\.root), inventory: inventory,
            installation: LinkerdAdapter().installation)
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

    /// A port without a Server takes the pod's default policy: its annotation, else its
    /// Namespace's, else the cluster's.
    @Test func portsWithoutAServerTakeThePodsDefaultPolicy() throws {
        func model(cluster: String, namespace: String?, pod: String?) -> LinkerdAccessModel {
            var workload = Self.inventory.workloads[0]
            workload.podAnnotations = pod.map { ["config.linkerd.io/default-inbound-policy": $0] } ?? [:]
            var shop = Inventory.Namespace(name: "shop")
            shop.annotations = ["linkerd.io/inject": "enabled"]
            if let namespace { shop.annotations["config.linkerd.io/default-inbound-policy"] = namespace }
            shop.declared = true
            return LinkerdAccessModel(
                resources: [], inventory: Inventory(workloads: [workload], namespaces: [shop]),
                installation: LinkerdAdapter().installation, defaultPolicy: cluster)
        }
        let meshed = Self.request(from: .init(namespace: "shop", serviceAccount: "web"))
        #expect(model(cluster: "all-unauthenticated", namespace: nil, pod: nil).allows(meshed))
        #expect(!model(cluster: "all-unauthenticated", namespace: "deny", pod: nil).allows(meshed))
        #expect(model(cluster: "deny", namespace: "deny", pod: "all-authenticated").allows(meshed))
        #expect(!model(cluster: "deny", namespace: "deny", pod: "all-authenticated").allows(Self.request(from: nil)))
        #expect(!model(cluster: "deny", namespace: nil, pod: nil).allows(meshed))
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
