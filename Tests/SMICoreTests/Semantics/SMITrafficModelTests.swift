import SMICore
import SMITestSupport
import Testing

@Suite struct SMITrafficModelTests {
    static let manifests = """
        apiVersion: split.smi-spec.io/v1alpha1
        kind: TrafficSplit
        metadata: {name: canary, namespace: shop}
        spec:
          service: web.shop.svc.cluster.local
          backends: [{service: web-v1, weight: 1}, {service: web-v2, weight: 500m}, {service: web-v3, weight: 0}]
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: {name: beta-users, namespace: shop}
        spec: {matches: [{name: beta, headers: [{x-beta: "true"}]}]}
        ---
        apiVersion: split.smi-spec.io/v1alpha4
        kind: TrafficSplit
        metadata: {name: beta, namespace: shop}
        spec:
          service: api
          backends: [{service: api-v1, weight: 0}, {service: api-v2, weight: 100}]
          matches: [{kind: HTTPRouteGroup, name: beta-users}]
        ---
        apiVersion: split.smi-spec.io/v1alpha4
        kind: TrafficSplit
        metadata: {name: broken, namespace: shop}
        spec:
          service: db
          backends: [{service: db-v1, weight: 0}]
        """

    func model() throws -> SMITrafficModel {
        SMITrafficModel(SMIBundle(try YAMLReader().read(Self.manifests)))
    }

    func request(headers: [String: [String]]? = nil) -> AccessRequest {
        AccessRequest(
            source: .init(namespace: "shop", serviceAccount: "web"),
            destination: .init(namespace: "shop", serviceAccount: "api"),
            port: 80, protocol: .http, method: "GET", path: "/", headers: headers)
    }

    @Test func sharesAreExactFromQuantityWeights() throws {
        let shares: [SMITrafficModel.Share] = [
            .init(service: "web-v1", numerator: 2, denominator: 3),
            .init(service: "web-v2", numerator: 1, denominator: 3),
            .init(service: "web-v3", numerator: 0, denominator: 1)
        ]
        #expect(
            try model().route(service: "web", namespace: "shop")
                == .split(.init(namespace: "shop", name: "canary"), shares))
    }

    @Test func matchedSplitsApplyOnlyToMatchingRequests() throws {
        let model = try model()
        guard
            case let .split(_, shares) = model.route(
                service: "api", namespace: "shop", request: request(headers: ["X-Beta": ["true"]]))
        else {
            Issue.record("not split")
            return
        }
        #expect(shares.map(\.description) == ["api-v1 0/1", "api-v2 1/1"])
        #expect(
            model.route(service: "api", namespace: "shop", request: request())
                == .root("the request matches none of the route groups of TrafficSplit shop/beta"))
    }

    @Test func invalidSplitsAndOtherServicesGoToTheRoot() throws {
        let model = try model()
        #expect(
            model.route(service: "db", namespace: "shop")
                == .root("TrafficSplit shop/broken has errors and is not used"))
        #expect(model.route(service: "web", namespace: "other") == .root("no TrafficSplit has root Service other/web"))
    }
}

extension SMITrafficModelTests {
    /// Splits that share a root Service, written by name or by FQDN and in any order: none
    /// of them is used (D21), and a split of another root in between still is.
    @Test func everySplitOfASharedRootIsUnused() throws {
        func split(_ name: String, _ service: String) -> String {
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: \(name), namespace: shop}\nspec: {service: \(service), backends: [{service: b, weight: 1}]}\n"
        }
        let yaml = [
            split("c", "web"), split("a", "api"), split("b", "web.shop.svc.cluster.local"), split("d", "db"),
            split("e", "web")
        ].joined(separator: "---\n")
        let model = SMITrafficModel(SMIBundle(try YAMLReader().read(yaml)))
        let used = ["a", "b", "c", "d", "e"].filter { model.isUsed(SMIBundle.Key(namespace: "shop", name: $0)) }
        #expect(used == ["a", "d"])
    }
}
