import ConsulAdapter
import SMICore
import Testing

/// The Consul model decides as a consul-k8s cluster does: of two ServiceIntentions for one
/// destination, the admission webhook admits only the first applied.
@Suite struct ConsulAccessModelTests {
    static let inventory = Inventory(
        workloads: ["api", "web"].map {
            .init(
                kind: "Deployment", namespace: "shop", name: $0, serviceAccount: $0, podLabels: ["app": $0],
                ports: [.init(port: 8080)])
        }, namespaces: [.init(name: "shop")])

    static func intentions(_ name: String, allowing source: String) -> String {
        """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceIntentions
        metadata: {name: \(name), namespace: shop}
        spec:
          destination: {name: api}
          sources: [{name: \(source), action: allow}, {name: "*", action: deny}]
        """
    }

    @Test func onlyTheFirstServiceIntentionsOfADestinationIsAdmitted() throws {
        let yaml = Self.intentions("first", allowing: "db") + "\n---\n" + Self.intentions("second", allowing: "web")
        let model = ConsulAccessModel(
            resources: try YAMLReader().read(yaml).map(\.root), inventory: Self.inventory,
            configuration: ConsulConfiguration(injectedByDefault: true))
        let request = AccessRequest(
            source: .init(namespace: "shop", serviceAccount: "web"),
            destination: .init(namespace: "shop", serviceAccount: "api"),
            port: 8080, protocol: .tcp)
        #expect(!model.allows(request))
        let alone = ConsulAccessModel(
            resources: try YAMLReader().read(Self.intentions("second", allowing: "web")).map(\.root),
            inventory: Self.inventory, configuration: ConsulConfiguration(injectedByDefault: true))
        #expect(alone.allows(request))
    }
}
