import IstioAdapter
import SMICore
import SMITestSupport
import Testing

/// The shared adapter conformance suite, for Istio.
@Suite struct IstioConformanceTests {
    static let suite = AdapterConformance(adapter: IstioAdapter(), unenforced: [.udp]) { resources, inventory in
        IstioAccessModel(resources: resources, inventory: inventory)
    }

    /// Thousands of generated bundles and requests: whatever Istio allows under the rendered
    /// policies, SMI must allow (UDP aside, which Istio cannot enforce and reports), and every
    /// request Istio denies that SMI allows is explained by a diagnostic.
    @Test func istioNeverAllowsWhatSMIDenies() throws {
        let report = try Self.suite.differential(bundles: 300, requests: 100)
        #expect(report.pairs >= 20_000)
        #expect(report.overPermitCount == 0, "\(report.overPermitCount) over-permits in \(report.pairs) pairs:\n\(report.overPermits.joined(separator: "\n"))")
        #expect(report.unexplainedOverDenyCount == 0, "\(report.unexplainedOverDenyCount) over-denies without a diagnostic:\n\(report.unexplainedOverDenies.joined(separator: "\n"))")
        // Stricter rendering is allowed but must stay the exception for these bundles.
        #expect(Double(report.agreements) / Double(report.pairs) > 0.9, "\(report.agreements) of \(report.pairs) agree")
    }

    /// With whole-path anchoring too.
    @Test func fullPathAnchoringNeverOverPermits() throws {
        let report = try Self.suite.differential(bundles: 50, requests: 100, seed: AdapterConformance<IstioAdapter>.seed &+ 777, options: RenderOptions(pathAnchoring: .full))
        #expect(report.overPermitCount == 0, "\(report.overPermits.joined(separator: "\n"))")
        #expect(report.unexplainedOverDenyCount == 0, "\(report.unexplainedOverDenies.joined(separator: "\n"))")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(try GoldenCases.orderDependentCases(target: "IstioAdapterTests", adapter: IstioAdapter()) == [])
    }
}
