import SMICore

/// The fuzz targets: what one input exercises, and the properties checked on it.
///
/// Shared by the libFuzzer binary (`Fuzz/run.sh`) and by the regression tests that replay every
/// input a fuzzer ever found. A broken property stops the process (`FuzzFailure`), so that
/// libFuzzer keeps the input; input that is merely invalid must only produce errors.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// The YAML reader in both schemas; what it reads, the writer writes, and the reader reads
    /// back the same values.
    case yaml
    /// The whole pipeline: read, decode, validate, render for every mesh, and read each output
    /// back.
    ///
    /// Default and strict options, every output format.
    case pipeline
    /// The RE2 engine: parse, match and the analyses adapters rely on.
    case regex

    /// Runs the target on one input; returns a broken property, or nil.
    public func run(_ bytes: [UInt8]) -> FuzzFailure? {
        switch self {
        case .yaml: YAMLFuzzing.run(bytes)
        case .pipeline: PipelineFuzzing.run(bytes)
        case .regex: RegexFuzzing.run(bytes)
        }
    }
}

/// A property the fuzzed code broke, with what was seen.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public let description: String
}

/// Limits small enough that one input stays fast, large enough for every construct.
enum FuzzLimits {
    static let reader = YAMLReader.Limits(
        maxDepth: 64, maxInputBytes: 1 << 20, maxDocumentBytes: 1 << 20, maxScalarBytes: 1 << 16,
        maxDocuments: 256, maxAliasExpansion: 20_000)
}
