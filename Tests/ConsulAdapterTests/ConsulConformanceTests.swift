import ConsulAdapter
import SMICore
import SMITestSupport
import Testing

/// The shared adapter conformance suite, for Consul: the model decides under a default that
/// allows (Consul without ACL default deny), the case a rendering must be safe in.
@Suite struct ConsulConformanceTests {
    static func suite(_ configuration: ConsulConfiguration) -> AdapterConformance<ConsulAdapter> {
        AdapterConformance(adapter: ConsulAdapter(configuration: configuration), unenforced: [.udp]) { resources, inventory in
            ConsulAccessModel(resources: resources, inventory: inventory, configuration: configuration)
        }
    }

    /// The share of SMI's allows Consul must keep (measured 54-55% with seeds 2026 and 2803):
    /// Consul reaches a pod only on its registered port (the first of the generator's three),
    /// so TCP grants SMI gives on every port hold on one, and Envoy joins repeated headers;
    /// each such denial is explained (SMI5003, SMI5004). A rendering that denies everything
    /// keeps none.
    static let minimumKept = 0.45

    /// Consul Enterprise with mirrored namespaces, where every SMI identity has a Consul
    /// name of its own: thousands of generated bundles and requests, no over-permit, every
    /// over-deny explained.
    @Test func consulNeverAllowsWhatSMIDenies() throws {
        try Self.suite(ConsulConfiguration(namespaces: .mirroring(prefix: ""), injectedByDefault: true)).expectNeverMorePermissive(
            bundles: 300, requests: 100, minimumPairs: 20_000, minimumKept: Self.minimumKept)
    }

    /// Equal text of other bytes keeps its own bytes in each target's grant.
    @Test func eachTargetKeepsItsOwnBytes() throws {
        try Self.suite(ConsulConfiguration(injectedByDefault: true)).expectEachTargetKeepsItsOwnBytes()
    }

    @Test func capabilitiesCoverEveryFeatureAndCode() throws {
        try Self.suite(ConsulConfiguration(injectedByDefault: true)).expectCapabilitiesComplete(goldenTarget: "ConsulAdapterTests")
    }

    /// With whole-path anchoring too.
    @Test func fullPathAnchoringNeverOverPermits() throws {
        try Self.suite(ConsulConfiguration(namespaces: .mirroring(prefix: "k8s-"), injectedByDefault: true)).expectNeverMorePermissive(
            bundles: 50, requests: 100, minimumPairs: 3_000, seed: SMIBundleGenerator.seed &+ 777, options: RenderOptions(pathAnchoring: .full),
            minimumKept: Self.minimumKept)
    }

    /// Consul CE, where `a/web` and `b/web` are one service: grants that SMI gives one and
    /// not the other are refused, so agreement is lower, but nothing is over-permitted and
    /// every over-deny is explained.
    @Test func flatNamespacesNeverOverPermits() throws {
        let report = try Self.suite(ConsulConfiguration(injectedByDefault: true)).differential(bundles: 100, requests: 100)
        #expect(report.pairs >= 7_000)
        #expect(report.overPermitCount == 0, "\(report.overPermits.joined(separator: "\n"))")
        #expect(report.unexplainedOverDenyCount == 0, "\(report.unexplainedOverDenies.joined(separator: "\n"))")
    }
}
