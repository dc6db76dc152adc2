import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Linkerd YAML it must render and
/// the diagnostics it must report.
@Suite struct LinkerdGoldenTests {
    @Test(arguments: GoldenCases.cases(target: "LinkerdAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let problems = try GoldenCases.check(c, adapter: LinkerdAdapter())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(try GoldenCases.orderDependentCases(target: "LinkerdAdapterTests", adapter: LinkerdAdapter()) == [])
    }

    /// Every golden rendering, decided as Linkerd would, on a grid of requests: never more
    /// permissive than SMI.
    @Test(arguments: GoldenCases.cases(target: "LinkerdAdapterTests"))
    func neverAllowsWhatSMIDenies(c: GoldenCases.Case) throws {
        let (overPermits, checked) = try LinkerdConformanceTests.suite.gridOverPermits(c)
        #expect(overPermits.isEmpty, "\(overPermits.prefix(5).joined(separator: "\n"))")
        #expect(checked > 0)
    }
}
