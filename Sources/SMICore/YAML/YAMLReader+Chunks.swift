import Dispatch
import Synchronization

extension YAMLReader {
    /// Inputs of at least twice this size are read in parts of about this size, on all cores.
    static let chunkBytes = 1 << 20

    /// Reads a large multi-document input in parts, in parallel.
    ///
    /// A line that starts with `---` followed by a space or line break always starts a new
    /// document (inside any other construct it is an error either way), so the input can be
    /// split there and each part read on its own. The split is by size only, never by the
    /// machine's core count, so the result is the same everywhere. Returns `nil` when the
    /// input cannot be split safely (it has directives, which belong to the document after
    /// them) or when any part fails: the caller then reads the input in one pass, which
    /// reports exactly the error a sequential read reports.
    func readInChunks(_ bytes: UnsafeBufferPointer<UInt8>, file: String?) -> [ManifestDocument]? {
        guard let parts = Self.parts(of: bytes), parts.count > 1 else { return nil }
        let results = PartResults(count: parts.count)
        let input = SendableBytes(bytes: bytes)
        let reader = self
        DispatchQueue.concurrentPerform(iterations: parts.count) { i in
            let part = parts[i]
            let slice = UnsafeBufferPointer(rebasing: input.bytes[part.range])
            results.store(
                i, Result { () throws(YAMLError) in try reader.readPart(slice, file: file, firstLine: part.firstLine) })
        }
        var documents: [ManifestDocument] = []
        for (result, part) in zip(results.all, parts) {
            guard case let .success(partDocuments)? = result else { return nil }
            for var document in partDocuments {
                document.index = documents.count
                document.extent?.shift(by: part.range.lowerBound)
                documents.append(document)
            }
        }
        return documents.count <= limits.maxDocuments ? documents : nil
    }

    struct Part {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Where to split: at `---` lines about `size` bytes apart; `nil` when a line starts
    /// with `%` (a directive).
    static func parts(of b: UnsafeBufferPointer<UInt8>, size: Int = chunkBytes) -> [Part]? {
        let n = b.count
        if n > 0 && b[0] == UInt8(ascii: "%") { return nil }
        var parts: [Part] = []
        var start = 0
        var line = 1
        var linesBeforeScan = 1
        var i = 0
        var target = size
        while i < n {
            guard b[i] == 0x0A else {
                i += 1
                continue
            }
            linesBeforeScan += 1
            let next = i + 1
            if next < n && b[next] == UInt8(ascii: "%") { return nil }
            if next >= target && next + 3 <= n && b[next] == UInt8(ascii: "-") && b[next + 1] == UInt8(ascii: "-")
                && b[next + 2] == UInt8(ascii: "-")
                && (next + 3 == n || b[next + 3] == 0x20 || b[next + 3] == 0x09 || b[next + 3] == 0x0A
                    || b[next + 3] == 0x0D)
            {
                parts.append(Part(range: start..<next, firstLine: line))
                start = next
                line = linesBeforeScan
                target = next + size
            }
            i += 1
        }
        parts.append(Part(range: start..<n, firstLine: line))
        return parts
    }
}

/// The input shared by the parts read in parallel; it is only read, and outlives them.
private struct SendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// One result slot per part, filled by the parallel tasks.
private final class PartResults: Sendable {
    private let slots: Mutex<[Result<[ManifestDocument], YAMLError>?]>

    init(count: Int) {
        slots = Mutex(Array(repeating: nil, count: count))
    }

    func store(_ index: Int, _ result: Result<[ManifestDocument], YAMLError>) {
        slots.withLock { $0[index] = result }
    }

    var all: [Result<[ManifestDocument], YAMLError>?] { slots.withLock { $0 } }
}
