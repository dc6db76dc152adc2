import Foundation
import SMICore
import SMITestSupport
import Testing

/// Runs the reader over the official YAML test suite: cases with `in.json` must read to
/// the same values, cases with an `error` file must be rejected.
@Suite struct YAMLTestSuiteTests {
    /// The counts reached when this test was last tightened; CI fails below them.
    static let minimumJSONPasses = 279
    static let minimumErrorRejections = 94
    static let minimumOtherAccepted = 28  // 2JQS repeats the key null, which this reader rejects on purpose

    struct Case {
        let id: String
        let folder: URL
    }

    static func cases() -> [Case] {
        guard let root = SharedReference.root?.appendingPathComponent("corpus/yaml-test-suite") else { return [] }
        let fm = FileManager.default
        var result: [Case] = []
        for id in ((try? fm.contentsOfDirectory(atPath: root.path)) ?? []).sorted() {
            let folder = root.appendingPathComponent(id)
            if fm.fileExists(atPath: folder.appendingPathComponent("in.yaml").path) {
                result.append(Case(id: id, folder: folder))
            } else {
                for sub in ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() {
                    let subFolder = folder.appendingPathComponent(sub)
                    if fm.fileExists(atPath: subFolder.appendingPathComponent("in.yaml").path) {
                        result.append(Case(id: "\(id)/\(sub)", folder: subFolder))
                    }
                }
            }
        }
        return result
    }

    @Test func readerMeetsTheSuiteCounts() throws {
        let cases = Self.cases()
        if cases.isEmpty {
            #expect(!SharedReference.required, "the YAML test suite is missing from ../shared/corpus")
            return
        }
        let reader = YAMLReader(schema: .core)
        var jsonTotal = 0, jsonPassed = 0, errorTotal = 0, errorRejected = 0, otherTotal = 0, otherAccepted = 0
        var failures: [String] = []
        for c in cases {
            let yaml = try Data(contentsOf: c.folder.appendingPathComponent("in.yaml"))
            let fm = FileManager.default
            let isError = fm.fileExists(atPath: c.folder.appendingPathComponent("error").path)
            let jsonURL = c.folder.appendingPathComponent("in.json")
            let result = Result { () throws(YAMLError) in try reader.read([UInt8](yaml)) }
            if isError {
                errorTotal += 1
                if case .failure = result {
                    errorRejected += 1
                } else {
                    failures.append("\(c.id): accepted invalid input")
                }
            } else if fm.fileExists(atPath: jsonURL.path) {
                jsonTotal += 1
                let expected = JSONStream.values([UInt8](try Data(contentsOf: jsonURL))) ?? []
                switch result {
                case let .success(documents):
                    if documents.count == expected.count
                        && zip(expected, documents).allSatisfy({ $0.matches($1.root.value) })
                    {
                        jsonPassed += 1
                    } else {
                        failures.append("\(c.id): different value")
                    }
                case let .failure(error):
                    failures.append("\(c.id): rejected valid input: \(error)")
                }
            } else {
                otherTotal += 1
                if case let .failure(error) = result {
                    failures.append("\(c.id): rejected valid input (no JSON form): \(error)")
                } else {
                    otherAccepted += 1
                }
            }
        }
        let report =
            "YAML test suite: \(jsonPassed)/\(jsonTotal) JSON cases equal, \(errorRejected)/\(errorTotal) error cases rejected, \(otherAccepted)/\(otherTotal) other valid cases accepted"
        print(report)
        if ProcessInfo.processInfo.environment["SMI_SUITE_VERBOSE"] != nil {
            print(failures.joined(separator: "\n"))
        }
        #expect(jsonPassed >= Self.minimumJSONPasses, "\(report)")
        #expect(errorRejected >= Self.minimumErrorRejections, "\(report)")
        #expect(otherAccepted >= Self.minimumOtherAccepted, "\(report)")
    }
}
