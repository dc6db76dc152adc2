import ConsulAdapter
import ConsulSimulation
import SMICore
import SMITestSupport
import Testing

/// The shared adapter conformance suite, for Consul: the model decides under a default that
/// allows (Consul without ACL default deny), the case a rendering must be safe in.
@Suite struct ConsulConformanceTests {
    static func suite(_ configuration: ConsulConfiguration) -> AdapterConformance<ConsulAdapter> {
        AdapterConformance(adapter: ConsulAdapter(configuration: configuration), unenforced: [.udp]) {
            resources, inventory in
            ConsulAccessModel(resources: resources, inventory: inventory, cluster: ConsulCluster(configuration))
        }
    }

    /// The share of SMI's allows Consul must keep (measured 69-73% with seeds 2026 and 2803):
    /// Consul reaches a pod only on its registered port (the first of the generator's three),
    /// so TCP grants SMI gives on every port hold on one, and Envoy joins repeated headers;
    /// each such denial is explained (SMI5003, SMI5004).
    ///
    /// A rendering that denies everything keeps none.
    static let minimumKept = 0.6

    /// Consul Enterprise with mirrored namespaces, where every SMI identity has a Consul
    /// name of its own: thousands of generated bundles and requests, no over-permit, every
    /// over-deny explained.
    @Test func consulNeverAllowsWhatSMIDenies() throws {
        try Self.suite(ConsulConfiguration(namespaces: .mirroring(prefix: ""), injectedByDefault: true))
            .expectNeverMorePermissive(
                bundles: 100, requests: 100, minimumPairs: 30_000, minimumKept: Self.minimumKept)
    }

    /// Equal text of other bytes keeps its own bytes in each target's grant.
    @Test func eachTargetKeepsItsOwnBytes() throws {
        try Self.suite(ConsulConfiguration(injectedByDefault: true)).expectEachTargetKeepsItsOwnBytes()
    }

    @Test func capabilitiesCoverEveryFeatureAndCode() throws {
        try Self.suite(ConsulConfiguration(injectedByDefault: true)).expectCapabilitiesComplete(
            goldenTarget: "ConsulAdapterTests")
    }

    /// With whole-path anchoring too, which admits fewer requests: SMI allows 32-45% of the
    /// pairs here over the fixed and dated seeds, so the floor is 30%.
    @Test func fullPathAnchoringNeverOverPermits() throws {
        try Self.suite(ConsulConfiguration(namespaces: .mirroring(prefix: "k8s-"), injectedByDefault: true))
            .expectNeverMorePermissive(
                bundles: 60, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 777,
                options: RenderOptions(pathAnchoring: .full),
                minimumKept: Self.minimumKept, minimumAllowRate: 0.3)
    }

    /// Consul CE, where `a/web` and `b/web` are one service: grants that SMI gives one and
    /// not the other are refused, so agreement is lower, but nothing is over-permitted and
    /// every over-deny is explained.
    @Test func flatNamespacesNeverOverPermits() throws {
        let report = try Self.suite(ConsulConfiguration(injectedByDefault: true)).differential(
            bundles: 100, requests: 100)
        #expect(report.pairs >= 7_000)
        #expect(report.overPermitCount == 0, "\(report.overPermits.joined(separator: "\n"))")
        #expect(report.unexplainedOverDenyCount == 0, "\(report.unexplainedOverDenies.joined(separator: "\n"))")
    }

    /// The proof can fail: loosening the rendered output one restriction at a time (a header
    /// dropped, a start anchor lost, a principal added, a deny removed ...), the differential's
    /// own requests catch at least 95% of the mutants that over-permit some request.
    @Test func differentialCatchesWideningMutants() throws {
        try Self.suite(ConsulConfiguration(namespaces: .mirroring(prefix: ""), injectedByDefault: true))
            .expectSensitive(bundles: 12, requests: 600, probes: 3_000)
    }
}
