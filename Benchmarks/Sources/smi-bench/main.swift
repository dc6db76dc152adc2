import Foundation

/// smi-bench: swift-smi's throughput at mesh scale, always as ratios against Yams (libyaml)
/// measured on the same bytes in the same run. See Options for the command line.
if CommandLine.arguments.dropFirst().first == "spawn-measured" {
    try Measure.spawnMeasured(Array(CommandLine.arguments.dropFirst(2)))
}
let options = Options(Array(CommandLine.arguments.dropFirst()))
if options.scenario == "yaml" {
    try YAMLBenchmark.run(options)
} else {
    try MeshBenchmark.run(options)
}
