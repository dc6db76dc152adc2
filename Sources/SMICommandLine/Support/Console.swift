#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SMICore
import Synchronization

/// Where a command writes: results to one stream (stdout), diagnostics to another (stderr).
///
/// Tests use a console that keeps what was written.
public struct Console: Sendable {
    private let writeOut: @Sendable (UnsafeBufferPointer<UInt8>) -> Void
    private let writeError: @Sendable (UnsafeBufferPointer<UInt8>) -> Void
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
        self.init(out: { out(Array($0)) }, error: { error(Array($0)) }, input: input, colours: colours, keeper: nil)
    }

    private init(
        out: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void,
        error: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void,
        input: @escaping @Sendable () -> [UInt8], colours: Bool, keeper: Keeper?
    ) {
        writeOut = out
        writeError = error
        readInput = input
        self.colours = colours
        self.keeper = keeper
    }

    /// The process's stdout, stderr and stdin.
    ///
    /// Colours are used when stderr is a terminal and the environment does not ask for none
    /// (`NO_COLOR`, https://no-color.org, or `TERM=dumb`).
    public static var standard: Console {
        Console(
            out: { writeAll($0, to: STDOUT_FILENO) },
            error: { writeAll($0, to: STDERR_FILENO) },
            input: { FileBytes.read(descriptor: STDIN_FILENO) ?? [] },
            colours: wantsColours(
                isTerminal: isatty(STDERR_FILENO) == 1, environment: FileSystem.environment(["NO_COLOR", "TERM"])),
            keeper: Keeper()
        )
    }

    /// Writes every byte to a file descriptor, straight from the buffer (a rendered mesh can
    /// be hundreds of megabytes: no copy is made), however many calls that takes.
    private static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, start + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            offset += written
        }
    }

    /// Hands a command's large values (a mesh's bundle, rendering and diagnostics) to the
    /// process, which exits right after the command: freeing them one object at a time would
    /// only delay the exit (a tenth of the time of `smi render` on a large mesh).
    ///
    /// Elsewhere, as in tests, they are freed as usual.
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
        Self.line(text, to: writeOut)
    }

    /// Writes bytes to stdout as they are.
    func out(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer(writeOut)
    }

    /// Writes bytes to stdout as they are, straight from the buffer.
    func out(_ buffer: UnsafeBufferPointer<UInt8>) {
        writeOut(buffer)
    }

    /// Writes diagnostics to stderr, one line each (coloured when the console has colours),
    /// gathered into large writes rather than one write each; a batch at a time is made
    /// into text, on all cores (a large mesh has hundreds of thousands).
    func diagnostics(_ diagnostics: [Diagnostic]) {
        let colours = colours
        var start = 0
        while start < diagnostics.count {
            let batch = start..<min(start + Self.diagnosticsPerBatch, diagnostics.count)
            let parts = Parallel.chunks(of: batch.count, minimumChunk: Self.diagnosticsPerBatch / 8) { range in
                var text = ""
                for diagnostic in diagnostics[
                    (batch.lowerBound + range.lowerBound)..<(batch.lowerBound + range.upperBound)]
                {
                    text +=
                        colours
                        ? diagnostic.formatted(DiagnosticReport.colour(diagnostic.severity)) : diagnostic.description
                    text += "\n"
                }
                return text
            }
            for part in parts { error(part) }
            start = batch.upperBound
        }
    }

    /// How many diagnostics are made into text before they are written.
    private static let diagnosticsPerBatch = 1 << 11

    /// Writes a line to stderr.
    func error(_ text: String) {
        Self.line(text, to: writeError)
    }

    /// Writes `text` with a final newline if it has none, without copying it.
    private static func line(_ text: String, to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8(sink)
        if !text.hasSuffix("\n") { [UInt8(ascii: "\n")].withUnsafeBufferPointer(sink) }
    }
}
