import IstioAdapter
import SMICore
import Testing

/// The queries of Istio notes 6.3, written out by hand for each shape of question.
@Suite struct IstioMetricsQueriesTests {
    static func queries(_ query: MetricsQuery) throws -> [String: String] {
        let list = try IstioMetricsQueries().queries(for: query).get()
        #expect(list.map(\.metric) == MetricsQuery.metrics.map(\.name))
        #expect(list.map(\.unit) == MetricsQuery.metrics.map(\.unit))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.metric, $0.promQL) })
    }

    @Test func aDeploymentsInboundTraffic() throws {
        let q = try Self.queries(
            MetricsQuery(resource: .init(kind: .deployment, namespace: "shop", name: "web"), windowSeconds: 60))
        let selector = #"reporter="destination",destination_workload_namespace="shop",destination_workload="web""#
        #expect(
            q["p99_response_latency"]
                == "histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{\(selector)}[60s])))"
        )
        #expect(
            q["p50_response_latency"]
                == "histogram_quantile(0.50, sum by (le) (rate(istio_request_duration_milliseconds_bucket{\(selector)}[60s])))"
        )
        #expect(q["success_count"] == #"sum (increase(istio_requests_total{\#(selector),response_code!~"5.."}[60s]))"#)
        #expect(q["failure_count"] == #"sum (increase(istio_requests_total{\#(selector),response_code=~"5.."}[60s]))"#)
    }

    @Test func oneEdgeFromAPeerWorkload() throws {
        let q = try Self.queries(
            MetricsQuery(
                resource: .init(kind: .statefulSet, namespace: "data", name: "db"),
                edge: .init(direction: .from, peer: .init(kind: .deployment, namespace: "shop", name: "api"))))
        #expect(
            q["success_count"]
                == #"sum (increase(istio_requests_total{reporter="destination",destination_workload_namespace="data",destination_workload="db",source_workload_namespace="shop",source_workload="api",response_code!~"5.."}[30s]))"#
        )
    }

    @Test func everyOutboundEdgeOfAPodIsMeasuredAtItsOwnProxy() throws {
        let q = try Self.queries(
            MetricsQuery(resource: .init(kind: .pod, namespace: "shop", name: "web-7d9f"), edge: .init(direction: .to)))
        let selector = #"reporter="source",namespace="shop",pod="web-7d9f""#
        #expect(
            q["p90_response_latency"]
                == "histogram_quantile(0.90, sum by (le, destination_workload_namespace, destination_workload) (rate(istio_request_duration_milliseconds_bucket{\(selector)}[30s])))"
        )
        #expect(
            q["failure_count"]
                == #"sum by (destination_workload_namespace, destination_workload) (increase(istio_requests_total{\#(selector),response_code=~"5.."}[30s]))"#
        )
    }

    @Test func aNamespaceAndAnEdgeToANamespace() throws {
        let q = try Self.queries(
            MetricsQuery(
                resource: .init(kind: .deployment, namespace: "shop", name: "web"),
                edge: .init(direction: .to, peer: .init(kind: .namespace, namespace: "data", name: "data"))))
        #expect(
            q["success_count"]
                == #"sum (increase(istio_requests_total{reporter="destination",source_workload_namespace="shop",source_workload="web",destination_workload_namespace="data",response_code!~"5.."}[30s]))"#
        )
    }

    @Test func aPodPeerCannotBeMeasured() {
        let result = IstioMetricsQueries().queries(
            for: MetricsQuery(
                resource: .init(kind: .deployment, namespace: "a", name: "b"),
                edge: .init(direction: .from, peer: .init(kind: .pod, namespace: "a", name: "p"))))
        guard case let .failure(problem) = result else {
            Issue.record("expected a refusal")
            return
        }
        #expect(problem.description.contains("cannot be measured"))
    }

    @Test func labelValuesAreQuoted() throws {
        let q = try Self.queries(MetricsQuery(resource: .init(kind: .deployment, namespace: "a", name: #"x"\y"#)))
        #expect(q["success_count"]?.contains(#"destination_workload="x\"\\y""#) == true)
    }

    /// In ambient mode with waypoints the waypoint reports the requests: the same selectors
    /// with `reporter="waypoint"`, and no Pod, which a waypoint's series cannot name.
    @Test func waypointsReportInAmbientMode() throws {
        let metrics = IstioMetricsQueries(waypoints: true)
        let edge = try metrics.queries(
            for: MetricsQuery(
                resource: .init(kind: .statefulSet, namespace: "data", name: "db"),
                edge: .init(direction: .from, peer: .init(kind: .deployment, namespace: "shop", name: "api")))
        ).get()
        #expect(
            edge.first { $0.metric == "success_count" }?.promQL
                == #"sum (increase(istio_requests_total{reporter="waypoint",destination_workload_namespace="data",destination_workload="db",source_workload_namespace="shop",source_workload="api",response_code!~"5.."}[30s]))"#
        )
        let inbound = try metrics.queries(
            for: MetricsQuery(resource: .init(kind: .deployment, namespace: "shop", name: "web"))
        ).get()
        #expect(
            inbound.allSatisfy { $0.promQL.contains(#"reporter="waypoint",destination_workload_namespace="shop""#) })
        let pod = MetricsQuery(
            resource: .init(kind: .deployment, namespace: "shop", name: "web"),
            edge: .init(direction: .to, peer: .init(kind: .pod, namespace: "shop", name: "db-0")))
        #expect(throws: MetricsQuery.Problem.self) { try metrics.queries(for: pod).get() }
        #expect(throws: MetricsQuery.Problem.self) {
            try metrics.queries(for: MetricsQuery(resource: .init(kind: .pod, namespace: "shop", name: "web-1"))).get()
        }
    }

    /// Both reporters carry both sides' workload labels: an asked side picks the reporter; a
    /// Pod is named only by its own proxy, so the other side is refused.
    @Test func anEdgeSidePicksTheReporter() throws {
        let db = MetricsQuery.Resource(kind: .statefulSet, namespace: "data", name: "db")
        let api = MetricsQuery.Resource(kind: .deployment, namespace: "shop", name: "api")
        let client = try Self.queries(
            MetricsQuery(resource: db, edge: .init(direction: .from, peer: api, side: .client)))
        #expect(client["success_count"]?.contains(#"reporter="source",destination_workload_namespace="data""#) == true)
        let pod = MetricsQuery.Resource(kind: .pod, namespace: "shop", name: "web-1")
        #expect(throws: MetricsQuery.Problem.self) {
            try IstioMetricsQueries().queries(
                for: MetricsQuery(resource: pod, edge: .init(direction: .to, peer: api, side: .server))
            ).get()
        }
    }
}
