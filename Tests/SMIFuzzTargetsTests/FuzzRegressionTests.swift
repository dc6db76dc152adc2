import Foundation
@testable import SMIFuzzTargets
import SMITestSupport
import Testing

/// Every input a fuzzer found (kept in Fuzz/regressions/TARGET by Fuzz/run.sh) replays
/// without a crash, hang or broken property; and the properties hold on the seeds.
@Suite struct FuzzRegressionTests {
    static func files(under folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func reproducersStayFixed(target: FuzzTarget) throws {
        let folder = SharedReference.packageRoot.appendingPathComponent("Fuzz/regressions/\(target.rawValue)")
        for file in Self.files(under: folder) {
            let failure = target.run([UInt8](try Data(contentsOf: file)))
            #expect(failure == nil, "\(file.lastPathComponent): \(failure?.description ?? "")")
        }
    }

    @Test func reproducersExist() {
        let yaml = Self.files(under: SharedReference.packageRoot.appendingPathComponent("Fuzz/regressions/yaml"))
        #expect(yaml.contains { $0.lastPathComponent == "unclosed-flow-mapping-at-end-hang" })
    }

    /// The seeds Fuzz/run.sh starts from (the examples and every golden input) hold every
    /// property of the YAML and pipeline targets.
    @Test(arguments: [FuzzTarget.yaml, .pipeline])
    func seedsHoldTheProperties(target: FuzzTarget) throws {
        let root = SharedReference.packageRoot
        var inputs =
            Self.files(under: root.appendingPathComponent("Examples/shop")) + [
                root.appendingPathComponent("Examples/bookstore/app.yaml")
            ]
        for tests in ["IstioAdapterTests", "LinkerdAdapterTests", "ConsulAdapterTests"] {
            inputs += GoldenCases.cases(target: tests).map { $0.folder.appendingPathComponent("input.yaml") }
        }
        #expect(inputs.count > 100)
        for input in inputs {
            let failure = target.run([UInt8](try Data(contentsOf: input)))
            #expect(failure == nil, "\(input.path): \(failure?.description ?? "")")
        }
    }

    /// The pipeline target checks each JSON document on its own: one per line, or indented
    /// over several lines as Consul's config entries are.
    @Test func jsonOutputSplitsIntoItsDocuments() {
        #expect(PipelineFuzzing.jsonDocuments("{\"a\":1}\n{\"b\":2}\n") == ["{\"a\":1}", "{\"b\":2}"])
        #expect(
            PipelineFuzzing.jsonDocuments("{\n  \"Kind\": \"x\"\n}\n{\n  \"Kind\": \"y\"\n}\n") == [
                "{\n  \"Kind\": \"x\"\n}", "{\n  \"Kind\": \"y\"\n}"
            ])
    }

    @Test func regexShapesAgreeWithMatching() {
        for pattern in ["/api/v1", "/api(/.*)?", ".*\\.css", "(?i)/A", "a|b", "[a-z]+", "^/x$", "/items/[0-9]+"] {
            let failure = FuzzTarget.regex.run(Array((pattern + "\n/api/v1/x\n/A\nstyle.css").utf8))
            #expect(failure == nil, "\(pattern): \(failure?.description ?? "")")
        }
    }
}
