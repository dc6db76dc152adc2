import Foundation
import SMICore
import SMITestSupport
import Testing

/// `smi render --mesh istio|linkerd --routing gateway-api` and `--mesh gateway-api`, run as a
/// user runs them, on the shipped canary example.
@Suite struct GatewayRoutingCommandTests {
    static var canary: String {
        SharedReference.packageRoot.appendingPathComponent("Examples/gateway-api/canary.yaml").path
    }

    /// The kinds of the documents the run printed.
    static func kinds(_ run: ToolRun) throws -> [String] {
        try YAMLReader().read(run.out).compactMap { $0.root.node(at: "kind")?.value.stringValue }
    }

    @Test func istioKeepsItsPoliciesAndRoutesThroughTheGatewayAPI() throws {
        let run = ToolRun(["render", "--mesh", "istio", "--routing", "gateway-api", Self.canary])
        #expect(run.status == 0, "\(run.err)")
        let kinds = try Self.kinds(run)
        #expect(kinds.contains("AuthorizationPolicy") && kinds.contains("HTTPRoute") && kinds.contains("GRPCRoute"))
        #expect(!kinds.contains("VirtualService") && !kinds.contains("DestinationRule"))
        #expect(
            run.out.contains("value: /api/version\n      method: GET"),
            "a regex of two exact paths is two Exact matches")
    }

    @Test func linkerdReadsTheReleaseItSupports() throws {
        let run = ToolRun([
            "render", "--mesh", "linkerd", "--routing", "gateway-api", "--gateway-api-version", "v1.1",
            "--gateway-api-channel", "experimental", "--target-version", "2.16", Self.canary
        ])
        #expect(run.status == 0, "\(run.err)")
        let documents = try YAMLReader().read(run.out).map(\.root)
        let routes = documents.filter {
            $0.node(at: "spec.parentRefs")?.value.sequenceValue?.first?.node(at: "kind")?.value.stringValue == "Service"
        }
        #expect(
            routes.map {
                "\($0.node(at: "apiVersion")?.value.stringValue ?? "") \($0.node(at: "kind")?.value.stringValue ?? "")"
            }.sorted()
                == ["gateway.networking.k8s.io/v1alpha2 GRPCRoute", "gateway.networking.k8s.io/v1beta1 HTTPRoute"])
        #expect(documents.contains { $0.node(at: "kind")?.value.stringValue == "Server" })
        let standard = ToolRun([
            "render", "--mesh", "linkerd", "--routing", "gateway-api", "--gateway-api-version", "v1.1",
            "--target-version", "2.16", Self.canary
        ])
        #expect(
            standard.status == 1
                && standard.err.contains("GRPCRoute v1alpha2, which Gateway API v1.1 (standard) does not serve"))
        let tooNew = ToolRun([
            "render", "--mesh", "linkerd", "--routing", "gateway-api", "--target-version", "2.16", Self.canary
        ])
        #expect(tooNew.status == 1 && tooNew.err.contains("error[SMI6006]"))
    }

    @Test func gatewayAPIAloneRefusesAccessControl() {
        let run = ToolRun(["render", "--mesh", "gateway-api", Self.canary])
        #expect(run.status == 1)
        #expect(
            run.err.contains(
                "error[SMI6001]: TrafficTarget test/loadtester-calls-podinfo: access control is not rendered"))
        #expect(run.out.contains("kind: HTTPRoute"))
    }

    @Test func refusesWhatCannotGoTogether() {
        #expect(ToolRun(["render", "--mesh", "consul", "--routing", "gateway-api", Self.canary]).status == 2)
        #expect(
            ToolRun(["render", "--mesh", "linkerd", "--routing", "gateway-api", "--compat", "linkerd-smi", Self.canary])
                .status == 2)
        let version = ToolRun(["render", "--mesh", "gateway-api", "--gateway-api-version", "v1.9", Self.canary])
        #expect(version.status == 2 && version.err.contains("from v1.0 to v1.6"))
    }
}
