import Foundation

/// Where a command writes: stdout for results, stderr for diagnostics.
struct Console {
    private let stdout = FileHandle.standardOutput
    private let stderr = FileHandle.standardError

    /// Writes text to stdout, adding a final newline if it has none.
    func out(_ text: String) {
        stdout.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes bytes to stdout as they are.
    func out(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { stdout.write(Data(buffer: $0)) }
    }

    /// Writes a line to stderr.
    func error(_ text: String) {
        stderr.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
