import IstioAdapter
import SMICore
import SMITestSupport
import Testing

/// Istio's resources are written field by field; that must read back as the same values, for every
/// field set and for none.
@Suite struct IstioFieldWritingTests {
    static let metadata = ObjectMeta(
        name: "web", namespace: "shop", labels: ["app": "web", "tier": "front"], annotations: ["note": "yes"])

    static var fullVirtualService: Istio.NetworkingV1.VirtualService {
        let destination = Istio.NetworkingV1.VirtualService.RouteDestination(
            destination: .init(host: "web-v1.shop.svc.cluster.local", port: 8080), weight: 90)
        let match = Istio.NetworkingV1.VirtualService.HTTPMatchRequest(
            uri: .regex("/api(/.*)?"), method: .exact("GET"),
            headers: ["x-tenant": .regex("t[0-9]"), "cookie": .exact("beta=1"), "accept": .exact("application/json")],
            port: 80)
        return Istio.NetworkingV1.VirtualService(
            metadata: metadata,
            spec: .init(
                hosts: ["web.shop.svc.cluster.local", "web"],
                http: [
                    .init(
                        name: "split", match: [match, .init()],
                        route: [destination, .init(destination: .init(host: "web-v2"))])
                ],
                tcp: [.init(match: [.init(port: 9090), .init(port: nil)], route: [destination])]))
    }

    static var fullAuthorizationPolicy: Istio.SecurityV1.AuthorizationPolicy {
        let rule = Istio.SecurityV1.AuthorizationPolicy.Rule(
            from: [
                .init(source: .init(principals: ["cluster.local/ns/shop/sa/web"])),
                .init(source: .init(principals: nil))
            ],
            to: [
                .init(operation: .init(ports: ["80"], methods: ["GET", "POST"], paths: ["/api/*"])),
                .init(operation: .init())
            ],
            when: [.init(key: "request.headers[x-tenant]", values: ["t1", "t2"])])
        return Istio.SecurityV1.AuthorizationPolicy(
            metadata: metadata,
            spec: .init(selector: .init(matchLabels: ["app": "web"]), action: "ALLOW", rules: [rule, .init()]))
    }

    /// A waypoint policy: `targetRefs` instead of a selector (the CRD takes one of them).
    static var waypointAuthorizationPolicy: Istio.SecurityV1.AuthorizationPolicy {
        Istio.SecurityV1.AuthorizationPolicy(
            metadata: metadata, spec: .init(targetRefs: [.init(service: "web")], action: "ALLOW", rules: [.init()]))
    }

    @Test func everyFieldIsWrittenAsItIsRead() {
        #expect(
            FieldWriting.mismatches([
                Self.fullVirtualService, Self.fullAuthorizationPolicy, Self.waypointAuthorizationPolicy
            ]) == [])
        #expect(
            FieldWriting.fieldsNeverSet(
                in: [Self.fullVirtualService, Self.fullAuthorizationPolicy, Self.waypointAuthorizationPolicy],
                checkedElsewhere: [ObjectMeta.self]) == [],
            "set every field, so that each is compared")
    }

    @Test func absentAndEmptyFieldsAreWrittenAsTheyAreRead() {
        let bare = ObjectMeta(name: "web")
        let emptyLists = Istio.NetworkingV1.VirtualService(metadata: bare, spec: .init(hosts: [], http: [], tcp: []))
        let emptyMaps = Istio.NetworkingV1.VirtualService(
            metadata: ObjectMeta(name: "web", labels: [:]),
            spec: .init(hosts: ["web"], http: [.init(match: [.init(headers: [:])], route: [])]))
        let empty = Istio.SecurityV1.AuthorizationPolicy(metadata: bare, spec: .init())
        let emptySelector = Istio.SecurityV1.AuthorizationPolicy(
            metadata: bare, spec: .init(selector: .init(matchLabels: [:]), rules: []))
        #expect(FieldWriting.mismatches([emptyLists, emptyMaps, empty, emptySelector]) == [])
    }
}
