public import SMICore

/// SMI TrafficMetrics as PromQL over Istio's standard metrics (Istio notes 6.3): latency
/// percentiles from `istio_request_duration_milliseconds`, success and failure counts from
/// `istio_requests_total` (5xx is a failure), measured at the destination's proxy unless an
/// edge only the source's proxy can see (a Pod's outbound traffic).
public struct IstioMetricsQueries: Sendable {
    /// One SMI metric and the query that computes it.
    public struct Query: Sendable, Equatable {
        /// The SMI metric name, e.g. `p99_response_latency`.
        public var metric: String
        /// Its unit, when it has one.
        public var unit: String?
        /// The PromQL expression.
        public var promQL: String
    }

    /// The scrape target labels that name a pod's namespace and name (Prometheus' usual
    /// Kubernetes relabelling writes `namespace` and `pod`).
    public var podLabels: (namespace: String, pod: String)

    /// Creates a query builder.
    public init(podNamespaceLabel: String = "namespace", podLabel: String = "pod") {
        podLabels = (podNamespaceLabel, podLabel)
    }

    /// The five SMI metrics for `query`, or why Istio's labels cannot answer it.
    public func queries(for query: MetricsQuery) -> Result<[Query], MetricsQuery.Problem> {
        var selector: [String]
        var grouping: [String] = []
        let resource = query.resource
        switch query.edge {
        case nil:
            selector = ["reporter=\"destination\""] + labels(resource, side: "destination")
        case let edge?:
            if let peer = edge.peer, peer.kind == .pod {
                return .failure(.init(description: "edge.resource: Istio's standard metrics name workloads, not pods, so an edge to Pod \(peer.namespace)/\(peer.name) cannot be measured"))
            }
            let (near, far) = edge.direction == .from ? ("destination", "source") : ("source", "destination")
            // A Pod is only known to the proxy that scraped it: its own side reports.
            let reporter = resource.kind == .pod ? near : "destination"
            selector = ["reporter=\"\(reporter)\""] + labels(resource, side: near)
            if let peer = edge.peer {
                selector += labels(peer, side: far)
            } else {
                grouping = ["\(far)_workload_namespace", "\(far)_workload"]
            }
        }
        let window = "[\(query.windowSeconds)s]"
        let matchers = selector.joined(separator: ",")
        let by = grouping.isEmpty ? "" : " by (\(grouping.joined(separator: ", ")))"
        let bucketBy = " by (\((["le"] + grouping).joined(separator: ", ")))"
        var out: [Query] = []
        for (quantile, name) in [("0.99", "p99_response_latency"), ("0.90", "p90_response_latency"), ("0.50", "p50_response_latency")] {
            out.append(Query(metric: name, unit: "ms",
                             promQL: "histogram_quantile(\(quantile), sum\(bucketBy) (rate(istio_request_duration_milliseconds_bucket{\(matchers)}\(window))))"))
        }
        out.append(Query(metric: "success_count", unit: nil, promQL: "sum\(by) (increase(istio_requests_total{\(matchers),response_code!~\"5..\"}\(window)))"))
        out.append(Query(metric: "failure_count", unit: nil, promQL: "sum\(by) (increase(istio_requests_total{\(matchers),response_code=~\"5..\"}\(window)))"))
        return .success(out)
    }

    /// The label matchers that pick a resource on one side of Istio's metrics.
    private func labels(_ resource: MetricsQuery.Resource, side: String) -> [String] {
        switch resource.kind {
        case .namespace:
            return ["\(side)_workload_namespace=\(Self.quoted(resource.namespace))"]
        case .pod:
            return ["\(podLabels.namespace)=\(Self.quoted(resource.namespace))", "\(podLabels.pod)=\(Self.quoted(resource.name))"]
        case .deployment, .daemonSet, .statefulSet:
            return ["\(side)_workload_namespace=\(Self.quoted(resource.namespace))", "\(side)_workload=\(Self.quoted(resource.name))"]
        }
    }

    /// A PromQL string literal.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for character in value {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(character)
            }
        }
        return out + "\""
    }
}
