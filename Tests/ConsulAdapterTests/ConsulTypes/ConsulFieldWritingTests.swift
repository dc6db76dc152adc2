@testable import ConsulAdapter
import SMICore
import SMITestSupport
import Testing

/// Consul's resources are written field by field; that must read back as the same values, for
/// every field set and for none.
@Suite struct ConsulFieldWritingTests {
    static let metadata = ObjectMeta(
        name: "web", namespace: "shop", labels: ["app": "web"], annotations: ["note": "yes"])

    @Test func everyFieldIsWrittenAsItIsRead() {
        let match = ConsulHTTPMatch(
            pathExact: "/a", pathPrefix: "/b", pathRegex: "/c.*", methods: ["GET", "PUT"],
            header: [.init(name: "x-tenant", present: true, regex: "t[0-9]"), .init(name: "y")])
        let intentions = Consul.V1Alpha1.ServiceIntentions(
            metadata: Self.metadata, destination: .init(name: "web", namespace: "shop"),
            sources: [
                .init(
                    name: "api", namespace: "shop", partition: "p1", action: "allow",
                    description: "SMI TrafficTarget shop/t",
                    permissions: [
                        .init(action: "allow", http: match), .init(action: "deny", http: .everyRequest),
                        .init(action: "deny", http: ConsulHTTPMatch())
                    ]),
                .init(name: "ops", namespace: nil, partition: nil)
            ])
        let router = Consul.V1Alpha1.ServiceRouter(
            metadata: Self.metadata,
            routes: [
                .init(
                    match: .init(http: match),
                    destination: .init(service: "web", serviceSubset: "v1", namespace: "shop")),
                .init(match: .init(http: ConsulHTTPMatch()), destination: .init(service: "web"))
            ])
        let splitter = Consul.V1Alpha1.ServiceSplitter(
            metadata: Self.metadata,
            splits: [
                .init(weight: ConsulWeight(hundredths: 3333), service: "web", serviceSubset: "v1", namespace: "shop"),
                .init(weight: ConsulWeight(hundredths: 6600)), .init(weight: ConsulWeight(hundredths: 0))
            ])
        let resources: [any KubernetesResource & Decodable & Equatable] = [
            intentions, router, splitter,
            Consul.V1Alpha1.ServiceIntentions(metadata: Self.metadata, destination: .init(name: "web"), sources: []),
            Consul.V1Alpha1.ServiceRouter(metadata: Self.metadata, routes: []),
            Consul.V1Alpha1.ServiceSplitter(metadata: Self.metadata, splits: []),
            Consul.V1Alpha1.ServiceDefaults(metadata: Self.metadata, protocol: "http"),
            Consul.V1Alpha1.ServiceDefaults(metadata: Self.metadata, protocol: nil),
            Consul.V1Alpha1.ServiceResolver(
                metadata: Self.metadata,
                subsets: [
                    (name: "v2", subset: .init(filter: "Service.Meta.version == v2")),
                    (name: "v1", subset: .init(filter: ""))
                ]),
            Consul.V1Alpha1.ServiceResolver(metadata: Self.metadata, subsets: [])
        ]
        #expect(FieldWriting.mismatches(resources) == [])
        #expect(
            FieldWriting.fieldsNeverSet(in: resources, checkedElsewhere: [ObjectMeta.self]) == [],
            "set every field, so that each is compared")
    }
}
