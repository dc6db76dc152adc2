import Foundation
import SMITestSupport
import Testing

@Suite struct MetricsCommandTests {
    @Test func answersEachTrafficMetricsObjectAndReportsTheOnesItCannot() throws {
        let file = try ToolRun.file(
            """
            apiVersion: metrics.smi-spec.io/v1alpha1
            kind: TrafficMetrics
            metadata: {name: web, namespace: shop}
            resource: {kind: Deployment, namespace: shop, name: web}
            edge: {direction: from, resource: {}}
            window: 1m
            ---
            apiVersion: metrics.smi-spec.io/v1alpha1
            kind: TrafficMetrics
            metadata: {name: bad, namespace: shop}
            resource: {kind: Deployment, namespace: shop, name: web}
            edge: {direction: from, resource: {kind: Pod, namespace: shop, name: p}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: ignored}
            """, name: "metrics.yaml")
        let run = ToolRun(["metrics", "--mesh", "istio", file])
        #expect(run.status == 1)
        #expect(run.err.contains("metrics.yaml:8:1: error: TrafficMetrics shop/bad: edge.resource:"), "\(run.err)")
        let lines = try run.out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(
            lines.map { $0?["metric"] as? String } == [
                "p99_response_latency", "p90_response_latency", "p50_response_latency", "success_count", "failure_count"
            ])
        #expect(lines.allSatisfy { ($0?["object"] as? String) == "TrafficMetrics shop/web" })
        #expect(
            (lines[3]?["query"] as? String)?.hasPrefix(
                "sum by (source_workload_namespace, source_workload) (increase(istio_requests_total{") == true)
        #expect((lines[0]?["query"] as? String)?.hasSuffix("[60s])))") == true)
    }

    /// metrics v1alpha2 (notes D24) is read like v1alpha1, in a List as kubectl prints it too.
    @Test func readsV1Alpha2AndLists() throws {
        let run = ToolRun(
            ["metrics", "--mesh", "linkerd", "-"],
            stdin: """
                apiVersion: v1
                kind: List
                items:
                - apiVersion: metrics.smi-spec.io/v1alpha2
                  kind: TrafficMetrics
                  metadata: {name: web, namespace: shop}
                  resource: {kind: Deployment, namespace: shop, name: web}
                  edge: {direction: to, side: client, resource: {}}
                """)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.split(separator: "\n").count == 5)
        #expect(run.out.contains("\"object\":\"TrafficMetrics shop/web\""))
    }

    /// `--istio-waypoints`: the waypoint reports (ambient mode); the option is Istio's alone.
    @Test func istioWaypointsReport() {
        let object = """
            apiVersion: metrics.smi-spec.io/v1alpha1
            kind: TrafficMetrics
            metadata: {name: web, namespace: shop}
            resource: {kind: Deployment, namespace: shop, name: web}
            """
        let run = ToolRun(["metrics", "--mesh", "istio", "--istio-waypoints", "-"], stdin: object)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(#"reporter=\"waypoint\""#) && !run.out.contains(#"reporter=\"destination\""#))
        let linkerd = ToolRun(["metrics", "--mesh", "linkerd", "--istio-waypoints", "-"], stdin: object)
        #expect(linkerd.status == 2 && linkerd.err.contains("configures istio"), "\(linkerd.err)")
    }

    @Test func usage() {
        #expect(ToolRun(["metrics"]).status == 2)
        #expect(ToolRun(["metrics", "--mesh", "kuma"]).err.contains("not available in this version"))
        // The meshes with queries are those whose adapter has them, and only those.
        let gateway = ToolRun(["metrics", "--mesh", "gateway-api"])
        #expect(gateway.status == 2)
        #expect(gateway.err.contains("available: istio, linkerd, consul"), "\(gateway.err)")
    }
}
