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

    @Test func renderingDoesNotDependOnInputOrder() throws {
        for c in GoldenCases.cases(target: "IstioAdapterTests") {
            let text = try String(contentsOf: c.folder.appendingPathComponent("input.yaml"), encoding: .utf8)
            let documents = try YAMLReader().read(text)
            var rng = SeededGenerator(seed: 1)
            var shuffled = documents
            shuffled.shuffle(using: &rng)
            let render = { (docs: [ManifestDocument]) in
                IstioAdapter().render(SMIBundle(docs), inventory: Inventory(manifests: docs), options: RenderOptions()).yaml()
            }
            #expect(render(documents) == render(shuffled), "\(c.name)")
        }
    }
}
