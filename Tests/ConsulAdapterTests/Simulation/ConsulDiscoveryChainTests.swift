import ConsulAdapter
import ConsulSimulation
import SMICore
import Testing

/// The discovery chain model follows Consul's compiler: a split without a subset takes the
/// next service's splitter, a split with one stops at the resolver, and a router's path
/// prefix reads the query too (Envoy's route `prefix` matches `:path`); entries Consul or
/// consul-k8s would refuse take no part.
@Suite struct ConsulDiscoveryChainTests {
    static let entries = """
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceSplitter
        metadata: {name: api, namespace: shop}
        spec:
          splits:
          - {weight: 50, service: api-v1}
          - {weight: 50, service: api-v2}
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceSplitter
        metadata: {name: api-v2, namespace: shop}
        spec:
          splits:
          - {weight: 20}
          - {weight: 80, service: api-v3}
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceRouter
        metadata: {name: web, namespace: shop}
        spec:
          routes:
          - match: {http: {pathPrefix: "/q?x"}}
            destination: {service: api}
          - match: {http: {pathExact: /v2}}
            destination: {service: api-v2, serviceSubset: every}
        ---
        apiVersion: consul.hashicorp.com/v1alpha1
        kind: ServiceResolver
        metadata: {name: api-v2, namespace: shop}
        spec:
          subsets:
            every: {filter: ""}
        """

    static func shares(_ service: String, _ path: String, _ text: String = entries) throws -> [String: Double] {
        let chain = ConsulDiscoveryChain(resources: try YAMLReader().read(text).map(\.root), cluster: ConsulCluster())
        let request = AccessRequest(
            source: nil, destination: .init(namespace: "shop", serviceAccount: "web"), port: 80, protocol: .http,
            method: "GET", path: path)
        var out: [String: Double] = [:]
        for (target, share) in chain.shares(of: .init(namespace: nil, name: service), for: request) {
            out[target.service.name + (target.subset.map { "/" + $0 } ?? ""), default: 0] += share
        }
        return out
    }

    @Test func nestedSplittersAreFollowedUnlessASubsetIsNamed() throws {
        #expect(try Self.shares("api", "/") == ["api-v1": 0.5, "api-v2": 0.1, "api-v3": 0.4])
        let bypassing = Self.entries.replacingOccurrences(
            of: "{weight: 50, service: api-v2}", with: "{weight: 50, service: api-v2, serviceSubset: every}")
        #expect(try Self.shares("api", "/", bypassing) == ["api-v1": 0.5, "api-v2/every": 0.5])
    }

    @Test func routerPrefixesReadTheQuery() throws {
        #expect(try Self.shares("web", "/q?x=1") == ["api-v1": 0.5, "api-v2": 0.1, "api-v3": 0.4])
        #expect(try Self.shares("web", "/q") == ["web": 1])
        #expect(try Self.shares("web", "/v2?y") == ["api-v2/every": 1])
    }

    /// A splitter whose weights add up, as float32 in list order, to anything but exactly 100
    /// is refused by consul-k8s: requests then go to the service itself.
    @Test func aSplitterTheWebhookRefusesTakesNoPart() throws {
        let splitter = { (weights: [String]) in
            """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceSplitter
            metadata: {name: api, namespace: shop}
            spec:
              splits:
            \(weights.enumerated().map { "  - {weight: \($1), service: api-v\($0 + 1)}" }.joined(separator: "\n"))
            """
        }
        #expect(try Self.shares("api", "/", splitter(["9.09", "72.73", "18.18"])) == ["api": 1])
        let admitted = try Self.shares("api", "/", splitter(["18.18", "72.73", "9.09"]))
        #expect(admitted.keys.sorted() == ["api-v1", "api-v2", "api-v3"])
    }

    /// A resolver subset's filter is go-bexpr: a key with `-` must be an index, or Consul
    /// refuses the resolver, and then the splitter that names its subset too (its chain would
    /// not compile): requests stay on the service.
    ///
    /// The subset reaches the instances its filter selects.
    @Test func subsetFiltersAreReadAsGoBexprReadsThem() throws {
        let entries = { (filter: String) in
            """
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceSplitter
            metadata: {name: api, namespace: shop}
            spec:
              splits:
              - {weight: 90, serviceSubset: v1}
              - {weight: 10, serviceSubset: v2}
            ---
            apiVersion: consul.hashicorp.com/v1alpha1
            kind: ServiceResolver
            metadata: {name: api, namespace: shop}
            spec:
              subsets:
                v1: {filter: '\(filter) == "v1"'}
                v2: {filter: '\(filter) == "v2"'}
            """
        }
        #expect(try Self.shares("api", "/", entries("Service.Meta[\"app-version\"]")) == ["api/v1": 0.9, "api/v2": 0.1])
        #expect(try Self.shares("api", "/", entries("Service.Meta.app-version")) == ["api": 1])
        let chain = ConsulDiscoveryChain(
            resources: try YAMLReader().read(entries("Service.Meta[\"app-version\"]")).map(\.root),
            cluster: ConsulCluster())
        let v1 = ConsulDiscoveryChain.Target(service: .init(namespace: nil, name: "api"), subset: "v1")
        #expect(chain.reaches(v1, ConsulInstance(service: "api", meta: ["app-version": "v1"])))
        #expect(!chain.reaches(v1, ConsulInstance(service: "api", meta: ["app-version": "v2"])))
        #expect(!chain.reaches(v1, ConsulInstance(service: "api")))
        #expect(!chain.reaches(v1, ConsulInstance(service: "web", meta: ["app-version": "v1"])))
    }
}
