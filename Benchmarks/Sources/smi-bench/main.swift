import Foundation
import SMICore
import Yams

/// smi-bench: throughput of the YAML layer against Yams (libyaml) on the same bytes, in
/// the same run. Usage:
///   swift run -c release --package-path Benchmarks smi-bench [yaml] [--size-mb N] [--runs N] [--smi PATH] [--emit FILE]
struct Options {
    var sizeMB = 10
    var runs = 5
    var smiPath: String?
    var emitPath: String?

    init(_ arguments: [String]) {
        var it = arguments.makeIterator()
        while let a = it.next() {
            switch a {
            case "--size-mb": sizeMB = Int(it.next() ?? "") ?? sizeMB
            case "--runs": runs = max(1, Int(it.next() ?? "") ?? runs)
            case "--smi": smiPath = it.next()
            case "--emit": emitPath = it.next()
            case "yaml": break
            default:
                FileHandle.standardError.write(Data("smi-bench: unknown argument '\(a)'\n".utf8))
                exit(2)
            }
        }
    }
}

/// The median wall time of `runs` runs of `body`, in seconds.
func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    let clock = ContinuousClock()
    for _ in 0..<runs {
        let start = clock.now
        try body()
        let d = clock.now - start
        times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
    }
    times.sort()
    return times[times.count / 2]
}

func mbps(_ bytes: Int, _ seconds: Double) -> String {
    String(format: "%8.1f MB/s", Double(bytes) / 1_000_000 / seconds)
}

func row(_ name: String, _ seconds: Double, _ detail: String) {
    print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%9.1f ms  ", seconds * 1000) + detail)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let text = ManifestGenerator.stream(minimumBytes: options.sizeMB * 1_000_000)
let bytes = Array(text.utf8)
if let path = options.emitPath {
    // Writes the generated input for profiling with other tools, and stops.
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    exit(0)
}
let documentCount = text.components(separatedBy: "\n---\n").count
print("Input: \(bytes.count) bytes, \(documentCount) documents; median of \(options.runs) runs")
print("")

var documents: [ManifestNode] = []
let read = try median(options.runs) { documents = try YAMLReader().read(bytes).map(\.root) }
row("swift-smi YAMLReader (kubernetes schema)", read, mbps(bytes.count, read))
let readCore = try median(options.runs) { _ = try YAMLReader(schema: .core).read(bytes) }
row("swift-smi YAMLReader (core schema)", readCore, mbps(bytes.count, readCore))
let stream = try median(options.runs) { try YAMLReader().forEachDocument(in: bytes) { _ in } }
row("swift-smi forEachDocument (one core)", stream, mbps(bytes.count, stream))

var written: [UInt8] = []
let write = median(options.runs) {
    written = []
    YAMLWriter().write(documents: documents, into: &written)
}
row("swift-smi YAMLWriter", write, mbps(written.count, write))

var nodes: [Yams.Node] = []
let yamsRead = try median(options.runs) { nodes = Array(try Yams.compose_all(yaml: text)) }
row("Yams compose_all", yamsRead, mbps(bytes.count, yamsRead))
var yamsText = ""
let yamsWrite = try median(options.runs) { yamsText = try Yams.serialize(nodes: nodes) }
row("Yams serialize", yamsWrite, mbps(yamsText.utf8.count, yamsWrite))

let pipeline = try median(options.runs) {
    var out: [UInt8] = []
    YAMLWriter().write(documents: try YAMLReader().read(bytes).map(\.root), into: &out)
}
let yamsPipeline = try median(max(1, options.runs / 2)) { _ = try Yams.serialize(nodes: Array(try Yams.compose_all(yaml: text))) }
row("swift-smi read + write (in process)", pipeline, mbps(bytes.count, pipeline))
row("Yams compose_all + serialize", yamsPipeline, mbps(bytes.count, yamsPipeline))

print("")
print(String(format: "read:  %.1fx Yams", yamsRead / read))
print(String(format: "write: %.1fx Yams", yamsWrite / write))
print(String(format: "read + write in process: %.1fx Yams compose + serialize", yamsPipeline / pipeline))

let smiPath = options.smiPath ?? URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(".build/release/smi").path
if FileManager.default.isExecutableFile(atPath: smiPath) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("smi-bench-\(getpid()).yaml")
    try Data(bytes).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = try median(options.runs) { try runToDevNull(smiPath, ["convert", "-o", "yaml", file.path]) }
    row("smi convert -o yaml (whole process)", process, mbps(bytes.count, process))
    print(String(format: "smi convert (whole process): %.1fx Yams compose + serialize", yamsPipeline / process))
} else {
    print("(build the tool with 'swift build -c release --product smi' to time the whole 'smi convert' process)")
}

/// Runs a program with stdout to /dev/null and waits for it, with posix_spawn so that
/// only the program's own time is measured.
func runToDevNull(_ path: String, _ arguments: [String]) throws {
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
        throw CocoaError(.fileReadNoPermission)
    }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    if status != 0 { fatalError("\(path) failed with status \(status)") }
}
