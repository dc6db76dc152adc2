@testable import ConsulAdapter
import SMICore
import SMITestSupport
import Testing

/// consul-k8s refuses a whole ServiceIntentions when one source's description is over 512
/// characters: twelve TrafficTargets granting one source went over it.
@Suite struct ConsulLimitsTests {
    @Test func descriptionsStayWithinTheLimit() {
        let short = ["TrafficTarget shop/a", "TrafficTarget shop/b"]
        #expect(ConsulAccessTranslator.describing(short) == "SMI TrafficTarget shop/a, TrafficTarget shop/b")
        let many = (0..<40).map { "TrafficTarget shop/a-rather-long-traffic-target-name-\($0)" }
        let text = ConsulAccessTranslator.describing(many)
        #expect(
            text.count <= 512 && text.hasPrefix("SMI TrafficTarget shop/a-rather")
                && text.hasSuffix("more TrafficTargets"), "\(text)")
    }

    @Test func aRenderingOfManyTargetsForOneSourceIsAdmitted() throws {
        var text = """
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {serviceAccountName: api, containers: [{name: api, ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {serviceAccountName: web, containers: [{name: web}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: api, namespace: shop}
            spec: {matches: {ports: [8080]}}

            """
        for index in 0..<20 {
            text += """
                ---
                apiVersion: access.smi-spec.io/v1alpha3
                kind: TrafficTarget
                metadata: {name: web-to-api-granted-by-team-number-\(index), namespace: shop}
                spec:
                  destination: {kind: ServiceAccount, name: api, namespace: shop}
                  rules: [{kind: TCPRoute, name: api}]
                  sources: [{kind: ServiceAccount, name: web, namespace: shop}]

                """
        }
        let documents = try YAMLReader().read(text)
        let adapter = ConsulAdapter(configuration: ConsulConfiguration(injectedByDefault: true))
        let rendering = adapter.render(
            SMIBundle(documents), inventory: Inventory(manifests: documents), options: RenderOptions())
        let descriptions = try YAMLReader().read(rendering.yaml()).flatMap {
            $0.root.node(at: "spec.sources")?.value.sequenceValue ?? []
        }
        .compactMap { $0.node(at: "description")?.value.stringValue }
        #expect(descriptions.contains { $0.hasSuffix("more TrafficTargets") })
        #expect(descriptions.allSatisfy { $0.count <= 512 }, "\(descriptions.map(\.count))")
    }
}
