import SMICore
import Testing

@Suite struct MetricsQueryTests {
    static func trafficMetrics(_ yaml: String) throws -> Metrics.TrafficMetrics {
        try ManifestDecoder().decode(Metrics.TrafficMetrics.self, from: try YAMLReader().read(yaml)[0].root)
    }

    @Test func readsTheQuestionOfATrafficMetricsObject() throws {
        let query = try MetricsQuery(
            Self.trafficMetrics(
                """
                apiVersion: metrics.smi-spec.io/v1alpha1
                kind: TrafficMetrics
                metadata: {name: web, namespace: shop}
                resource: {kind: Deployment, name: web}
                edge: {direction: to, resource: {kind: StatefulSet, namespace: data, name: db}}
                window: 1m30s
                """))
        #expect(query.resource == .init(kind: .deployment, namespace: "shop", name: "web"))
        #expect(query.edge == .init(direction: .to, peer: .init(kind: .statefulSet, namespace: "data", name: "db")))
        #expect(query.windowSeconds == 90)
    }

    @Test func anEmptyEdgeResourceMeansEveryPeerAndTheWindowDefaultsTo30s() throws {
        let query = try MetricsQuery(
            Self.trafficMetrics(
                """
                apiVersion: metrics.smi-spec.io/v1alpha1
                kind: TrafficMetrics
                metadata: {name: shop}
                resource: {kind: Namespace, name: shop}
                edge: {direction: from, resource: {}}
                """))
        #expect(query.resource == .init(kind: .namespace, namespace: "shop", name: "shop"))
        #expect(query.edge == .init(direction: .from, peer: nil))
        #expect(query.windowSeconds == 30)
    }

    @Test(arguments: [
        (
            "resource: {kind: Service, namespace: a, name: b}",
            "resource.kind: 'Service' is not one of Pod, Deployment, DaemonSet, StatefulSet, Namespace"
        ),
        (
            "resource: {kind: Pod, namespace: a, name: b}\nedge: {direction: sideways}",
            "edge.direction: 'sideways' is neither 'from' nor 'to'"
        ),
        (
            "resource: {kind: Pod, namespace: a, name: b}\nwindow: 500ms",
            "window: '500ms' is not a duration in whole seconds (like 30s or 1m30s)"
        ),
        (
            "resource: {kind: Pod, namespace: a, name: b}\nwindow: 0s",
            "window: '0s' is not a positive duration in whole seconds (like 30s or 1m30s)"
        ),
        ("resource: {kind: Pod, namespace: a}", "resource.name: missing")
    ])
    func refusesQuestionsItCannotAsk(body: String, message: String) throws {
        let metrics = try Self.trafficMetrics(
            "apiVersion: metrics.smi-spec.io/v1alpha1\nkind: TrafficMetrics\nmetadata: {name: x}\n" + body)
        #expect(throws: MetricsQuery.Problem(description: message)) { try MetricsQuery(metrics) }
    }

    /// v1alpha2's `edge.side` is read (D24 accepts it under both versions); another value
    /// is a problem, not a guess.
    @Test func readsTheSideOfAnEdge() throws {
        func query(_ side: String) throws -> MetricsQuery {
            try MetricsQuery(
                Self.trafficMetrics(
                    """
                    apiVersion: metrics.smi-spec.io/v1alpha2
                    kind: TrafficMetrics
                    metadata: {name: web, namespace: shop}
                    resource: {kind: Deployment, name: web}
                    edge: {direction: to, side: \(side), resource: {}}
                    """))
        }
        #expect(try query("server").edge == .init(direction: .to, peer: nil, side: .server))
        #expect(try query("client").edge?.side == .client)
        #expect(throws: MetricsQuery.Problem.self) { try query("proxy") }
    }
}
