import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

/// The shared adapter conformance suite, for Linkerd (with the default inbound policy the
/// rendering's warning asks for: deny).
@Suite struct LinkerdConformanceTests {
    static let suite = AdapterConformance(adapter: LinkerdAdapter(), unenforced: [.udp]) { resources, inventory in
        LinkerdAccessModel(resources: resources, inventory: inventory)
    }

    /// Thousands of generated bundles and requests: whatever Linkerd allows under the rendered
    /// objects, SMI must allow (UDP aside, which Linkerd cannot enforce and reports), and every
    /// request it denies that SMI allows is explained by a diagnostic.
    @Test func linkerdNeverAllowsWhatSMIDenies() throws {
        try Self.suite.expectNeverMorePermissive(bundles: 100, requests: 100, minimumPairs: 30_000, minimumKept: 0.85)
    }

    /// Equal text of other bytes keeps its own bytes in each target's grant.
    @Test func eachTargetKeepsItsOwnBytes() throws {
        try Self.suite.expectEachTargetKeepsItsOwnBytes()
    }

    @Test func capabilitiesCoverEveryFeatureAndCode() throws {
        try Self.suite.expectCapabilitiesComplete(goldenTarget: "LinkerdAdapterTests")
    }

    /// With whole-path anchoring too.
    @Test func fullPathAnchoringNeverOverPermits() throws {
        try Self.suite.expectNeverMorePermissive(
            bundles: 50, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 777,
            options: RenderOptions(pathAnchoring: .full), minimumKept: 0.85)
    }

    /// The proof can fail: loosening the rendered output one restriction at a time (a header
    /// dropped, a start anchor lost, a principal added, a deny removed ...), the differential's
    /// own requests catch at least 95% of the mutants that over-permit some request.
    @Test func differentialCatchesWideningMutants() throws {
        try Self.suite.expectSensitive(bundles: 12, requests: 600, probes: 3_000)
    }
}
