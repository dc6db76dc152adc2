import ConsulAdapter
import Foundation
import IstioAdapter
import LinkerdAdapter
import SMICore
import Yams

/// The mesh scenarios: a synthetic mesh of N services (`MeshGenerator`) read, written,
/// decoded, validated, rendered for each mesh, and through the whole `smi render` pipeline,
/// with Yams parse (compose) and serialize of the same bytes as the baseline.
enum MeshBenchmark {
    static let scenarios = [
        "read", "write", "decode", "input", "validate", "render-istio", "render-linkerd", "render-consul", "pipeline"
    ]

    static func run(_ options: Options) throws {
        var pipelines: [Int: Double] = [:]
        var processes: [Int: Double] = [:]
        for n in options.services {
            let text = MeshGenerator.manifests(services: n)
            let bytes = Array(text.utf8)
            if let path = options.emitPath {
                // Writes the generated mesh for profiling with other tools, and stops.
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                return
            }
            let runs = options.runs ?? (n >= 100_000 ? 1 : n >= 10_000 ? 3 : 5)
            // The sizes' pipelines are compared with each other, so each is the median of as
            // many runs: the first run of a process grows its heap, the next ones reuse it.
            let pipelineRuns = options.runs ?? max(runs, 3)
            let wanted = options.scenario == "mesh" ? scenarios : [options.scenario]
            // The whole process runs first, from a fresh smi-bench process (`Measure.measured`):
            // the kernel starts a child's peak RSS at its parent's, and this one holds the mesh.
            var processResult: (seconds: Double, rss: Int)?
            if wanted.contains("pipeline") {
                let smi = options.smiPath ?? Measure.smiBinary
                if FileManager.default.isExecutableFile(atPath: smi) {
                    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                        "smi-bench-\(getpid())-\(n).yaml")
                    try Data(bytes).write(to: file)
                    defer { try? FileManager.default.removeItem(at: file) }
                    let measured = try (0..<pipelineRuns).map { _ in
                        try Measure.measured(smi, ["render", "--mesh", "istio", file.path])
                    }
                    processResult = (measured.map(\.seconds).sorted()[pipelineRuns / 2], measured.map(\.rss).max() ?? 0)
                }
            }
            // The pipeline in process runs before the other scenarios read the mesh into trees
            // (1.5 GB at 100k): it keeps none, and a process running it holds only its input.
            let pipeline = wanted.contains("pipeline") ? try pipelineSeconds(bytes, runs: pipelineRuns) : nil
            let needsTrees = wanted.contains { $0 != "pipeline" }
            let documents = needsTrees ? try YAMLReader().read(bytes) : []
            let objects = Self.documentCount(bytes)
            let pipelineNote = pipeline != nil && pipelineRuns != runs ? " (the pipeline rows: \(pipelineRuns))" : ""
            print(
                "N = \(n) services: \(bytes.count) bytes, \(objects) objects; median of \(runs) run\(runs == 1 ? "" : "s")\(pipelineNote)"
            )
            let perObject = { (seconds: Double) in String(format: "%10.0f objects/s", Double(objects) / seconds) }
            let bundle = SMIBundle(documents)
            let inventory = Inventory(manifests: documents)

            if wanted.contains("read") {
                let t = try Measure.median(runs) { try YAMLReader().read(bytes) }
                Measure.row("read (YAMLReader)", t, Measure.mbps(bytes.count, t) + perObject(t))
            }
            if wanted.contains("write") {
                let roots = documents.map(\.root)
                let write = {
                    var written: [UInt8] = []
                    YAMLWriter().write(documents: roots, into: &written)
                    return written
                }
                let t = Measure.median(runs, write)
                Measure.row("write (YAMLWriter)", t, Measure.mbps(write().count, t) + perObject(t))
            }
            if wanted.contains("decode") {
                let t = Measure.median(runs) { (SMIBundle(documents), Inventory(manifests: documents)) }
                Measure.row("decode (SMIBundle + Inventory)", t, Measure.mbps(bytes.count, t) + perObject(t))
            }
            if wanted.contains("input") {
                let t = Measure.median(runs) { SMIInput([.init(name: nil, bytes: bytes)]) }
                Measure.row("input (SMIInput: read + decode)", t, Measure.mbps(bytes.count, t) + perObject(t))
            }
            if wanted.contains("validate") {
                let t = Measure.median(runs) { SMIValidator().validate(bundle) }
                Measure.row("validate (SMIValidator)", t, Measure.mbps(bytes.count, t) + perObject(t))
            }
            for adapter in [IstioAdapter(), LinkerdAdapter(), ConsulAdapter()] as [any MeshAdapter]
            where wanted.contains("render-\(adapter.mesh)") {
                let resources = adapter.render(bundle, inventory: inventory, options: RenderOptions()).resourceCount
                let t = Measure.median(runs) { adapter.render(bundle, inventory: inventory, options: RenderOptions()) }
                Measure.row(
                    "render \(adapter.mesh) (\(resources) resources)", t, Measure.mbps(bytes.count, t) + perObject(t))
            }
            guard let pipeline else {
                print("")
                continue
            }
            pipelines[n] = pipeline
            Measure.row(
                "pipeline to Istio YAML (in process)", pipeline,
                Measure.mbps(bytes.count, pipeline) + perObject(pipeline))
            let yamsRead = try Measure.median(max(1, runs / 2)) { Array(try Yams.compose_all(yaml: text)) }
            Measure.row("Yams compose_all", yamsRead, Measure.mbps(bytes.count, yamsRead))
            let nodes = Array(try Yams.compose_all(yaml: text))
            let yamsWrite = try Measure.median(max(1, runs / 2)) { try Yams.serialize(nodes: nodes) }
            Measure.row("Yams serialize", yamsWrite, Measure.mbps(bytes.count, yamsWrite))
            let yams = yamsRead + yamsWrite
            print(String(format: "  pipeline (in process): %.1fx Yams compose + serialize", yams / pipeline))
            if let (process, rss) = processResult {
                processes[n] = process
                Measure.row("smi render --mesh istio (whole process)", process, Measure.mbps(bytes.count, process))
                print(
                    String(
                        format:
                            "  smi render (whole process): %.1fx Yams compose + serialize; peak RSS %.0f MB = %.1fx the input",
                        yams / process, Double(rss) / 1e6, Double(rss) / Double(bytes.count)))
            } else {
                print(
                    "  (build the tool with 'swift build -c release --product smi' to time the whole 'smi render' process and its memory)"
                )
            }
            print("")
        }
        for (name, seconds) in [("pipeline (in process)", pipelines), ("smi render (whole process)", processes)] {
            let sizes = seconds.sorted { $0.key < $1.key }
            for (small, large) in zip(sizes, sizes.dropFirst()) {
                print(
                    String(
                        format: "%@: N = %d costs %.1fx N = %d (%.0fx the services)", name, large.key,
                        large.value / small.value, small.key, Double(large.key) / Double(small.key)))
            }
        }
    }

    /// The median time of the pipeline as `smi render > /dev/null` runs it: `SMITranslation`
    /// (reading, validation beside rendering, diagnostics located), then the output written
    /// piece by piece to /dev/null (not gathered in one buffer, which at 100k grows to 290 MB
    /// by doubling).
    static func pipelineSeconds(_ bytes: [UInt8], runs: Int) throws -> Double {
        let devNull = open("/dev/null", O_WRONLY)
        defer { close(devNull) }
        return try Measure.median(runs) {
            let translation = SMITranslation([.init(name: nil, bytes: bytes)], adapter: IstioAdapter())
            var written = 0
            try IstioAdapter().write(translation.rendering, format: .yaml) {
                written += write(devNull, $0.baseAddress, $0.count)
            }
            return (translation, written)
        }
    }

    /// The documents of a generated mesh: one more than its `---` lines.
    static func documentCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        var lineStart = 0
        while let end = bytes[lineStart...].firstIndex(of: 0x0A) {
            if end - lineStart == 3, bytes[lineStart] == 0x2D, bytes[lineStart + 1] == 0x2D,
                bytes[lineStart + 2] == 0x2D
            {
                count += 1
            }
            lineStart = end + 1
        }
        return count
    }
}
