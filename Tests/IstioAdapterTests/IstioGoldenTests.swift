import IstioAdapter
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Istio YAML it must render and
/// the diagnostics it must report.
@Suite struct IstioGoldenTests {
    @Test(arguments: GoldenCases.cases(target: "IstioAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let problems = try GoldenCases.check(c, adapter: IstioAdapter())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func thereAreEnoughCases() {
        #expect(GoldenCases.cases(target: "IstioAdapterTests").count >= 20)
    }
}

/// Every golden rendering, decided as Istio would, against the SMI model on a grid of
/// requests between the identities and ports the case names: never more permissive.
@Suite struct IstioGoldenAccessTests {
    @Test(arguments: GoldenCases.cases(target: "IstioAdapterTests"))
    func goldenNeverAllowsWhatSMIDenies(c: GoldenCases.Case) throws {
        let (overPermits, checked) = try IstioConformanceTests.suite.gridOverPermits(c)
        #expect(overPermits.isEmpty, "\(overPermits.prefix(5).joined(separator: "\n"))")
        #expect(checked > 0)
    }
}
