public import SMICore

/// SMI TrafficMetrics as PromQL over Linkerd's proxy metrics (Linkerd notes section 6).
///
/// `response_latency_ms` and `response_total` by `classification`, with the workload labels
/// linkerd-viz's Prometheus adds (`namespace`, `deployment`, `pod`, ...) on the measuring proxy
/// and the `dst_` labels on outbound series.
///
/// Inbound series carry no source workload, so an edge from a named peer is measured at the
/// peer's own (outbound) proxy; every inbound edge together is grouped by the caller's mesh
/// identity (`client_id`).
public struct LinkerdMetricsQueries: MeshMetrics {
    /// Creates the query builder.
    public init() {}

    /// The five SMI metrics for `query`, or why Linkerd's labels cannot answer it.
    public func queries(for query: MetricsQuery) -> Result<[MetricsAnswer], MetricsQuery.Problem> {
        let resource = query.resource
        var matchers: [String]
        var grouping: [String] = []
        switch query.edge {
        case nil:
            matchers = ["direction=\"inbound\""] + Self.labels(resource, prefix: "")
        case let edge?:
            // Outbound series are the client's, inbound ones the server's.
            let measured: MetricsQuery.Edge.Side = edge.direction == .from && edge.peer == nil ? .server : .client
            if let problem = edge.problem(measuredAt: measured, by: "Linkerd") { return .failure(problem) }
            switch (edge.direction, edge.peer) {
            case (.to, let peer):
                // The resource's own outbound traffic, to the peer's destination labels.
                matchers = ["direction=\"outbound\""] + Self.labels(resource, prefix: "")
                if let peer {
                    matchers += Self.labels(peer, prefix: "dst_")
                } else {
                    grouping = ["dst_namespace", "dst_deployment", "dst_statefulset", "dst_daemonset"]
                }
            case (.from, let peer?):
                // Inbound series do not name the caller's workload: measure at the caller.
                matchers =
                    ["direction=\"outbound\""] + Self.labels(peer, prefix: "") + Self.labels(resource, prefix: "dst_")
            case (.from, nil):
                matchers = ["direction=\"inbound\""] + Self.labels(resource, prefix: "")
                grouping = ["client_id"]
            }
        }
        return .success(
            MetricsAnswer.all(
                histogram: "response_latency_ms", counter: "response_total", matchers: matchers,
                success: "classification=\"success\"", failure: "classification=\"failure\"",
                grouping: grouping, windowSeconds: query.windowSeconds))
    }

    /// The label matchers of a resource, on the scraped proxy (`prefix` empty) or as the
    /// destination of outbound series (`dst_`).
    static func labels(_ resource: MetricsQuery.Resource, prefix: String) -> [String] {
        let namespace = "\(prefix)namespace=\(MetricsAnswer.quoted(resource.namespace))"
        let kind: String
        switch resource.kind {
        case .namespace: return [namespace]
        case .pod: kind = "pod"
        case .deployment: kind = "deployment"
        case .daemonSet: kind = "daemonset"
        case .statefulSet: kind = "statefulset"
        }
        return [namespace, "\(prefix)\(kind)=\(MetricsAnswer.quoted(resource.name))"]
    }
}
