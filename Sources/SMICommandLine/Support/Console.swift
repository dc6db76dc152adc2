import Foundation
import SMICore
import Synchronization

/// Where a command writes: results to one stream (stdout), diagnostics to another
/// (stderr). Tests use a console that keeps what was written.
public struct Console: Sendable {
    private let writeOut: @Sendable ([UInt8]) -> Void
    private let writeError: @Sendable ([UInt8]) -> Void
    /// Standard input, read when a command is given `-`.
    let readInput: @Sendable () -> [UInt8]
    /// Whether diagnostics on stderr are coloured (a terminal, and `NO_COLOR` not set).
    let colours: Bool
    /// Holds values the process is about to exit with, when there is such a process.
    private let keeper: Keeper?

    /// A console over arbitrary sinks and an input source.
    public init(
        out: @escaping @Sendable ([UInt8]) -> Void,
        error: @escaping @Sendable ([UInt8]) -> Void,
        input: @escaping @Sendable () -> [UInt8] = { [] },
        colours: Bool = false
    ) {
        self.init(out: out, error: error, input: input, colours: colours, keeper: nil)
    }

    private init(
        out: @escaping @Sendable ([UInt8]) -> Void, error: @escaping @Sendable ([UInt8]) -> Void,
        input: @escaping @Sendable () -> [UInt8], colours: Bool, keeper: Keeper?
    ) {
        writeOut = out
        writeError = error
        readInput = input
        self.colours = colours
        self.keeper = keeper
    }

    /// The process's stdout, stderr and stdin; colours when stderr is a terminal and the
    /// environment does not ask for none (`NO_COLOR`, https://no-color.org, or `TERM=dumb`).
    public static var standard: Console {
        Console(
            out: { bytes in bytes.withUnsafeBufferPointer { FileHandle.standardOutput.write(Data(buffer: $0)) } },
            error: { bytes in bytes.withUnsafeBufferPointer { FileHandle.standardError.write(Data(buffer: $0)) } },
            input: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
            colours: wantsColours(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment),
            keeper: Keeper()
        )
    }

    /// Hands a command's large values (a mesh's bundle and rendering) to the process, which
    /// exits right after the command: freeing them one object at a time would only delay the
    /// exit (a tenth of the time of `smi render` on a large mesh). Elsewhere, as in tests,
    /// they are freed as usual.
    func keepUntilExit(_ value: some Sendable) {
        keeper?.keep(value)
    }

    /// Values kept until the process exits.
    private final class Keeper: Sendable {
        private let values = Mutex<[any Sendable]>([])

        func keep(_ value: some Sendable) {
            values.withLock { $0.append(value) }
        }
    }

    /// Colours go to a terminal only, and not when `NO_COLOR` is set to anything non-empty or
    /// the terminal is `dumb`.
    static func wantsColours(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }

    /// Writes text to stdout, adding a final newline if it has none.
    func out(_ text: String) {
        writeOut(Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// Writes bytes to stdout as they are.
    func out(bytes: [UInt8]) {
        writeOut(bytes)
    }

    /// Writes a diagnostic to stderr, coloured when the console has colours.
    func diagnostic(_ diagnostic: Diagnostic) {
        error(colours ? diagnostic.formatted(DiagnosticReport.colour(diagnostic.severity)) : diagnostic.description)
    }

    /// Writes a line to stderr.
    func error(_ text: String) {
        writeError(Array((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}
