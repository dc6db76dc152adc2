import ConsulAdapter
import ConsulSimulation
import SMICore
import Testing

/// The Consul model decides as a consul-k8s cluster does: of two ServiceIntentions for one
/// destination, the admission webhook admits only the first applied; permissive mutual TLS
/// lets plaintext from outside the mesh past the intentions.
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
            cluster: ConsulCluster(injectedByDefault: true))
        let request = AccessRequest(
            source: .init(namespace: "shop", serviceAccount: "web"),
            destination: .init(namespace: "shop", serviceAccount: "api"),
            port: 8080, protocol: .tcp)
        #expect(!model.allows(request))
        let alone = ConsulAccessModel(
            resources: try YAMLReader().read(Self.intentions("second", allowing: "web")).map(\.root),
            inventory: Self.inventory, cluster: ConsulCluster(injectedByDefault: true))
        #expect(alone.allows(request))
    }

    /// A client outside the mesh reaches a permissive service whatever its intentions say, and
    /// a strict one (our rendering's) not at all; a meshed client is decided by intentions in
    /// both.
    @Test func permissiveMutualTLSAdmitsPlaintextPastIntentions() throws {
        func model(_ mode: String) throws -> ConsulAccessModel {
            let yaml =
                Self.intentions("only", allowing: "db") + """

                    ---
                    apiVersion: consul.hashicorp.com/v1alpha1
                    kind: ServiceDefaults
                    metadata: {name: api, namespace: shop}
                    spec: {protocol: tcp, mutualTLSMode: \(mode)}
                    """
            return ConsulAccessModel(
                resources: try YAMLReader().read(yaml).map(\.root), inventory: Self.inventory,
                cluster: ConsulCluster(injectedByDefault: true))
        }
        let destination = AccessRequest.Identity(namespace: "shop", serviceAccount: "api")
        let plaintext = AccessRequest(source: nil, destination: destination, port: 8080, protocol: .tcp)
        let meshed = AccessRequest(
            source: .init(namespace: "shop", serviceAccount: "web"), destination: destination, port: 8080,
            protocol: .tcp)
        #expect(try model("permissive").allows(plaintext))
        #expect(try !model("strict").allows(plaintext))
        #expect(try !model("permissive").allows(meshed))
    }

    /// A source description over 512 bytes (Go's len) makes Consul refuse the whole entry: the
    /// destination keeps the default, here allow, so the model must not enforce it.
    @Test func anEntryWithAnOverlongDescriptionIsRefused() throws {
        func model(description: String) throws -> ConsulAccessModel {
            let yaml = Self.intentions("api", allowing: "db").replacingOccurrences(
                of: "action: deny}", with: "action: deny, description: \"\(description)\"}")
            return ConsulAccessModel(
                resources: try YAMLReader().read(yaml).map(\.root), inventory: Self.inventory,
                cluster: ConsulCluster(injectedByDefault: true))
        }
        let request = AccessRequest(
            source: .init(namespace: "shop", serviceAccount: "web"),
            destination: .init(namespace: "shop", serviceAccount: "api"), port: 8080, protocol: .tcp)
        #expect(try !model(description: String(repeating: "é", count: 256)).allows(request))
        #expect(try model(description: String(repeating: "é", count: 257)).allows(request))
    }
}
