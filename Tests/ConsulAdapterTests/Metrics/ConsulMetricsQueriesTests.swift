import ConsulAdapter
import SMICore
import Testing

/// The queries of Consul notes section 5, written out by hand for each shape of question.
@Suite struct ConsulMetricsQueriesTests {
    static func queries(_ query: MetricsQuery) throws -> [String: String] {
        let list = try ConsulMetricsQueries().queries(for: query).get()
        #expect(list.map(\.metric) == MetricsQuery.metrics.map(\.name))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.metric, $0.promQL) })
    }

    @Test func aDeploymentsInboundRequests() throws {
        let q = try Self.queries(
            MetricsQuery(resource: .init(kind: .deployment, namespace: "shop", name: "web.v2"), windowSeconds: 60))
        #expect(
            q["success_count"]
                == #"sum (increase(envoy_http_downstream_rq_xx{envoy_http_conn_manager_prefix="public_listener",namespace="shop",pod=~"web\\.v2-[a-z0-9]+-[a-z0-9]+",envoy_response_code_class!="5"}[60s]))"#
        )
        #expect(
            q["p50_response_latency"]
                == #"histogram_quantile(0.50, sum by (le) (rate(envoy_http_downstream_rq_time_bucket{envoy_http_conn_manager_prefix="public_listener",namespace="shop",pod=~"web\\.v2-[a-z0-9]+-[a-z0-9]+"}[60s])))"#
        )
    }

    /// Grouped by the upstream Consul service; clusters without one (local_app, the scrape
    /// and admin clusters) are left out instead of adding an empty edge.
    @Test func outboundEdgesAreGroupedByConsulService() throws {
        let q = try Self.queries(
            MetricsQuery(
                resource: .init(kind: .pod, namespace: "shop", name: "web-1"), edge: .init(direction: .to, peer: nil)))
        #expect(
            q["failure_count"]
                == #"sum by (consul_destination_service) (increase(envoy_cluster_upstream_rq_xx{namespace="shop",pod="web-1",consul_destination_service!="",envoy_response_code_class="5"}[30s]))"#
        )
    }

    @Test func refusesWhatConsulSeriesCannotTellApart() {
        let named = MetricsQuery(
            resource: .init(kind: .pod, namespace: "shop", name: "web-1"),
            edge: .init(direction: .to, peer: .init(kind: .deployment, namespace: "shop", name: "api")))
        let callers = MetricsQuery(
            resource: .init(kind: .namespace, namespace: "shop", name: "shop"), edge: .init(direction: .from, peer: nil)
        )
        for query in [named, callers] {
            guard case .failure = ConsulMetricsQueries().queries(for: query) else {
                Issue.record("\(query) should be refused")
                continue
            }
        }
    }

    /// Upstream cluster series are the client's: an edge asking for the server side is refused.
    @Test func anEdgeSideIsAnsweredOnlyWhereMeasured() throws {
        let web = MetricsQuery.Resource(kind: .deployment, namespace: "shop", name: "web")
        let metrics = ConsulMetricsQueries()
        #expect(
            try metrics.queries(for: MetricsQuery(resource: web, edge: .init(direction: .to, side: .client))).get()
                .count == 5)
        #expect(throws: MetricsQuery.Problem.self) {
            try metrics.queries(for: MetricsQuery(resource: web, edge: .init(direction: .to, side: .server))).get()
        }
    }
}
