import Foundation
import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Linkerd YAML it must render and
/// the diagnostics it must report.
///
/// `options.txt` may say `linkerd=linkerd-smi` (splits as the linkerd-smi extension's
/// ServiceProfiles), `linkerd=default-deny` (a cluster whose default inbound policy is deny) or
/// `linkerd=allow-probes` (`--allow-probes`).
@Suite struct LinkerdGoldenTests {
    /// The adapter a case asks for.
    static func adapter(_ c: GoldenCases.Case) -> LinkerdAdapter {
        let options = (try? String(contentsOf: c.folder.appendingPathComponent("options.txt"), encoding: .utf8)) ?? ""
        var configuration = LinkerdConfiguration()
        if options.contains("linkerd=linkerd-smi") { configuration.splitForm = .linkerdSMI }
        if options.contains("linkerd=default-deny") { configuration.defaultInboundPolicy = "deny" }
        if options.contains("linkerd=allow-probes") { configuration.allowsProbes = true }
        return LinkerdAdapter(configuration: configuration)
    }

    @Test(arguments: GoldenCases.cases(target: "LinkerdAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let problems = try GoldenCases.check(c, adapter: Self.adapter(c))
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(try GoldenCases.orderDependentCases(target: "LinkerdAdapterTests", adapter: LinkerdAdapter()) == [])
    }

    /// Every golden rendering, decided as Linkerd would, on a grid of requests: never more
    /// permissive than SMI.
    @Test(arguments: GoldenCases.cases(target: "LinkerdAdapterTests"))
    func goldenNeverAllowsWhatSMIDenies(c: GoldenCases.Case) throws {
        let (overPermits, checked) = try LinkerdConformanceTests.suite.gridOverPermits(c)
        #expect(overPermits.isEmpty, "\(overPermits.prefix(5).joined(separator: "\n"))")
        #expect(checked > 0)
    }
}
