import LinkerdAdapter
import SMICore
import Testing

/// The queries of Linkerd notes section 6, written out by hand for each shape of question.
@Suite struct LinkerdMetricsQueriesTests {
    static func queries(_ query: MetricsQuery) throws -> [String: String] {
        let list = try LinkerdMetricsQueries().queries(for: query).get()
        #expect(list.map(\.metric) == MetricsQuery.metrics.map(\.name))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.metric, $0.promQL) })
    }

    @Test func aDeploymentsInboundTraffic() throws {
        let q = try Self.queries(
            MetricsQuery(resource: .init(kind: .deployment, namespace: "shop", name: "web"), windowSeconds: 60))
        #expect(
            q["p99_response_latency"]
                == #"histogram_quantile(0.99, sum by (le) (rate(response_latency_ms_bucket{direction="inbound",namespace="shop",deployment="web"}[60s])))"#
        )
        #expect(
            q["success_count"]
                == #"sum (increase(response_total{direction="inbound",namespace="shop",deployment="web",classification="success"}[60s]))"#
        )
        #expect(
            q["failure_count"]
                == #"sum (increase(response_total{direction="inbound",namespace="shop",deployment="web",classification="failure"}[60s]))"#
        )
    }

    @Test func anEdgeToAPeerIsTheResourcesOutboundTraffic() throws {
        let q = try Self.queries(
            MetricsQuery(
                resource: .init(kind: .pod, namespace: "shop", name: "web-1"),
                edge: .init(direction: .to, peer: .init(kind: .statefulSet, namespace: "data", name: "db"))))
        #expect(
            q["success_count"]
                == #"sum (increase(response_total{direction="outbound",namespace="shop",pod="web-1",dst_namespace="data",dst_statefulset="db",classification="success"}[30s]))"#
        )
    }

    @Test func anEdgeFromAPeerIsMeasuredAtThePeer() throws {
        let q = try Self.queries(
            MetricsQuery(
                resource: .init(kind: .deployment, namespace: "shop", name: "api"),
                edge: .init(direction: .from, peer: .init(kind: .deployment, namespace: "shop", name: "web"))))
        #expect(
            q["failure_count"]
                == #"sum (increase(response_total{direction="outbound",namespace="shop",deployment="web",dst_namespace="shop",dst_deployment="api",classification="failure"}[30s]))"#
        )
    }

    @Test func everyInboundEdgeIsGroupedByCallerIdentity() throws {
        let q = try Self.queries(
            MetricsQuery(
                resource: .init(kind: .namespace, namespace: "shop", name: "shop"), edge: .init(direction: .from)))
        #expect(
            q["p50_response_latency"]
                == #"histogram_quantile(0.50, sum by (le, client_id) (rate(response_latency_ms_bucket{direction="inbound",namespace="shop"}[30s])))"#
        )
        #expect(
            q["success_count"]
                == #"sum by (client_id) (increase(response_total{direction="inbound",namespace="shop",classification="success"}[30s]))"#
        )
    }

    /// `edge.side` is honoured: the side Linkerd's series are measured at answers, the other
    /// is refused (outbound series are the client's, inbound ones the server's).
    @Test func anEdgeSideIsAnsweredOnlyWhereMeasured() throws {
        let web = MetricsQuery.Resource(kind: .deployment, namespace: "shop", name: "web")
        let api = MetricsQuery.Resource(kind: .deployment, namespace: "shop", name: "api")
        let client = try Self.queries(
            MetricsQuery(resource: web, edge: .init(direction: .to, peer: api, side: .client)))
        #expect(client == (try Self.queries(MetricsQuery(resource: web, edge: .init(direction: .to, peer: api)))))
        let metrics = LinkerdMetricsQueries()
        #expect(throws: MetricsQuery.Problem.self) {
            try metrics.queries(for: MetricsQuery(resource: web, edge: .init(direction: .to, peer: api, side: .server)))
                .get()
        }
        #expect(throws: MetricsQuery.Problem.self) {
            try metrics.queries(for: MetricsQuery(resource: web, edge: .init(direction: .from, side: .client))).get()
        }
        let inbound = try Self.queries(MetricsQuery(resource: web, edge: .init(direction: .from, side: .server)))
        #expect(inbound["success_count"]?.contains(#"direction="inbound""#) == true)
    }
}
