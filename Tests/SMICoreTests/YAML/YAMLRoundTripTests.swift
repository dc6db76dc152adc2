import Foundation
import SMICore
import SMITestSupport
import Testing

/// Writer then reader is the identity: through this library's reader (both schemas) and
/// through an independent one (`../shared/tools/yaml-oracle`, PyYAML as Kubernetes
/// tooling reads YAML).
@Suite struct YAMLRoundTripTests {
    static let valueCount = 12_000

    static func generatedValues(seed: UInt64, anyKeys: Bool, finiteOnly: Bool) -> [ManifestNode] {
        var rng = SeededGenerator(seed: seed)
        var values = TrickyValues.strings.map { ManifestNode(.string($0)) }
        values += TrickyValues.strings.map { ["key": ManifestNode(.string($0)), "list": [ManifestNode(.string($0))]] }
        values += TrickyValues.strings.map {
            ManifestNode(.mapping(ManifestMapping([(ManifestNode(.string($0)), ManifestNode(.string($0)))])))
        }
        while values.count < valueCount {
            values.append(ManifestNode(TrickyValues.value(&rng, depth: 4, anyKeys: anyKeys, finiteOnly: finiteOnly)))
        }
        return values
    }

    @Test(arguments: YAMLSchema.allCases)
    func writerThenReaderIsTheIdentity(schema: YAMLSchema) throws {
        let values = Self.generatedValues(seed: 7, anyKeys: true, finiteOnly: false)
        let text = YAMLWriter().write(documents: values)
        let documents = try YAMLReader(schema: schema).read(text)
        #expect(documents.count == values.count)
        for (value, document) in zip(values, documents) where value != document.root {
            Issue.record(
                "round trip changed \(value.value) into \(document.root.value)\n--- written:\n\(YAMLWriter().write(value))"
            )
            break
        }
    }

    @Test func eachValueAloneRoundTrips() throws {
        for value in Self.generatedValues(seed: 11, anyKeys: true, finiteOnly: false).prefix(3000) {
            let text = YAMLWriter().write(value)
            let back = try YAMLReader().readSingle(text)
            #expect(back == value, "wrote:\n\(text)")
        }
    }

    @Test func independentReaderReadsBackWhatWasWritten() throws {
        guard let oracle = SharedReference.root?.appendingPathComponent("tools/yaml-oracle"),
            FileManager.default.isExecutableFile(atPath: oracle.path)
        else {
            #expect(!SharedReference.required, "../shared/tools/yaml-oracle is missing")
            return
        }
        let values = Self.generatedValues(seed: 42, anyKeys: false, finiteOnly: false)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smi-roundtrip-\(UUID().uuidString).yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try YAMLWriter().write(documents: values).write(to: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = oracle
        process.arguments = [file.path]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "yaml-oracle failed: \(String(decoding: errors, as: UTF8.self))")

        let lines = output.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == values.count)
        var mismatches = 0
        for (value, line) in zip(values, lines) {
            guard let json = JSONStream.values(Array(line))?.first, json.matchesOracle(value.value) else {
                mismatches += 1
                if mismatches <= 5 {
                    Issue.record(
                        "yaml-oracle read \(String(decoding: line, as: UTF8.self)) for \(value.value)\n--- written:\n\(YAMLWriter().write(value))"
                    )
                }
                continue
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(values.count) values read back differently through yaml-oracle")
    }
}

extension JSONValue {
    /// Like `matches`, but with the oracle's spelling of non-finite floats (`"inf"`, `"nan"`).
    func matchesOracle(_ value: ManifestValue) -> Bool {
        switch (self, value) {
        case let (.string(s), .double(d)) where !d.isFinite:
            return s == (d.isNaN ? "nan" : d < 0 ? "-inf" : "inf")
        case let (.array(a), .sequence(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.matchesOracle($1.value) }
        case let (.object(a), .mapping(b)):
            guard a.count == b.count else { return false }
            var byKey: [String: JSONValue] = [:]
            for (k, v) in a { byKey[k] = v }
            return b.entries.allSatisfy { entry in
                guard case let .string(k) = entry.key.value, let v = byKey[k] else { return false }
                return v.matchesOracle(entry.value.value)
            }
        default:
            return matches(value)
        }
    }
}
