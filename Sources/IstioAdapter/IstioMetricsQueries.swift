public import SMICore

/// SMI TrafficMetrics as PromQL over Istio's standard metrics (Istio notes 6.3): latency
/// percentiles from `istio_request_duration_milliseconds`, success and failure counts from
/// `istio_requests_total` (5xx is a failure), measured at the destination's proxy unless an
/// edge only the source's proxy can see (a Pod's outbound traffic).
public struct IstioMetricsQueries: MeshMetrics {
    /// The scrape target labels that name a pod's namespace and name (Prometheus' usual
    /// Kubernetes relabelling writes `namespace` and `pod`).
    public var podLabels: (namespace: String, pod: String)

    /// Creates a query builder.
    public init(podNamespaceLabel: String = "namespace", podLabel: String = "pod") {
        podLabels = (podNamespaceLabel, podLabel)
    }

    /// The five SMI metrics for `query`, or why Istio's labels cannot answer it.
    public func queries(for query: MetricsQuery) -> Result<[MetricsAnswer], MetricsQuery.Problem> {
        var selector: [String]
        var grouping: [String] = []
        let resource = query.resource
        switch query.edge {
        case nil:
            selector = ["reporter=\"destination\""] + labels(resource, side: "destination")
        case let edge?:
            if let peer = edge.peer, peer.kind == .pod {
                return .failure(
                    .init(
                        description:
                            "edge.resource: Istio's standard metrics name workloads, not pods, so an edge to Pod \(peer.namespace)/\(peer.name) cannot be measured"
                    ))
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
        return .success(
            MetricsAnswer.all(
                histogram: "istio_request_duration_milliseconds", counter: "istio_requests_total", matchers: selector,
                success: "response_code!~\"5..\"", failure: "response_code=~\"5..\"", grouping: grouping,
                windowSeconds: query.windowSeconds))
    }

    /// The label matchers that pick a resource on one side of Istio's metrics.
    private func labels(_ resource: MetricsQuery.Resource, side: String) -> [String] {
        switch resource.kind {
        case .namespace:
            return ["\(side)_workload_namespace=\(MetricsAnswer.quoted(resource.namespace))"]
        case .pod:
            return [
                "\(podLabels.namespace)=\(MetricsAnswer.quoted(resource.namespace))",
                "\(podLabels.pod)=\(MetricsAnswer.quoted(resource.name))"
            ]
        case .deployment, .daemonSet, .statefulSet:
            return [
                "\(side)_workload_namespace=\(MetricsAnswer.quoted(resource.namespace))",
                "\(side)_workload=\(MetricsAnswer.quoted(resource.name))"
            ]
        }
    }
}
