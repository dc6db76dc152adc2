public import SMICore

/// SMI TrafficMetrics as PromQL over the Envoy metrics of Consul's sidecars (Consul notes
/// section 5).
///
/// Inbound requests on the `public_listener` HTTP connection manager, outbound ones on the
/// `envoy_cluster_upstream_*` series labelled with `consul_destination_service`, and the
/// workload picked by the Prometheus scrape's `namespace` and `pod` labels (pod-name patterns
/// for controllers).
///
/// Consul's series name services, not workloads, and inbound series carry no caller: an edge
/// with a named peer, or every caller of a resource, is refused rather than guessed.
public struct ConsulMetricsQueries: MeshMetrics {
    /// Creates the query builder.
    public init() {}

    /// The five SMI metrics for `query`, or why Consul's labels cannot answer it.
    public func queries(for query: MetricsQuery) -> Result<[MetricsAnswer], MetricsQuery.Problem> {
        let selector = Self.labels(query.resource)
        switch query.edge {
        case nil:
            return .success(
                MetricsAnswer.all(
                    histogram: "envoy_http_downstream_rq_time", counter: "envoy_http_downstream_rq_xx",
                    matchers: ["envoy_http_conn_manager_prefix=\"public_listener\""] + selector,
                    success: "envoy_response_code_class!=\"5\"", failure: "envoy_response_code_class=\"5\"",
                    windowSeconds: query.windowSeconds))
        case let edge?:
            switch (edge.direction, edge.peer) {
            case (.to, nil):
                // Upstream cluster series are the client's.
                if let problem = edge.problem(measuredAt: .client, by: "Consul") { return .failure(problem) }
                return .success(
                    MetricsAnswer.all(
                        // Only clusters of upstream services carry the label: local_app, the
                        // scrape and admin clusters do not, and would group as one empty edge.
                        histogram: "envoy_cluster_upstream_rq_time", counter: "envoy_cluster_upstream_rq_xx",
                        matchers: selector + ["consul_destination_service!=\"\""],
                        success: "envoy_response_code_class!=\"5\"", failure: "envoy_response_code_class=\"5\"",
                        grouping: ["consul_destination_service"], windowSeconds: query.windowSeconds))
            case (.from, nil):
                return .failure(
                    .init(
                        description:
                            "Consul's inbound series carry no caller, so the edges into \(query.resource) cannot be told apart; ask for the edges from each caller (direction: to) instead"
                    ))
            case (_, let peer?):
                return .failure(
                    .init(
                        description:
                            "Consul's series name the peer by Consul service, not by workload: \(peer) cannot be matched without the inventory; ask for the edges of \(query.resource) without a peer"
                    ))
            }
        }
    }

    /// The label matchers of a resource's own proxies, from the scrape's Kubernetes labels.
    static func labels(_ resource: MetricsQuery.Resource) -> [String] {
        let namespace = "namespace=\(MetricsAnswer.quoted(resource.namespace))"
        let name = resource.name
        switch resource.kind {
        case .namespace: return [namespace]
        case .pod: return [namespace, "pod=\(MetricsAnswer.quoted(name))"]
        case .deployment:
            return [namespace, "pod=~\(MetricsAnswer.quoted(RE2Regex.quoting(name) + "-[a-z0-9]+-[a-z0-9]+"))"]
        case .statefulSet: return [namespace, "pod=~\(MetricsAnswer.quoted(RE2Regex.quoting(name) + "-[0-9]+"))"]
        case .daemonSet: return [namespace, "pod=~\(MetricsAnswer.quoted(RE2Regex.quoting(name) + "-[a-z0-9]+"))"]
        }
    }
}
