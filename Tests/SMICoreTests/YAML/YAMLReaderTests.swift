import Foundation
import SMICore
import SMITestSupport
import Testing

@Suite struct YAMLReaderTests {
    private func node(_ yaml: String, schema: YAMLSchema = .kubernetes) throws -> ManifestNode {
        try YAMLReader(schema: schema).readSingle(yaml)
    }

    // MARK: Scalars

    @Test func plainSingleAndDoubleQuotedScalarsReadAsStrings() throws {
        #expect(try node("a: plain text") == ["a": "plain text"])
        #expect(try node("a: 'it''s'") == ["a": "it's"])
        #expect(try node(#"a: "say \"hi\"""#) == ["a": #"say "hi""#])
        #expect(try node("a: '80'") == ["a": "80"])
        #expect(try node("a: \"yes\"") == ["a": "yes"])
    }

    @Test func doubleQuotedScalarsDecodeEveryEscape() throws {
        let yaml = #""\0\a\b\t\"# + "\t" + #"\n\v\f\r\e\ \"\/\\\N\_\L\P\x41\u263A\U0001F389""#
        let expected = "\u{0}\u{7}\u{8}\t\t\n\u{B}\u{C}\r\u{1B} \"/\\\u{85}\u{A0}\u{2028}\u{2029}A☺🎉"
        #expect(try node(yaml).value == .string(expected))
    }

    @Test func jsonSurrogatePairsAreOneCharacter() throws {
        #expect(try node(#"{"a": "\ud83d\ude00\u00e9"}"#) == ["a": "😀é"])
        let error = #expect(throws: YAMLError.self) { try node(#""\ud83d x""#) }
        #expect(error?.message == "escape denotes an unpaired surrogate")
    }

    @Test func quotedScalarsFoldLineBreaks() throws {
        #expect(try node("\"a\n  b\n\n  c\"") == ManifestNode(.string("a b\nc")))
        #expect(try node("'a  \n  b'") == ManifestNode(.string("a b")))
        #expect(try node("\"a\\\n  b\"") == ManifestNode(.string("ab")))
    }

    @Test func plainScalarsFoldLineBreaksAndStopAtComments() throws {
        #expect(try node("a: one\n  two\n\n  three # note") == ["a": "one two\nthree"])
        #expect(try node("a: x#y") == ["a": "x#y"])
        #expect(try node("a: http://host:80/p") == ["a": "http://host:80/p"])
    }

    @Test(arguments: [
        ("|\n  a\n  b\n\n", "a\nb\n"),
        ("|-\n  a\n  b\n\n", "a\nb"),
        ("|+\n  a\n  b\n\n", "a\nb\n\n"),
        (">\n  a\n  b\n\n  c\n", "a b\nc\n"),
        (">-\n  a\n    indented\n  b\n", "a\n  indented\nb"),
        ("|2\n    two extra\n  base\n", "  two extra\nbase\n"),
        ("|-2\n   x\n", " x"),
        ("|\n\n  a\n", "\na\n"),
        ("|\n  a\n # comment\n", "a\n")
    ])
    func blockScalarsHonourChompingAndIndentation(yaml: String, expected: String) throws {
        #expect(try node("k: " + yaml) == ["k": ManifestNode(.string(expected))])
    }

    /// A block scalar whose lines are all empty takes the indentation of its longest line,
    /// whatever ends it (the end, a less indented line, a document marker): the lines are
    /// empty, not content (found by the reader fuzzer: before a `---`, the spaces of the
    /// first line were read as text).
    @Test(
        arguments: [
            ("---\nk: |\n     \n \n---\nx\n", [["k": ""], "x"]),
            ("k: |\n     \n \n", [["k": ""]]),
            ("--- |\n   \n \n---\n", ["", nil]),
            ("--- |\n   \n \n...\n", [""]),
            ("a: |\n    \n  \nb: 1\n", [["a": "", "b": 1]]),
            ("a:\n  b: |\n      \n   \n  c: 1\n", [["a": ["b": "", "c": 1]]]),
            ("- |\n   \n \n- x\n", [["", "x"]]),
            ("a: |+\n     \n \n---\n", [["a": "\n\n"], nil])
        ] as [(String, [ManifestNode])])
    func blockScalarsOfEmptyLinesAreEmpty(yaml: String, expected: [ManifestNode]) throws {
        #expect(try YAMLReader().read(yaml).map(\.root) == expected)
    }

    // MARK: Schemas

    @Test(arguments: [
        ("yes", ManifestValue.bool(true)), ("No", .bool(false)), ("on", .bool(true)), ("OFF", .bool(false)),
        ("y", .bool(true)), ("n", .bool(false)), ("true", .bool(true)), ("False", .bool(false)),
        ("~", .null), ("null", .null), ("", .null), ("NULL", .null),
        ("0777", .int(511)), ("1_000", .int(1000)), ("0x1F", .int(31)), ("0o17", .int(15)), ("0b101", .int(5)),
        ("-0b101", .int(-5)), ("+12", .int(12)), ("-12", .int(-12)), ("08", .double(8)),
        ("1e3", .double(1000)), ("3.0e+20", .double(3e20)), (".5", .double(0.5)), ("-.inf", .double(-.infinity)),
        ("9223372036854775807", .int(Int.max)), ("9223372036854775808", .double(9223372036854775808)),
        ("2001-12-14", .string("2001-12-14")), ("1:20", .string("1:20")), ("0x", .string("0x")),
        ("1.2.3", .string("1.2.3")),
        ("<<", .string("<<")), ("-", .string("-")), ("+", .string("+")), ("yes please", .string("yes please")),
        (".Nan", .string(".Nan")), (".NaN", .double(.nan)), ("+.Inf", .double(.infinity)), ("+.nan", .string("+.nan")),
        ("nULL", .string("nULL")), ("yEs", .string("yEs")), ("Off", .bool(false)), ("name", .string("name"))
    ])
    func kubernetesSchemaResolvesLikeKubernetes(text: String, expected: ManifestValue) {
        #expect(YAMLSchema.kubernetes.resolvePlain(text) == expected)
    }

    @Test(arguments: [
        ("yes", ManifestValue.string("yes")), ("on", .string("on")), ("y", .string("y")), ("true", .bool(true)),
        ("TRUE", .bool(true)), ("~", .null), ("", .null), ("0777", .int(777)), ("0o17", .int(15)), ("0x1F", .int(31)),
        ("1_000", .string("1_000")), ("0b101", .string("0b101")), ("1e3", .double(1000)), (".NaN", .double(.nan)),
        ("+12", .int(12)), ("1.", .double(1)), ("-", .string("-"))
    ])
    func coreSchemaResolvesLikeYAML12(text: String, expected: ManifestValue) {
        #expect(YAMLSchema.core.resolvePlain(text) == expected)
    }

    @Test func tagsOverrideResolution() throws {
        let yaml = """
            a: !!str 123
            b: !!int "12"
            c: !!float 1
            d: !local 12
            e: ! yes
            f: !!bool yes
            g: !<tag:yaml.org,2002:str> 5
            """
        #expect(try node(yaml) == ["a": "123", "b": 12, "c": 1.0, "d": "12", "e": "yes", "f": true, "g": "5"])
    }

    @Test func tagHandlesComeFromTagDirectives() throws {
        let yaml = "%TAG !e! tag:example.com,2000:\n---\na: !e!thing 1\n"
        #expect(try node(yaml) == ["a": "1"])
    }

    // MARK: Structure

    @Test func anchorsAliasesAndMergeKeys() throws {
        let yaml = """
            base: &base
              a: 1
              b: 2
            copy: *base
            merged:
              <<: *base
              b: 3
            """
        let base: ManifestNode = ["a": 1, "b": 2]
        #expect(try node(yaml) == ["base": base, "copy": base, "merged": ["b": 3, "a": 1]])
    }

    @Test func mergeKeysAreOrdinaryKeysInTheCoreSchema() throws {
        #expect(try node("<<: {a: 1}", schema: .core) == ["<<": ["a": 1]])
    }

    @Test func kubectlStyleSequencesAndFlowCollections() throws {
        let yaml = """
            ports:
            - name: http
              port: 80
            - {name: grpc, port: 9090}
            tags: [a, "b", 'c']
            empty: {}
            """
        let expected: ManifestNode = [
            "ports": [["name": "http", "port": 80], ["name": "grpc", "port": 9090]],
            "tags": ["a", "b", "c"],
            "empty": [:]
        ]
        #expect(try node(yaml) == expected)
    }

    @Test func streamsHoldSeveralDocuments() throws {
        let yaml = "%YAML 1.2\n---\na: 1\n...\n---\n- b\n--- c\n---\n"
        let documents = try YAMLReader().read(yaml, file: "x.yaml")
        #expect(documents.map(\.root) == [["a": 1], ["b"], "c", nil])
        #expect(documents.map(\.index) == [0, 1, 2, 3])
        #expect(documents.allSatisfy { $0.file == "x.yaml" })
    }

    @Test func emptyInputHoldsNoDocument() throws {
        #expect(try YAMLReader().read("").isEmpty)
        #expect(try YAMLReader().read("# only a comment\n").isEmpty)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let documents = try YAMLReader().read([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: |\r\n  x\r\n".utf8))
        #expect(documents.first?.root == ["a": 1, "b": "x\n"])
    }

    @Test func tabsMaySeparateButNotIndent() throws {
        #expect(try node("a:\tb\n- \tc".components(separatedBy: "\n")[0]) == ["a": "b"])
        #expect(throws: YAMLError.self) { try node("a:\n\tb: c") }
    }

    @Test func jsonReadsThroughTheSameReader() throws {
        let json = #"{"apiVersion":"v1","items":[1,2.5,true,null,"x"],"nested":{"k":"v"}}"#
        #expect(try node(json) == ["apiVersion": "v1", "items": [1, 2.5, true, nil, "x"], "nested": ["k": "v"]])
    }

    // MARK: Locations

    @Test func everyNodeKeepsItsLocation() throws {
        let root = try YAMLReader().readSingle("kind: Service\nspec:\n  ports:\n  - port: 80\n    name: é\n")
        #expect(root.location == SourceLocation(line: 1, column: 1))
        let spec = try #require(root.value.mappingValue?["spec"])
        #expect(spec.location == SourceLocation(line: 3, column: 3))
        let ports = try #require(spec.value.mappingValue?["ports"]?.value.sequenceValue)
        let port = try #require(ports.first?.value.mappingValue)
        #expect(port.entry(forKey: "port")?.key.location == SourceLocation(line: 4, column: 5))
        #expect(port["port"]?.location == SourceLocation(line: 4, column: 11))
        #expect(port["name"]?.location == SourceLocation(line: 5, column: 11))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let marked = MarkedText("k: [é, ü, ⚑\"unterminated")
        let error = try #require(throws: YAMLError.self) { try YAMLReader().read(marked.text) }
        #expect(error.message.hasPrefix("unexpected end of input inside a quoted scalar"))
        _ = error
        let root = try YAMLReader().readSingle("k: [é, ü, x]")
        #expect(root.value.mappingValue?["k"]?.value.sequenceValue?[2].location == SourceLocation(line: 1, column: 11))
    }

    // MARK: Errors

    @Test(arguments: [
        ("key: value\n⚑other\n", "expected ':' after mapping key"),
        ("a: b⚑: c\n", "a mapping value is not allowed here; did you mean to quote a value containing ': '?"),
        (
            "a:\n  - b\n ⚑c: d\n",
            "inconsistent indentation: expected a key at column 1 of the mapping that starts at 1:1, or less indentation"
        ),
        ("k: [a, b\n⚑", "expected ',' or ']' in the flow sequence that starts at 1:4, found the end of the input"),
        ("k: [a,\n⚑b]\n", "flow collection content must be indented more than its enclosing block"),
        ("k: {a: 1⚑", "expected ',' or '}' in the flow mapping that starts at 1:4, found the end of the input"),
        // An unclosed collection that could still be a key, at the very end (found by fuzzing:
        // the scanner waited for its ':' forever).
        ("{a: 1⚑", "expected ',' or '}' in the flow mapping that starts at 1:1, found the end of the input"),
        ("[a, b⚑", "expected ',' or ']' in the flow sequence that starts at 1:1, found the end of the input"),
        ("{⚑", "expected a value, found the end of the input"),
        ("k: \"abc⚑", "unexpected end of input inside a quoted scalar that starts at 1:4"),
        ("k: \"a⚑\\qb\"", "unknown escape sequence in a double-quoted scalar"),
        ("k: ⚑@x", "'@' is reserved and cannot start a plain scalar; quote the value"),
        ("k: *⚑\n", "expected an alias name after '*'"),
        ("k: ⚑*nope\n", "alias '*nope' refers to no anchor defined before it"),
        ("a: 1\n⚑a: 2\n", "duplicate mapping key 'a' (first defined at 1:1)"),
        ("k: \"x\"⚑#c\n", "a comment must be separated from other tokens by whitespace"),
        ("k: |⚑0\n  x\n", "block scalar indentation indicator must be between 1 and 9"),
        ("k: v\n⚑%YAML 1.2\n---\n", "a directive must follow a document end marker '...'"),
        ("%YAML 1.2\n⚑%YAML 1.2\n---\n", "duplicate %YAML directive"),
        ("⚑%YAML 2.0\n---\n", "unsupported YAML version 2.x; this reader reads YAML 1.x"),
        ("a: ⚑!e!x 1\n", "tag handle '!e!' is not declared by a %TAG directive"),
        ("k: ⚑!!int abc\n", "'abc' is not an integer (tagged !!int)"),
        ("a:\n\t⚑b: c\n", "tab characters must not be used for indentation"),
        ("--- a\n... ⚑b\n", "unexpected content after document end marker '...'"),
        (
            "- a\n⚑b: c\n",
            "expected '- ' at column 1 for the next entry of the sequence that starts at 1:1, or less indentation; found a mapping key"
        ),
        ("a: [b, c]⚑d\n", "expected whitespace or end of line after a quoted scalar or flow collection"),
        ("a: 1\n  b⚑: 2\n", "a mapping key must fit on one line; this ':' follows a plain scalar that spans lines"),
        ("k: ⚑- a\n", "a block sequence entry is not allowed here; start it on a new line")
    ])
    func syntaxErrorsSayWhatAndWhere(marked: String, message: String) {
        let input = MarkedText(marked)
        let error = #expect(throws: YAMLError.self) { try YAMLReader().read(input.text, file: "in.yaml") }
        #expect(error?.message == message)
        #expect(error?.location == input.location)
        #expect(error?.file == "in.yaml")
    }

    @Test func errorsPrintLikeACompiler() {
        let error = #expect(throws: YAMLError.self) { try YAMLReader().read("a: 1\na: 2\n", file: "dup.yaml") }
        #expect(error?.description == "dup.yaml:2:1: error: duplicate mapping key 'a' (first defined at 1:1)")
    }

    @Test func duplicateKeysCanBeAllowed() throws {
        let root = try YAMLReader(allowsDuplicateKeys: true).readSingle("a: 1\na: 2\n")
        #expect(root.value.mappingValue?.count == 2)
    }

    // MARK: Encoding and limits

    @Test(arguments: [
        ([UInt8]("a: ".utf8) + [0xFF], "input is not valid UTF-8", 1, 4),
        ([UInt8]("a: x".utf8) + [0x00], "NUL byte in input", 1, 5),
        (
            [UInt8]("a: \u{1}".utf8), "control character U+0001 is not allowed; escape it in a double-quoted string", 1,
            4
        ),
        ([UInt8]("a: 1\nb: \u{FEFF}x".utf8), "byte order mark is only allowed at the start of the input", 2, 4),
        ([UInt8]("a: ".utf8) + [0xED, 0xA0, 0x80], "input is not valid UTF-8", 1, 4)
    ])
    func malformedBytesAreRejectedWithTheirPosition(bytes: [UInt8], message: String, line: Int, column: Int) {
        let error = #expect(throws: YAMLError.self) { try YAMLReader().read(bytes) }
        #expect(error?.reason == .encoding)
        #expect(error?.message == message)
        #expect(error?.location == SourceLocation(line: line, column: column))
    }

    @Test func aliasBombsAreRejectedWithoutExpansion() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            yaml += "a\(i): &a\(i) [\(refs)]\n"
        }
        let error = #expect(throws: YAMLError.self) { try YAMLReader().read(yaml) }
        #expect(error?.reason == .limit)
        #expect(error?.message.contains("aliases are expanded") == true)
    }

    @Test func aliasesWithinTheLimitAreFine() throws {
        let limits = YAMLReader.Limits(maxAliasExpansion: 100)
        #expect(throws: Never.self) { try YAMLReader(limits: limits).read("a: &x [1, 2]\nb: *x\nc: *x\n") }
        #expect(throws: YAMLError.self) {
            try YAMLReader(limits: limits).read(
                "a: &x [\(Array(repeating: "1", count: 40).joined(separator: ","))]\nb: *x\nc: *x\n")
        }
    }

    @Test func nestingDepthIsBounded() throws {
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let error = #expect(throws: YAMLError.self) { try YAMLReader().read(deep) }
        #expect(error?.reason == .limit)
        var block = ""
        for i in 0..<20 { block += String(repeating: " ", count: i * 2) + "k:\n" }
        #expect(throws: YAMLError.self) { try YAMLReader(limits: .init(maxDepth: 10)).read(block) }
        #expect(throws: Never.self) { try YAMLReader(limits: .init(maxDepth: 30)).read(block) }
    }

    @Test func sizesAndDocumentCountsAreBounded() {
        let limits = YAMLReader.Limits(maxInputBytes: 1000, maxDocumentBytes: 100, maxScalarBytes: 50, maxDocuments: 3)
        let reader = YAMLReader(limits: limits)
        #expect(throws: YAMLError.self) { try reader.read(String(repeating: "a", count: 1001)) }
        #expect(throws: YAMLError.self) { try reader.read("k: " + String(repeating: "a", count: 60)) }
        #expect(throws: YAMLError.self) { try reader.read("k: [" + String(repeating: "a, ", count: 40) + "]") }
        #expect(throws: YAMLError.self) { try reader.read("a\n---\nb\n---\nc\n---\nd\n") }
        #expect(throws: Never.self) { try reader.read("a\n---\nb\n---\nc\n") }
    }
}

/// The reader runs on threads with small stacks (secondary threads, tasks): nesting up to
/// the depth limit must not depend on the stack size.
@Suite struct YAMLReaderStackTests {
    private static func readOnSmallStack(_ text: String) -> Result<Int, YAMLError> {
        let box = ResultBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.result = Result { () throws(YAMLError) in try YAMLReader().read(text).count }
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        return box.result ?? .success(-1)
    }

    private final class ResultBox: @unchecked Sendable {
        var result: Result<Int, YAMLError>?
    }

    @Test(arguments: ["flow", "flowMapping", "blockMapping", "blockSequence"])
    func nestingToTheLimitNeedsNoDeepStack(shape: String) {
        let depth = YAMLReader.Limits().maxDepth
        var text = ""
        switch shape {
        case "flow": text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case "flowMapping": text = String(repeating: "{a: ", count: depth) + "x" + String(repeating: "}", count: depth)
        case "blockMapping": for i in 0..<depth { text += String(repeating: " ", count: i) + "k:\n" }
        default: for i in 0..<depth { text += String(repeating: " ", count: i) + "- \n" }
        }
        #expect(throws: Never.self) { try Self.readOnSmallStack(text).get() }
    }
}
