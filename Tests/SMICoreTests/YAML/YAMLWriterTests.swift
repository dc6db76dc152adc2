import SMICore
import SMITestSupport
import Testing

@Suite struct YAMLWriterTests {
    @Test func writesKubectlStyle() {
        let service: ManifestNode = [
            "apiVersion": "v1",
            "kind": "Service",
            "metadata": ["name": "web", "labels": ["app": "web"]],
            "spec": [
                "ports": [["name": "http", "port": 80], ["name": "grpc", "port": 9090]],
                "selector": [:],
                "externalIPs": [],
                "nested": [["a", "b"], []]
            ]
        ]
        let expected = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              labels:
                app: web
            spec:
              ports:
              - name: http
                port: 80
              - name: grpc
                port: 9090
              selector: {}
              externalIPs: []
              nested:
              - - a
                - b
              - []

            """
        #expect(YAMLWriter().write(service) == expected)
    }

    @Test func separatesDocumentsWithThreeDashes() {
        #expect(YAMLWriter().write(documents: [["a": 1], "text", nil, []]) == "a: 1\n---\ntext\n---\nnull\n---\n[]\n")
    }

    @Test(arguments: [
        // Strings another reader takes for another type or another string.
        ("yes", "\"yes\""), ("No", "\"No\""), ("on", "\"on\""), ("y", "\"y\""), ("~", "\"~\""), ("null", "\"null\""),
        ("true", "\"true\""), ("1e3", "\"1e3\""), ("0777", "\"0777\""), ("0o17", "\"0o17\""), ("0x1F", "\"0x1F\""),
        (".inf", "\".inf\""), ("2001-12-14", "\"2001-12-14\""), ("1:20", "\"1:20\""), ("1_000", "\"1_000\""),
        ("0b11", "\"0b11\""), ("12", "\"12\""), ("-1.5", "\"-1.5\""), (".5", "\".5\""), ("<<", "\"<<\""),
        ("=", "\"=\""),
        ("", "\"\""), (" lead", "\" lead\""), ("trail ", "\"trail \""),
        ("-a", "\"-a\""), ("?a", "\"?a\""), (":a", "\":a\""), ("@a", "\"@a\""), ("`a", "\"`a\""), ("!a", "\"!a\""),
        ("&a", "\"&a\""), ("*a", "\"*a\""), ("|a", "\"|a\""), (">a", "\">a\""), ("%a", "\"%a\""), ("#a", "\"#a\""),
        ("'a", "\"'a\""), ("\"a", "\"\\\"a\""), ("[a", "\"[a\""), ("{a", "\"{a\""), (",a", "\",a\""),
        ("...", "\"...\""),
        ("a: b", "\"a: b\""), ("a #b", "\"a #b\""), ("a:", "\"a:\""), ("a\tb", "\"a\\tb\""),
        ("\u{1}", "\"\\x01\""), ("\u{7F}", "\"\\x7F\""), ("\u{85}", "\"\\N\""), ("\u{2028}", "\"\\L\""),
        ("\u{FEFF}", "\"\\uFEFF\""),
        ("a\rb", "\"a\\rb\""), ("\\", "\\"),
        // Strings that every reader reads as themselves stay plain.
        ("web", "web"), ("a:b", "a:b"), ("a#b", "a#b"), ("1.2.3", "1.2.3"), ("10.0.0.1", "10.0.0.1"), ("v1", "v1"),
        ("yes please", "yes please"), ("/api/.*", "/api/.*"), ("é", "é"), ("a, b", "a, b"), ("100m", "100m"),
        ("1Gi", "1Gi"),
        ("inf", "inf"), ("nan", "nan"), ("a'b", "a'b")
    ])
    func quotesStringsExactlyWhenNeeded(string: String, written: String) {
        #expect(YAMLWriter().write(["k": ManifestNode(.string(string))]) == "k: \(written)\n")
    }

    @Test(arguments: [
        (3e20, "3.0e+20"), (1.0, "1.0"), (0.5, "0.5"), (-0.0, "-0.0"), (1e-5, "1.0e-05"), (1e16, "1.0e+16"),
        (Double.infinity, ".inf"), (-Double.infinity, "-.inf"), (Double.nan, ".nan"), (123.456, "123.456")
    ])
    func writesFloatsThatReadAsFloats(value: Double, written: String) {
        #expect(YAMLWriter().write(ManifestNode(.double(value))) == written + "\n")
    }

    @Test(arguments: [
        ("a\nb\n", "k: |\n  a\n  b\n"),
        ("a\nb", "k: |-\n  a\n  b\n"),
        ("a\n\n", "k: |+\n  a\n\n"),
        ("\na\n", "k: |\n\n  a\n"),
        ("a\n  indented\n\nb", "k: |-\n  a\n    indented\n\n  b\n"),
        (" a\nb", "k: \" a\\nb\"\n"),
        ("a\n", "k: |\n  a\n"),
        ("\n", "k: \"\\n\"\n"),
        ("a\u{85}\nb", "k: \"a\\N\\nb\"\n")
    ])
    func multiLineStringsUseLiteralBlocksWhereTheyRoundTrip(string: String, written: String) {
        #expect(YAMLWriter().write(["k": ManifestNode(.string(string))]) == written)
    }

    @Test func literalBlocksInSequencesAndAtTheRoot() {
        #expect(YAMLWriter().write(["a\nb"] as ManifestNode) == "- |-\n  a\n  b\n")
        #expect(YAMLWriter().write("a\nb\n") == "|\n  a\n  b\n")
    }

    @Test func keysAreQuotedAndNeverBlockScalars() {
        let m = ManifestMapping([
            (ManifestNode(.string("yes")), 1), (ManifestNode(.string("a\nb")), 2), (ManifestNode(.int(80)), 3),
            (ManifestNode(.null), 4), (ManifestNode(.bool(true)), 5)
        ])
        #expect(YAMLWriter().write(ManifestNode(.mapping(m))) == "\"yes\": 1\n\"a\\nb\": 2\n80: 3\nnull: 4\ntrue: 5\n")
    }

    @Test func collectionKeysUseTheExplicitForm() throws {
        let m = ManifestMapping([(["a", "b"], "seq"), (["k": "v"], ["x": 1])])
        let text = YAMLWriter().write(ManifestNode(.mapping(m)))
        #expect(text == "? - a\n  - b\n: seq\n? k: v\n:\n  x: 1\n")
        #expect(try YAMLReader().readSingle(text) == ManifestNode(.mapping(m)))
    }

    @Test func longKeysUseTheExplicitForm() throws {
        let key = String(repeating: "k", count: 600)
        let node: ManifestNode = ManifestNode(.mapping(ManifestMapping([(ManifestNode(.string(key)), "v")])))
        let text = YAMLWriter().write(node)
        #expect(text.hasPrefix("? kkk"))
        #expect(try YAMLReader().readSingle(text) == node)
    }

    @Test func outputIsDeterministic() {
        var rng = SeededGenerator(seed: 3)
        let value = ManifestNode(TrickyValues.value(&rng, depth: 5))
        #expect(YAMLWriter().write(value) == YAMLWriter().write(value))
    }
}

@Suite struct YAMLWriterStreamTests {
    /// A stream long enough to be written in batches, each in parts on all cores, is the
    /// same text as its documents written one after the other, whichever way it is asked for.
    @Test func longStreamsAreWrittenAsOneAfterTheOther() {
        let documents: [ManifestNode] = (0..<9_001).map { i in
            i % 5 == 0
                ? ManifestNode(.string("s\(i)"))
                : ["kind": "ConfigMap", "data": ["n": ManifestNode(.int(i))], "list": [1, 2]]
        }
        var expected: [UInt8] = []
        for (i, document) in documents.enumerated() { YAMLWriter().write(document, asDocument: i, into: &expected) }
        var written: [UInt8] = []
        YAMLWriter().write(documents: documents, into: &written)
        #expect(written == expected)
        #expect(YAMLWriter().write(documents: documents) == String(decoding: expected, as: UTF8.self))
        var pieces: [[UInt8]] = []
        YAMLWriter().write(documents: documents) { pieces.append(Array($0)) }
        #expect(pieces.flatMap { $0 } == expected)
        #expect(pieces.count > 2, "written in batches, not held whole")
    }
}
