import Foundation
import SMICore
import Yams

/// The `yaml` scenario: the YAML layer against Yams (libyaml) on the same generated stream of
/// Kubernetes manifests, in the same run.
enum YAMLBenchmark {
    static func run(_ options: Options) throws {
        let runs = options.runs ?? 5
        let text = ManifestGenerator.stream(minimumBytes: options.sizeMB * 1_000_000)
        let bytes = Array(text.utf8)
        if let path = options.emitPath {
            // Writes the generated input for profiling with other tools, and stops.
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            return
        }
        let documentCount = text.components(separatedBy: "\n---\n").count
        print("Input: \(bytes.count) bytes, \(documentCount) documents; median of \(runs) runs")
        print("")

        let read = try Measure.median(runs) { try YAMLReader().read(bytes) }
        let documents = try YAMLReader().read(bytes).map(\.root)
        Measure.row("swift-smi YAMLReader (kubernetes schema)", read, Measure.mbps(bytes.count, read))
        let readCore = try Measure.median(runs) { try YAMLReader(schema: .core).read(bytes) }
        Measure.row("swift-smi YAMLReader (core schema)", readCore, Measure.mbps(bytes.count, readCore))
        let stream = try Measure.median(runs) { try YAMLReader().forEachDocument(in: bytes) { _ in } }
        Measure.row("swift-smi forEachDocument (one core)", stream, Measure.mbps(bytes.count, stream))

        let writeAll = {
            var written: [UInt8] = []
            YAMLWriter().write(documents: documents, into: &written)
            return written
        }
        let write = Measure.median(runs, writeAll)
        Measure.row("swift-smi YAMLWriter", write, Measure.mbps(writeAll().count, write))

        let yamsRead = try Measure.median(runs) { Array(try Yams.compose_all(yaml: text)) }
        Measure.row("Yams compose_all", yamsRead, Measure.mbps(bytes.count, yamsRead))
        let nodes = Array(try Yams.compose_all(yaml: text))
        let yamsWrite = try Measure.median(runs) { try Yams.serialize(nodes: nodes) }
        Measure.row("Yams serialize", yamsWrite, Measure.mbps(try Yams.serialize(nodes: nodes).utf8.count, yamsWrite))

        let pipeline = try Measure.median(runs) {
            let documents = try YAMLReader().read(bytes).map(\.root)
            var out: [UInt8] = []
            YAMLWriter().write(documents: documents, into: &out)
            return (documents, out)
        }
        let yamsPipeline = try Measure.median(max(1, runs / 2)) {
            let nodes = Array(try Yams.compose_all(yaml: text))
            return (nodes, try Yams.serialize(nodes: nodes))
        }
        Measure.row("swift-smi read + write (in process)", pipeline, Measure.mbps(bytes.count, pipeline))
        Measure.row("Yams compose_all + serialize", yamsPipeline, Measure.mbps(bytes.count, yamsPipeline))

        print("")
        print(String(format: "read:  %.1fx Yams", yamsRead / read))
        print(String(format: "write: %.1fx Yams", yamsWrite / write))
        print(String(format: "read + write in process: %.1fx Yams compose + serialize", yamsPipeline / pipeline))

        let smiPath =
            options.smiPath
            ?? URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/release/smi").path
        if FileManager.default.isExecutableFile(atPath: smiPath) {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("smi-bench-\(getpid()).yaml")
            try Data(bytes).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let process = try Measure.median(runs) {
                try Measure.runToDevNull(smiPath, ["convert", "-o", "yaml", file.path])
            }
            Measure.row("smi convert -o yaml (whole process)", process, Measure.mbps(bytes.count, process))
            print(String(format: "smi convert (whole process): %.1fx Yams compose + serialize", yamsPipeline / process))
        } else {
            print(
                "(build the tool with 'swift build -c release --product smi' to time the whole 'smi convert' process)")
        }
    }
}
