public import SMICore

/// SMI TrafficMetrics as PromQL over Istio's standard metrics (Istio notes 6.3).
///
/// Latency percentiles from `istio_request_duration_milliseconds`, success and failure counts
/// from `istio_requests_total` (5xx is a failure), measured at the destination's proxy unless
/// an edge only the source's proxy can see (a Pod's outbound traffic).
///
/// In ambient mode with waypoints no sidecar reports requests: the waypoint does, as
/// `reporter="waypoint"`.
public struct IstioMetricsQueries: MeshMetrics {
    /// The scrape target labels that name a pod's namespace and name.
    ///
    /// Prometheus' usual Kubernetes relabelling writes `namespace` and `pod`.
    public var podLabels: (namespace: String, pod: String)
    /// Whether the requests are reported by waypoints (ambient mode) rather than sidecars.
    public var waypoints: Bool

    /// Creates a query builder; `waypoints` for ambient mode, where waypoints report requests.
    public init(podNamespaceLabel: String = "namespace", podLabel: String = "pod", waypoints: Bool = false) {
        podLabels = (podNamespaceLabel, podLabel)
        self.waypoints = waypoints
    }

    /// The five SMI metrics for `query`, or why Istio's labels cannot answer it.
    public func queries(for query: MetricsQuery) -> Result<[MetricsAnswer], MetricsQuery.Problem> {
        var selector: [String]
        var grouping: [String] = []
        let resource = query.resource
        let named = [resource] + (query.edge?.peer.map { [$0] } ?? [])
        if waypoints, let pod = named.first(where: { $0.kind == .pod }) {
            // A waypoint's series carry its own pod's scrape labels, and workloads as peers.
            return .failure(
                .init(
                    description:
                        "a waypoint reports the requests, and names workloads, not pods: Pod \(pod.namespace)/\(pod.name) cannot be measured"
                ))
        }
        switch query.edge {
        case nil:
            selector =
                ["reporter=\"\(waypoints ? "waypoint" : "destination")\""] + labels(resource, side: "destination")
        case let edge?:
            if let peer = edge.peer, peer.kind == .pod {
                return .failure(
                    .init(
                        description:
                            "edge.resource: Istio's standard metrics name workloads, not pods, so an edge to Pod \(peer.namespace)/\(peer.name) cannot be measured"
                    ))
            }
            let (near, far) = edge.direction == .from ? ("destination", "source") : ("source", "destination")
            // A Pod is only known to the proxy that scraped it: its own side reports. Both
            // reporters carry both sides' workload labels, so an asked side is honoured.
            let asked = edge.side.map { $0 == .client ? "source" : "destination" }
            if waypoints, asked == "source" {
                return .failure(
                    .init(
                        description:
                            "edge.side: in ambient mode the waypoint reports the requests, on the server side: the client side's counts cannot be given"
                    ))
            }
            if resource.kind == .pod, let asked, asked != near {
                return .failure(
                    .init(
                        description:
                            "edge.side: a Pod is named only by its own proxy, the \(near == "source" ? "client" : "server") side here: the \(asked == "source" ? "client" : "server") side's counts cannot be given"
                    ))
            }
            let reporter = waypoints ? "waypoint" : asked ?? (resource.kind == .pod ? near : "destination")
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
