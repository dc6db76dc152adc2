import SMICore
import SMITestSupport
import Testing

private struct Backend: Codable, Equatable {
    var service: String
    var weight: Int
}

private struct SplitSpec: Codable, Equatable {
    var service: String
    var backends: [Backend]
    var matches: [String]?
}

private struct Metadata: Codable, Equatable {
    var name: String
    var namespace: String?
    var labels: [String: String]?
}

private struct Split: Codable, Equatable {
    var apiVersion: String
    var kind: String
    var metadata: Metadata
    var spec: SplitSpec
    var extra: ManifestNode?
}

@Suite struct ManifestCodableTests {
    let yaml = """
        apiVersion: split.smi-spec.io/v1alpha4
        kind: TrafficSplit
        metadata:
          name: web
          labels:
            app: web
        spec:
          service: web
          backends:
          - service: web-v1
            weight: 90
          - service: web-v2
            weight: 10
        """

    @Test func decodesPlainCodableStructs() throws {
        let split = try ManifestDecoder().decode(Split.self, from: YAMLReader().readSingle(yaml))
        #expect(split.metadata == Metadata(name: "web", namespace: nil, labels: ["app": "web"]))
        #expect(split.spec.backends == [Backend(service: "web-v1", weight: 90), Backend(service: "web-v2", weight: 10)])
        #expect(split.spec.matches == nil)
    }

    @Test func typeMismatchesCarryPathAndLocation() throws {
        let marked = MarkedText(yaml.replacingOccurrences(of: "weight: 10", with: "weight: ⚑ten"))
        let node = try YAMLReader().readSingle(marked.text, file: "split.yaml")
        let error = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder(file: "split.yaml").decode(Split.self, from: node)
        }
        #expect(error?.path == "spec.backends[1].weight")
        #expect(error?.location == marked.location)
        #expect(error?.message == "expected an integer, found string \"ten\"")
        #expect(
            error?.description
                == "split.yaml:\(marked.location.line):\(marked.location.column): error: spec.backends[1].weight: expected an integer, found string \"ten\""
        )
    }

    @Test func numbersAreNotStringsAndStringsAreNotNumbers() throws {
        let quoted = try YAMLReader().readSingle("service: web\nweight: \"10\"")
        #expect(throws: ManifestDecodingError.self) { try ManifestDecoder().decode(Backend.self, from: quoted) }
        let numeric = try YAMLReader().readSingle("service: 80\nweight: 10")
        let error = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder().decode(Backend.self, from: numeric)
        }
        #expect(error?.message == "expected a string, found integer 80")
        let fraction = try YAMLReader().readSingle("service: a\nweight: 1.5")
        #expect(throws: ManifestDecodingError.self) { try ManifestDecoder().decode(Backend.self, from: fraction) }
        let integral = try YAMLReader().readSingle("service: a\nweight: 2.0")
        #expect(try ManifestDecoder().decode(Backend.self, from: integral).weight == 2)
    }

    @Test func integersOutOfRangeAreErrors() throws {
        struct Port: Decodable { var port: UInt16 }
        let node = try YAMLReader().readSingle("port: 70000")
        let error = #expect(throws: ManifestDecodingError.self) { try ManifestDecoder().decode(Port.self, from: node) }
        #expect(error?.message == "integer 70000 is out of range for UInt16")
    }

    @Test func missingFieldsAreReportedAtTheirPathAndTheirMapping() throws {
        let marked = MarkedText("service: web\nbackends:\n- ⚑service: a\n")
        let node = try YAMLReader().readSingle(marked.text)
        let error = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder().decode(SplitSpec.self, from: node)
        }
        #expect(error?.message == "missing required field")
        #expect(error?.path == "backends[0].weight")
        #expect(error?.location == marked.location)
    }

    @Test func unknownKeysAreReportedWhenAsked() throws {
        let marked = MarkedText(yaml + "\n  ⚑weigth: 3\n")
        let node = try YAMLReader().readSingle(marked.text)
        #expect(throws: Never.self) { try ManifestDecoder().decode(Split.self, from: node) }
        let error = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder(rejectsUnknownKeys: true).decode(Split.self, from: node)
        }
        #expect(error?.message == "unknown field 'weigth'")
        #expect(error?.path == "spec.weigth")
        #expect(error?.location == marked.location)
    }

    @Test func freeFormNodesPassThroughExactly() throws {
        let node = try YAMLReader().readSingle(yaml + "\nextra:\n  80: [a, {b: 1}]\n  deep: {x: y}\n")
        let split = try ManifestDecoder(rejectsUnknownKeys: true).decode(Split.self, from: node)
        #expect(split.extra == node.value.mappingValue?["extra"])
        #expect(split.extra?.location == SourceLocation(line: 15, column: 3))
        #expect(try ManifestEncoder().encode(split).value.mappingValue?["extra"] == split.extra)
    }

    @Test func encodingKeepsFieldOrderAndOmitsAbsentOptionals() throws {
        let split = try ManifestDecoder().decode(Split.self, from: YAMLReader().readSingle(yaml))
        let text = YAMLWriter().write(try ManifestEncoder().encode(split))
        #expect(text == yaml + "\n")
    }

    @Test func encodeThenDecodeIsTheIdentity() throws {
        let split = Split(
            apiVersion: "v", kind: "k", metadata: Metadata(name: "n", namespace: "yes", labels: ["on": "0777"]),
            spec: SplitSpec(service: "s", backends: [Backend(service: "b", weight: -1)], matches: []),
            extra: ["a": [1, nil]])
        let written = YAMLWriter().write(try ManifestEncoder().encode(split))
        #expect(try ManifestDecoder().decode(Split.self, from: YAMLReader().readSingle(written)) == split)
    }

    @Test func decodingErrorsFromHandWrittenCodeGetALocation() throws {
        struct Strict: Decodable {
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: ManifestCodingKeyForTests.self)
                let v = try c.decode(String.self, forKey: .init(stringValue: "mode"))
                throw DecodingError.dataCorruptedError(
                    forKey: .init(stringValue: "mode"), in: c, debugDescription: "unsupported mode '\(v)'")
            }
        }
        let marked = MarkedText("a: 1\nmode: ⚑fast\n")
        let error = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder().decode(Strict.self, from: YAMLReader().readSingle(marked.text))
        }
        #expect(error?.message == "unsupported mode 'fast'")
        #expect(error?.location == marked.location)
        #expect(error?.path == "mode")
    }
}

struct ManifestCodingKeyForTests: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
