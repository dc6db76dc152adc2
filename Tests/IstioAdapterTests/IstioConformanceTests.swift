import IstioAdapter
import IstioSimulation
import SMICore
import SMITestSupport
import Testing

/// The shared adapter conformance suite, for Istio.
@Suite struct IstioConformanceTests {
    static let suite = AdapterConformance(adapter: IstioAdapter(), unenforced: [.udp]) { resources, inventory in
        IstioAccessModel(resources: resources, inventory: inventory, installation: IstioAdapter().installation)
    }

    /// Thousands of generated bundles and requests: whatever Istio allows under the rendered
    /// objects, SMI must allow (UDP aside, which Istio cannot enforce and reports), and every
    /// request it denies that SMI allows is explained by a diagnostic.
    @Test func istioNeverAllowsWhatSMIDenies() throws {
        try Self.suite.expectNeverMorePermissive(bundles: 100, requests: 100, minimumPairs: 30_000, minimumKept: 0.6)
    }

    /// With whole-path anchoring too.
    ///
    /// Istio keeps 58-78% of SMI's allows here over the fixed and dated seeds (regexes it
    /// cannot write deny, SMI3003). Whole-path regexes admit fewer requests: SMI allows 32-45% of
    /// the pairs, so the floor is 30%.
    @Test func fullPathAnchoringNeverOverPermits() throws {
        try Self.suite.expectNeverMorePermissive(
            bundles: 60, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 777,
            options: RenderOptions(pathAnchoring: .full), minimumKept: 0.5, minimumAllowRate: 0.3)
    }

    /// In ambient mode: ztunnel enforces L4 at the pods, HTTP grants go to the waypoints of the
    /// Services that use one (or are reported, SMI3008, where none does or one cannot take
    /// them), and the pods admit the waypoint's identity.
    ///
    /// No request the model lets through, straight or through a waypoint, may be one SMI
    /// denies.
    @Test func ambientNeverAllowsWhatSMIDenies() throws {
        try Self.suite.expectNeverMorePermissive(
            bundles: 60, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 4_242, ambient: true,
            minimumKept: 0.2, label: "ambient")
    }

    /// Equal text of other bytes keeps its own bytes in each target's grant.
    @Test func eachTargetKeepsItsOwnBytes() throws {
        try Self.suite.expectEachTargetKeepsItsOwnBytes()
    }

    @Test func capabilitiesCoverEveryFeatureAndCode() throws {
        try Self.suite.expectCapabilitiesComplete(goldenTarget: "IstioAdapterTests")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(try GoldenCases.orderDependentCases(target: "IstioAdapterTests", adapter: IstioAdapter()) == [])
    }

    /// The proof can fail: loosening the rendered output one restriction at a time (a header
    /// dropped, a start anchor lost, a principal added, a deny removed ...), the differential's
    /// own requests catch at least 95% of the mutants that over-permit some request.
    @Test func differentialCatchesWideningMutants() throws {
        try Self.suite.expectSensitive(bundles: 12, requests: 600, probes: 3_000)
    }
}
