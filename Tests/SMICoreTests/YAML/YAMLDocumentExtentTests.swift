import Foundation
import SMICore
import SMITestSupport
import Testing

/// A document's extent lets it be read again on its own, to the same tree with the same
/// locations, so that callers can drop trees and still point at a field's line later.
@Suite struct YAMLDocumentExtentTests {
    @Test func everyDocumentOfTheYAMLTestSuiteReadsAgainFromItsExtent() throws {
        let cases = YAMLTestSuiteTests.cases()
        if cases.isEmpty {
            #expect(!SharedReference.required, "the YAML test suite is missing from ../shared/corpus")
            return
        }
        var checked = 0, withoutExtent = 0
        for schema in [YAMLSchema.core, .kubernetes] {
            let reader = YAMLReader(schema: schema)
            for c in cases {
                let bytes = [UInt8](try Data(contentsOf: c.folder.appendingPathComponent("in.yaml")))
                guard let documents = try? reader.read(bytes) else { continue }
                for document in documents {
                    guard let extent = document.extent else {
                        withoutExtent += 1
                        continue
                    }
                    checked += 1
                    let again = reader.readDocument(at: extent, of: bytes)
                    #expect(
                        again?.isIdentical(to: document.root) == true, "\(c.id) document \(document.index) at \(extent)"
                    )
                }
            }
        }
        #expect(checked > 500)
        // Only documents after directives have none.
        #expect(withoutExtent < 60)
    }

    @Test func documentsAfterDirectivesHaveNoExtent() throws {
        let documents = try YAMLReader().read(
            "a: 1\n...\n%YAML 1.2\n---\nb: 2\n...\n%TAG !x! tag:example.com,2000:\n---\nc: !x!y 3\n---\nd: 4\n")
        #expect(documents.map { $0.extent != nil } == [true, false, false, true])
    }

    @Test func extentsSpanWholeLinesUpToWhatEndsTheDocument() throws {
        let text = "  a: 1\n  b: [2,\n    3]\n# note\n--- x\n...\n---\n"
        let bytes = Array(text.utf8)
        let documents = try YAMLReader().read(bytes)
        #expect(
            documents.map(\.extent) == [
                .init(bytes: 0..<30, line: 1),
                .init(bytes: 30..<36, line: 5),
                .init(bytes: 40..<44, line: 7)
            ])
        #expect(
            YAMLReader().readDocument(at: documents[0].extent!, of: bytes)?.node(at: "b[1]")?.location
                == SourceLocation(line: 3, column: 5))
        #expect(
            YAMLReader().readDocument(at: .init(bytes: 0..<44, line: 1), of: bytes) == nil,
            "three documents are not one")
        #expect(YAMLReader().readDocument(at: .init(bytes: 0..<99, line: 1), of: bytes) == nil)
    }

    @Test func partsReadInParallelHaveTheExtentsOfOnePass() throws {
        let bytes = Array(YAMLReaderPartsTests.largeInput().utf8)
        let parallel = try YAMLReader().read(bytes)
        var oneByOne: [ManifestDocument] = []
        try YAMLReader().forEachDocument(in: bytes) { oneByOne.append($0) }
        #expect(parallel.map(\.extent) == oneByOne.map(\.extent))
        #expect(parallel.allSatisfy { $0.extent != nil })
        let last = try #require(parallel.last?.extent)
        #expect(
            YAMLReader().readDocument(at: last, of: bytes)?.isIdentical(to: parallel[parallel.count - 1].root) == true)
    }
}
