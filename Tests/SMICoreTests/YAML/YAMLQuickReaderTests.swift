import Foundation
@testable import SMICore
import SMITestSupport
import Testing

/// The quick reader must give exactly what the parser gives: the same documents, trees,
/// locations, indices and extents, or the same error.
///
/// It may decline whatever it likes, but it must take the common form of manifests, or it would
/// not be worth having.
@Suite struct YAMLQuickReaderTests {
    /// What reading a text gives, to compare.
    struct Outcome: Equatable {
        var documents: [ManifestDocument]
        var error: String?

        init(_ bytes: [UInt8], reader: YAMLReader, quick: Bool) {
            var documents: [ManifestDocument] = []
            do {
                try reader.forEachDocument(inPart: bytes, file: "t.yaml", firstLine: 1, quick: quick) {
                    documents.append($0)
                }
            } catch {
                self.error = error.description
            }
            self.documents = documents
        }

        init(documents: [ManifestDocument], error: String?) {
            self.documents = documents
            self.error = error
        }

        func equals(_ other: Outcome) -> Bool { self == other }

        static func == (a: Outcome, b: Outcome) -> Bool {
            a.error == b.error && a.documents.count == b.documents.count
                && zip(a.documents, b.documents).allSatisfy {
                    $0.index == $1.index && $0.file == $1.file && $0.extent == $1.extent
                        && $0.root.isIdentical(to: $1.root)
                }
        }
    }

    /// The documents the quick reader takes from `bytes` (not those the parser reads).
    static func quickDocuments(_ bytes: [UInt8], reader: YAMLReader = YAMLReader()) -> Int {
        var storage = bytes + [UInt8](repeating: 0, count: 8)
        return storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var quick = YAMLQuickReader(base, count: bytes.count, reader: reader, file: nil, firstLine: 1)
            var taken = 0
            while quick.next() != nil { taken += 1 }
            return taken
        }
    }

    static func expectSame(_ bytes: [UInt8], reader: YAMLReader, _ label: @autoclosure () -> String) {
        let quick = Outcome(bytes, reader: reader, quick: true)
        let parsed = Outcome(bytes, reader: reader, quick: false)
        guard quick != parsed else { return }
        let differing = zip(quick.documents, parsed.documents).first {
            !Outcome(documents: [$0], error: nil).equals(Outcome(documents: [$1], error: nil))
        }
        let detail =
            differing.map {
                "document \($0.index): \($0.extent.map { "\($0)" } ?? "-") vs \($1.extent.map { "\($0)" } ?? "-")"
            }
            ?? "\(quick.documents.count) vs \(parsed.documents.count) documents, errors \(quick.error ?? "none") vs \(parsed.error ?? "none")"
        Issue.record("\(label()): \(detail) in:\n\(String(decoding: bytes, as: UTF8.self))")
    }

    /// Manifests of the usual form: the goldens' inputs and the examples.
    static func manifests() throws -> [[UInt8]] {
        var texts: [[UInt8]] = []
        for target in ["IstioAdapterTests", "LinkerdAdapterTests", "ConsulAdapterTests"] {
            for c in GoldenCases.cases(target: target) {
                texts.append([UInt8](try Data(contentsOf: c.folder.appendingPathComponent("input.yaml"))))
            }
        }
        let examples = SharedReference.packageRoot.appendingPathComponent("Examples")
        for folder in ["shop", "diagnostics"] {
            let path = examples.appendingPathComponent(folder).path
            for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            where name.hasSuffix(".yaml") {
                texts.append([UInt8](try Data(contentsOf: URL(fileURLWithPath: path).appendingPathComponent(name))))
            }
        }
        return texts
    }

    static let readers: [YAMLReader] = [
        YAMLReader(), YAMLReader(schema: .core), YAMLReader(allowsDuplicateKeys: true),
        YAMLReader(
            limits: .init(maxDepth: 3, maxDocumentBytes: 200, maxScalarBytes: 6, maxDocuments: 3, maxAliasExpansion: 25)
        )
    ]

    @Test func theYAMLTestSuiteReadsAsTheParserReadsIt() throws {
        let cases = YAMLTestSuiteTests.cases()
        if cases.isEmpty {
            #expect(!SharedReference.required, "the YAML test suite is missing from ../shared/corpus")
            return
        }
        var taken = 0
        for c in cases {
            let bytes = [UInt8](try Data(contentsOf: c.folder.appendingPathComponent("in.yaml")))
            for (n, reader) in Self.readers.enumerated() {
                Self.expectSame(bytes, reader: reader, "\(c.id) with reader \(n)")
            }
            taken += Self.quickDocuments(bytes)
        }
        // Most of the suite is the unusual forms the parser is for, but not all of it (this
        // counts each case's documents up to the first one declined).
        #expect(taken >= 15)
    }

    @Test func manifestsReadAsTheParserReadsThem() throws {
        let texts = try Self.manifests()
        #expect(texts.count > 100)
        var documents = 0, taken = 0
        for (i, bytes) in texts.enumerated() {
            for (n, reader) in Self.readers.enumerated() {
                Self.expectSame(bytes, reader: reader, "manifest \(i) with reader \(n)")
            }
            documents += Outcome(bytes, reader: YAMLReader(), quick: false).documents.count
            taken += Self.quickDocuments(bytes)
        }
        // The goldens have comments before their first document and a few block scalars.
        #expect(taken * 10 > documents * 9, "\(taken) of \(documents) documents read quickly")
    }

    /// Every form the quick reader takes, in three documents.
    static let forms = """
        # leading comment
        apiVersion: v1   # trailing
        kind: "Kind"
        metadata: {name: 'it''s', labels: {a: b, c: "d e"}, list: [1, -2, 3.5, true, null, ~, {x: y}, []], empty: {}}
        spec:
          nested:
            deeper: value with spaces
            url: http://example.com:8080/a#b
            key with spaces : x
          items:
          - plain
          - key: v
            other: [a, b]
          -
            late: 1
          # a comment line
          -  "quoted"
        indentless:
        - a
        - b: c
          d:
          - e
        ---
        kind: Next
        spec:
          - x
        --- # comment
        kind: Last

        """

    @Test func theFormsItTakes() throws {
        let bytes = Array(Self.forms.utf8)
        for reader in Self.readers { Self.expectSame(bytes, reader: reader, "forms") }
        #expect(Outcome(bytes, reader: YAMLReader(), quick: false).documents.count == 3)
        #expect(Self.quickDocuments(bytes) == 3)
    }

    /// Forms left to the parser, each on a line of its own in the first document.
    @Test(arguments: [
        "  - - nested", "  k: |\n    block", "  k: >\n    folded", "  k: &a anchored", "  k: *a", "  k: !tag x",
        "  ? explicit",
        "  k: \"esc\\n\"", "  k: multi\n    line", "  k: [a,\n    b]", "  k:", "  \"quoted\": key", "  <<: {a: 1}",
        "  k: {<<: {a: 1}}", "  k: café", "  k:\tv", "  k: v\r", "  1: number key", "  k: {a, b: c}", "  k: [a: b]"
    ])
    func formsItLeavesToTheParser(line: String) throws {
        let bytes = Array(Self.forms.replacingOccurrences(of: "  items:\n", with: line + "\n  items:\n").utf8)
        for reader in Self.readers { Self.expectSame(bytes, reader: reader, line) }
        #expect(Self.quickDocuments(bytes) == 0)
    }

    /// A long text (one a `String` cannot hold inline) that a part repeats is stored once,
    /// whatever form it is written in; short texts need no storage of their own.
    @Test func aRepeatedLongTextIsStoredOnce() throws {
        let long = "split.smi-spec.io/v1alpha4"
        let text = "a: \(long)\nb: [\(long)]\n---\nc: {d: '\(long)'}\ne: \"\(long)\"\nf: other-long-text-here\n"
        var strings: [String] = []
        try YAMLReader().forEachDocument(inPart: Array(text.utf8), file: nil, firstLine: 1) { document in
            func collect(_ node: ManifestNode) {
                switch node.value {
                case let .string(s): strings.append(s)
                case let .mapping(m): for entry in m.entries { collect(entry.value) }
                case let .sequence(items): items.forEach(collect)
                default: break
                }
            }
            collect(document.root)
        }
        #expect(strings == [long, long, long, long, "other-long-text-here"])
        let storage = strings.map { $0.utf8.withContiguousStorageIfAvailable { $0.baseAddress } ?? nil }
        #expect(Set(storage.prefix(4)).count == 1, "one storage for the four")
        #expect(storage[4] != storage[0])
    }

    /// Mutations of the manifests (and of a few YAML test suite cases): characters that matter
    /// to YAML inserted, lines deleted, duplicated or indented, bytes dropped.
    ///
    /// It recurses, so it takes nesting only to a bound, and leaves deeper documents (which the
    /// parser reads without recursion) to the parser.
    @Test(arguments: [YAMLQuickReader.maxNesting, YAMLQuickReader.maxNesting + 1])
    func nestingIsTakenToItsBound(levels: Int) {
        var text = ""
        for i in 0..<levels { text += String(repeating: " ", count: i) + (i == levels - 1 ? "k: v\n" : "k:\n") }
        let bytes = Array(text.utf8)
        Self.expectSame(bytes, reader: YAMLReader(), "\(levels) levels")
        #expect(Self.quickDocuments(bytes) == (levels <= YAMLQuickReader.maxNesting ? 1 : 0))
    }

    /// `SMI_QUICK_MUTATIONS` when set (for longer runs by hand), else 3,000.
    static let mutationCount = ProcessInfo.processInfo.environment["SMI_QUICK_MUTATIONS"].flatMap { Int($0) } ?? 3000

    @Test func mutatedManifestsReadAsTheParserReadsThem() throws {
        var random = SeededGenerator(seed: SMIBundleGenerator.seed)
        let texts = try Self.manifests()
        let snippets = [
            ": ", ":", "- ", "-", "#", " #", "'", "''", "\"", "\\", "\n", "  ", " ", "\t", "{", "}", "[", "]", ",",
            "---\n",
            "...\n", "<<: ", "&a ", "*a", "!", "|", ">", "? ", "%", "é", "\r", "null", "yes", "1", "-1", "a: b", "\n  ",
            "\n- "
        ].map { Array($0.utf8) }
        var mutations = 0
        for _ in 0..<Self.mutationCount {
            var bytes = texts[Int.random(in: 0..<texts.count, using: &random)]
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let at = Int.random(in: 0...bytes.count, using: &random)
                switch Int.random(in: 0..<5, using: &random) {
                case 0, 1:
                    bytes.insert(contentsOf: snippets[Int.random(in: 0..<snippets.count, using: &random)], at: at)
                case 2:
                    bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...4, using: &random)))
                case 3:
                    let start = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    bytes.insert(contentsOf: [0x20, 0x20], at: start)
                default:
                    let start = bytes[..<at].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
                    let end = bytes[at...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
                    bytes.insert(contentsOf: bytes[start..<end], at: start)
                }
            }
            let reader = Self.readers[Int.random(in: 0..<Self.readers.count, using: &random)]
            Self.expectSame(bytes, reader: reader, "mutation \(mutations)")
            mutations += 1
        }
        #expect(mutations == Self.mutationCount)
    }
}

/// Plain integers with a leading zero read as octal under the Kubernetes schema (`010` is 8):
/// the parser notes where they are, for a warning; the quick reader leaves them to it.
@Suite struct YAMLOctalIntegerTests {
    @Test func theParserNotesIntegersThatReadAsOctal() throws {
        // 08 and 080 are not octal: Go reads them as the floats 8 and 80.
        let marked = MarkedText("a: ⚑010\nb: [⚑-0100, 0o10, 00, 07, \"010\", '010', 10, 0x10, 08, 080]\nc: ⚑01_0\n")
        let document = try #require(YAMLReader().read(marked.text).first)
        #expect(document.octalIntegers == marked.locations)
        #expect(document.root.node(at: "a")?.value == .int(8))
        #expect(try YAMLReader(schema: .core).read(marked.text).first?.octalIntegers == [])
    }

    @Test func theQuickReaderDeclinesThemAndGivesWhatTheParserGives() throws {
        let bytes = Array("apiVersion: v1\nkind: Service\nspec:\n  ports:\n  - port: 0100\n".utf8)
        let reader = YAMLReader()
        let quick = YAMLQuickReaderTests.Outcome(bytes, reader: reader, quick: true)
        #expect(quick == YAMLQuickReaderTests.Outcome(bytes, reader: reader, quick: false))
        #expect(quick.documents.first?.octalIntegers == [SourceLocation(line: 5, column: 11)])
    }
}
