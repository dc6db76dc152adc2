import Foundation

/// smi-bench's command line: swift run -c release --package-path Benchmarks smi-bench
/// [SCENARIO] [--services N]...
///
/// [--runs N] SCENARIO is `mesh` (the default: every mesh scenario), one of
/// `MeshBenchmark.scenarios`, or `yaml` (the YAML layer on a stream of manifests, with
/// `--size-mb N`, `--smi PATH`, `--emit FILE`).
struct Options {
    var scenario = "mesh"
    var services: [Int] = []
    var runs: Int?
    var sizeMB = 10
    var smiPath: String?
    var emitPath: String?

    init(_ arguments: [String]) {
        var it = arguments.makeIterator()
        while let a = it.next() {
            switch a {
            case "--services":
                guard let n = Int(it.next() ?? ""), n > 0 else { Self.fail("--services takes a positive count") }
                services.append(n)
            case "--runs": runs = max(1, Int(it.next() ?? "") ?? 1)
            case "--size-mb": sizeMB = Int(it.next() ?? "") ?? sizeMB
            case "--smi": smiPath = it.next()
            case "--emit": emitPath = it.next()
            case "--help", "-h":
                print(
                    "usage: smi-bench [yaml|mesh|\(MeshBenchmark.scenarios.joined(separator: "|"))] [--services N]... [--runs N]"
                )
                exit(0)
            case let name
            where !name.hasPrefix("-") && (name == "yaml" || name == "mesh" || MeshBenchmark.scenarios.contains(name)):
                scenario = name
            default: Self.fail("unknown argument '\(a)'")
            }
        }
        if services.isEmpty { services = [1_000, 10_000, 100_000] }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("smi-bench: \(message)\n".utf8))
        exit(2)
    }
}
