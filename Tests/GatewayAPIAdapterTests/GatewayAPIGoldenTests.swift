import Foundation
import GatewayAPIAdapter
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Gateway API routes it must render
/// and the diagnostics it must report.
///
/// `options.txt` lines `gateway-api=v1.N`, `gateway-api=experimental` and
/// `gateway-api=istio|linkerd` choose the release, channel and mesh (CI checks each output
/// against that release's CRDs, with their CEL rules).
@Suite struct GatewayAPIGoldenTests {
    /// The adapter a case's `options.txt` asks for.
    static func adapter(for c: GoldenCases.Case) -> GatewayAPIAdapter {
        let lines = ((try? String(contentsOf: c.folder.appendingPathComponent("options.txt"), encoding: .utf8)) ?? "")
            .split(separator: "\n").filter { $0.hasPrefix("gateway-api=") }.map {
                String($0.dropFirst("gateway-api=".count))
            }
        var adapter = GatewayAPIAdapter()
        for value in lines {
            if let channel = GatewayAPIRelease.Channel(rawValue: value) { adapter.release.channel = channel }
            if let release = GatewayAPIRelease(value) { adapter.release.minor = release.minor }
            if let implementation = GatewayAPIImplementation(rawValue: value) {
                adapter.implementation = implementation
            }
        }
        return adapter
    }

    @Test(arguments: GoldenCases.cases(target: "GatewayAPIAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let problems = try GoldenCases.check(c, adapter: Self.adapter(for: c))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(
            try GoldenCases.orderDependentCases(target: "GatewayAPIAdapterTests", adapter: GatewayAPIAdapter()) == [])
    }

    /// One capability row per SMI feature, and every code the goldens report explained.
    @Test func capabilitiesCoverEveryFeatureAndCode() throws {
        try AdapterConformance(adapter: GatewayAPIAdapter()) { _, _ in
            GatewayAPISplitDifferentialTests.NoAccessControl()
        }
        .expectCapabilitiesComplete(goldenTarget: "GatewayAPIAdapterTests")
    }
}
