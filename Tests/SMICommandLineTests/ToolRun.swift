import Foundation
import SMICommandLine

/// Runs the `smi` command line in-process and keeps what it wrote.
struct ToolRun {
    let status: Int32
    let out: String
    let err: String

    private final class Sink: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes: [UInt8] = []
        func append(_ b: [UInt8]) {
            lock.lock()
            bytes += b
            lock.unlock()
        }
        var text: String {
            lock.lock()
            defer { lock.unlock() }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    init(_ arguments: [String], stdin: String = "") {
        let out = Sink()
        let err = Sink()
        let input = Array(stdin.utf8)
        var console = Console(out: { out.append($0) }, error: { err.append($0) }, input: { input })
        status = SMITool.run(arguments, toolName: "smi", console: &console)
        self.out = out.text
        self.err = err.text
    }

    /// A temporary file holding `text`, removed when the process ends.
    static func file(_ text: String, name: String = "input.yaml") throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("smi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
