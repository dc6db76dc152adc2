import Foundation
import SMITestSupport

/// Runs the built `smi` binary (or another program) as a process, in the package root, and
/// keeps its exit status, stdout and stderr.
struct ProcessRun {
    let status: Int32
    let out: String
    let err: String

    /// The `smi` executable that `swift build` put beside this test bundle.
    static var smi: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [
            beside, beside.deletingLastPathComponent(),
            SharedReference.packageRoot.appendingPathComponent(".build/debug")
        ] {
            let candidate = folder.appendingPathComponent("smi")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return SharedReference.packageRoot.appendingPathComponent(".build/debug/smi")
    }

    /// Runs `smi arguments`.
    init(smi arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws {
        try self.init(Self.smi.path, arguments, stdin: stdin, environment: environment)
    }

    /// Runs `program arguments` with `environment` added to this process's (`NO_COLOR`
    /// removed unless given), with `stdin` as its standard input.
    init(_ program: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.currentDirectoryURL = SharedReference.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env.merge(environment) { $1 }
        process.environment = env
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes while the process runs, so that neither fills up and blocks it.
        let outData = ReadAll(outPipe.fileHandleForReading)
        let errData = ReadAll(errPipe.fileHandleForReading)
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        status = process.terminationStatus
        out = String(decoding: outData.wait(), as: UTF8.self)
        err = String(decoding: errData.wait(), as: UTF8.self)
    }

    /// Reads a file handle to its end on another thread.
    private final class ReadAll: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()

        init(_ handle: FileHandle) {
            Thread.detachNewThread { [self] in
                data = handle.readDataToEndOfFile()
                done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
