import Foundation

/// Where a command writes: results to one stream (stdout), diagnostics to another
/// (stderr). Tests use a console that keeps what was written.
public struct Console: Sendable {
    private let writeOut: @Sendable ([UInt8]) -> Void
    private let writeError: @Sendable ([UInt8]) -> Void
    /// Standard input, read when a command is given `-`.
    let readInput: @Sendable () -> [UInt8]

    /// A console over arbitrary sinks and an input source.
    public init(
        out: @escaping @Sendable ([UInt8]) -> Void,
        error: @escaping @Sendable ([UInt8]) -> Void,
        input: @escaping @Sendable () -> [UInt8] = { [] }
    ) {
        writeOut = out
        writeError = error
        readInput = input
    }

    /// The process's stdout, stderr and stdin.
    public static var standard: Console {
        Console(
            out: { bytes in bytes.withUnsafeBufferPointer { FileHandle.standardOutput.write(Data(buffer: $0)) } },
            error: { bytes in bytes.withUnsafeBufferPointer { FileHandle.standardError.write(Data(buffer: $0)) } },
            input: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        )
    }

    /// Writes text to stdout, adding a final newline if it has none.
    func out(_ text: String) {
        writeOut(Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes bytes to stdout as they are.
    func out(bytes: [UInt8]) {
        writeOut(bytes)
    }

    /// Writes a line to stderr.
    func error(_ text: String) {
        writeError(Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
