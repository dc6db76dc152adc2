public import Foundation
public import SMICore

/// A regex engine run from Python (Google's RE2, Rust's regex crate) that decides test cases
/// for the differential tests.
///
/// The script reads `{"cases": [{"pattern", "texts"}]}` from the JSON file it is given and
/// prints one verdict per case; it exits with 3 when its Python package is missing.
public struct PythonOracle: Sendable {
    /// The script, relative to the package root.
    public var script: String

    /// An oracle run by `script` (relative to the package root).
    public init(script: String) {
        self.script = script
    }

    /// The verdicts for `cases` (one node per case), or nil when the Python package is missing.
    public func verdicts(_ cases: [(pattern: String, texts: [String])]) throws -> [ManifestNode]? {
        let input = ManifestNode(
            .mapping(
                ManifestMapping([
                    (
                        "cases",
                        ManifestNode(
                            .sequence(
                                cases.map { c in
                                    [
                                        "pattern": ManifestNode(.string(c.pattern)),
                                        "texts": ManifestNode(.sequence(c.texts.map { ManifestNode(.string($0)) }))
                                    ]
                                }))
                    )
                ])))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smi-oracle-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try JSONWriter().write(input).write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SharedReference.packageRoot.appendingPathComponent(script).path, file.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        try process.run()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 3 { return nil }
        guard process.terminationStatus == 0 else { throw Failure(status: process.terminationStatus) }
        return try YAMLReader(schema: .core).readSingle(String(decoding: output, as: UTF8.self)).value.sequenceValue
            ?? []
    }

    /// The script failed.
    public struct Failure: Error {
        /// Its exit status.
        public let status: Int32
    }
}
