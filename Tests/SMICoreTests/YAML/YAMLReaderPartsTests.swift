import SMICore
import Testing

/// Large multi-document inputs are read in parts in parallel; the result must be exactly
/// what one sequential pass gives: values, locations, document indices and errors.
@Suite struct YAMLReaderPartsTests {
    /// About 2.3 MiB of documents of varied shape, some with `---` inside block scalars and
    /// quoted strings (which must not be taken for document starts).
    static func largeInput(extra: String = "") -> String {
        var text = ""
        var i = 0
        while text.utf8.count < (2 << 20) + 300_000 {
            text += """
                ---
                kind: Thing
                metadata: {name: thing-\(i), labels: {n: "\(i)"}}
                data:
                  script: |
                    echo start
                    --- not a document start (indented)
                  quoted: "a
                    --- b"
                  list:
                  - é\(i)
                  - [1, 2.5, yes]
                ...

                """
            i += 1
        }
        return text + extra
    }

    private func sequential(_ text: String) throws -> [ManifestDocument] {
        var documents: [ManifestDocument] = []
        try YAMLReader().forEachDocument(in: Array(text.utf8)) { documents.append($0) }
        return documents
    }

    @Test func partsReadLikeOnePass() throws {
        let text = Self.largeInput()
        let parallel = try YAMLReader().read(text)
        let oneByOne = try sequential(text)
        #expect(parallel.count == oneByOne.count)
        #expect(parallel.count > 3000)
        #expect(parallel.map(\.root) == oneByOne.map(\.root))
        #expect(parallel.map(\.index) == Array(0..<parallel.count))
        for (p, s) in zip(parallel, oneByOne)
        where p.root.location != s.root.location
            || p.root.node(at: "data.list[0]")?.location != s.root.node(at: "data.list[0]")?.location
        {
            Issue.record(
                "document \(p.index) has locations \(String(describing: p.root.location)) and \(String(describing: s.root.location))"
            )
            break
        }
    }

    @Test func anErrorInALaterPartIsTheSequentialError() throws {
        let text = Self.largeInput(extra: "---\na: [unclosed\n---\nb: 1\n")
        let parallelError = #expect(throws: YAMLError.self) { try YAMLReader().read(text) }
        let sequentialError = #expect(throws: YAMLError.self) { try sequential(text) }
        #expect(parallelError == sequentialError)
        #expect(parallelError?.location.line == text.split(separator: "\n", omittingEmptySubsequences: false).count - 2)
    }

    @Test func directivesAreReadInOnePass() throws {
        let text = Self.largeInput(extra: "%YAML 1.2\n---\nlast: true\n")
        #expect(try YAMLReader().read(text).map(\.root) == sequential(text).map(\.root))
    }

    @Test func theDocumentLimitHoldsAcrossParts() throws {
        let text = Self.largeInput()
        let limits = YAMLReader.Limits(maxDocuments: 100)
        let error = #expect(throws: YAMLError.self) { try YAMLReader(limits: limits).read(text) }
        #expect(error?.reason == .limit)
    }
}

/// One very long line (minified JSON) must read in linear time: locations are computed in
/// text order, never by recounting the line for every node.
@Suite struct YAMLReaderLongLineTests {
    @Test func minifiedJSONReadsWithColumnsRight() throws {
        let item = #"{"name":"é","ports":[80,443],"labels":{"a":"b"}}"#
        let count = 40_000
        let json = "[" + Array(repeating: item, count: count).joined(separator: ",") + "]"
        let root = try YAMLReader().readSingle(json)
        let items = try #require(root.value.sequenceValue)
        #expect(items.count == count)
        let last = try #require(items.last)
        // Items are 48 characters and a comma; the last starts after the "[", and its
        // "b" is 43 characters into it.
        let lastColumn = 2 + (count - 1) * (item.unicodeScalars.count + 1)
        #expect(last.location == SourceLocation(line: 1, column: lastColumn))
        #expect(last.node(at: "labels.a")?.location == SourceLocation(line: 1, column: lastColumn + 43))
    }
}
