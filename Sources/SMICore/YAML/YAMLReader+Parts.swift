extension YAMLReader {
    /// Inputs of at least twice this size are read in parts of about this size, on all cores.
    static let chunkBytes = 1 << 20

    /// Reads a large multi-document input in parts, in parallel; `nil` when it is not read so
    /// (see `foldParts`).
    func readInParts(_ bytes: UnsafeBufferPointer<UInt8>, file: String?) -> [ManifestDocument]? {
        let maxDocuments = limits.maxDocuments
        return foldParts(of: bytes, file: file, into: [ManifestDocument]()) { part -> [ManifestDocument]? in
            var documents: [ManifestDocument] = []
            do { try part.forEachDocument { documents.append($0) } } catch { return nil }
            return documents
        } fold: { all, documents in
            for var document in documents {
                document.index = all.count
                all.append(document)
            }
            return all.count <= maxDocuments
        }
    }

    /// Reads a large multi-document input in parts of about `partBytes`, on all cores: the
    /// one parallel reader, which `read` and `SMIInput` use.
    ///
    /// A line that starts with `---` followed by a space or line break always starts a new
    /// document (inside any other construct it is an error either way), so the input can be
    /// split there and each part read on its own. The split is by size only, never by the
    /// machine's core count, so the result is the same everywhere. `part` makes each part's
    /// result from its documents; `fold` adds it to `state`, in input order, as soon as it and
    /// those before it are ready, so a part is freed once folded.
    ///
    /// - Returns: the state; `nil` when the input is shorter than two parts or over the input
    ///   limit, cannot be split safely (it has directives, which belong to the document after
    ///   them), `part` gives `nil` (a part failed) or `fold` gives `false`. The caller then reads
    ///   the input in one pass, which reports exactly the error a sequential read reports.
    package func foldParts<T: Sendable, State: Sendable>(
        of bytes: UnsafeBufferPointer<UInt8>, file: String?, partBytes: Int = chunkBytes, into state: State,
        part: @Sendable (PartDocuments) -> T?, fold: @Sendable (inout State, T) -> Bool
    ) -> State? {
        guard bytes.count >= 2 * partBytes, bytes.count <= min(limits.maxInputBytes, Int(Int32.max) - 16),
            let parts = Self.parts(of: bytes, size: partBytes), parts.count > 1
        else { return nil }
        let input = SendableBytes(bytes: bytes)
        let reader = self
        let (folded, complete) = Parallel.fold(parts.count, into: state) { index -> T? in
            let range = parts[index].range
            return part(
                PartDocuments(
                    reader: reader, bytes: UnsafeBufferPointer(rebasing: input.bytes[range]), file: file,
                    firstLine: parts[index].firstLine, offset: range.lowerBound))
        } fold: { state, result in
            guard let result else { return false }
            return fold(&state, result)
        }
        return complete ? folded : nil
    }

    /// One part of a large input, being read by `foldParts`.
    package struct PartDocuments {
        let reader: YAMLReader
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String?
        let firstLine: Int
        /// Where the part starts in the input.
        let offset: Int

        /// Hands `body` the part's documents in order, their extents counted from the input's
        /// start.
        ///
        /// - Throws: The part's first `YAMLError`.
        package func forEachDocument(_ body: (ManifestDocument) -> Void) throws(YAMLError) {
            try reader.forEachDocument(inPart: bytes, file: file, firstLine: firstLine) {
                var document = $0
                document.extent?.shift(by: offset)
                body(document)
            }
        }
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
