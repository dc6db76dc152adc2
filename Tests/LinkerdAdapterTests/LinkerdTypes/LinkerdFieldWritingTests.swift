@testable import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

/// Linkerd's resources are written field by field; that must read back as the same values, for
/// every field set and for none.
@Suite struct LinkerdFieldWritingTests {
    static let metadata = ObjectMeta(
        name: "web", namespace: "shop", labels: ["app": "web"], annotations: ["note": "on: two"])

    @Test func everyFieldIsWrittenAsItIsRead() {
        let match = Linkerd.PolicyV1Beta3.HTTPRoute.Match(
            path: .init(type: "RegularExpression", value: "/api(/.*)?"),
            headers: [
                .init(name: "x-tenant", type: "Exact", value: "t1"),
                .init(name: "cookie", type: "RegularExpression", value: ".*")
            ],
            method: "GET")
        let route = Linkerd.PolicyV1Beta3.HTTPRoute(
            metadata: Self.metadata,
            spec: .init(
                parentRefs: [
                    .init(group: "policy.linkerd.io", kind: "Server", name: "web-80", port: 80),
                    .init(group: "core", kind: "Service", name: "web")
                ],
                rules: [
                    .init(
                        matches: [match, .init()],
                        backendRefs: [
                            .init(group: "core", kind: "Service", name: "web-v1", port: 80, weight: 90),
                            .init(group: "core", kind: "Service", name: "web-v2", port: 80, weight: nil)
                        ]),
                    .init(matches: [])
                ]))
        var server = Linkerd.PolicyV1Beta3.Server(
            metadata: Self.metadata, selector: ["app": "web", "version": "v1"], port: 8080)
        server.spec.accessPolicy = "deny"
        let resources: [any KubernetesResource & Decodable & Equatable] = [
            route, server, Linkerd.PolicyV1Beta3.Server(metadata: Self.metadata, selector: [:], port: 1),
            Linkerd.PolicyV1Beta3.Server(
                metadata: Self.metadata,
                selector: LabelSelector(
                    matchLabels: ["app": "web"],
                    matchExpressions: [
                        .init(key: "track", operator: "NotIn", values: ["canary", "beta"]),
                        .init(key: "tier", operator: "Exists")
                    ]), port: 80),
            Linkerd.PolicyV1Alpha1.NetworkAuthentication(
                metadata: Self.metadata, networks: Linkerd.PolicyV1Alpha1.NetworkAuthentication.everyNetwork),
            Linkerd.PolicyV1Alpha1.AuthorizationPolicy(
                metadata: Self.metadata, target: .init(kind: "HTTPRoute", name: "web"), authentication: "web-clients"),
            Linkerd.PolicyV1Alpha1.MeshTLSAuthentication(
                metadata: Self.metadata,
                identities: [.init(namespace: "shop", name: "web"), .init(namespace: "ops", name: "prom")]),
            Linkerd.PolicyV1Alpha1.MeshTLSAuthentication(metadata: Self.metadata, identities: []),
            Linkerd.V1Alpha2.ServiceProfile(
                metadata: Self.metadata, overrides: [.init(authority: "web-v1.shop.svc.cluster.local:80", weight: 900)]),
            Linkerd.V1Alpha2.ServiceProfile(metadata: ObjectMeta(name: "bare"), overrides: [])
        ]
        #expect(FieldWriting.mismatches(resources) == [])
        #expect(
            FieldWriting.fieldsNeverSet(in: resources, checkedElsewhere: [ObjectMeta.self]) == [],
            "set every field, so that each is compared")
    }
}
