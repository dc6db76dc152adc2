/// Reads YAML (and therefore JSON) text into documents of `ManifestValue` nodes.
///
/// Zero dependencies, on UTF-8 bytes. Every node keeps its source location. Hostile input
/// is bounded by `Limits`: nesting depth, sizes, document count and alias expansion (a
/// "billion laughs" document is rejected, never expanded).
public struct YAMLReader: Sendable {
    /// Bounds that keep reading safe on hostile input.
    public struct Limits: Sendable, Equatable {
        /// Deepest nesting of collections.
        public var maxDepth: Int
        /// Largest input, in bytes (never more than 2 GiB, whatever is set here).
        public var maxInputBytes: Int
        /// Largest single document, in bytes.
        public var maxDocumentBytes: Int
        /// Largest single scalar, in bytes.
        public var maxScalarBytes: Int
        /// Most documents in one stream.
        public var maxDocuments: Int
        /// Most nodes a document may denote once its aliases are expanded.
        ///
        /// Aliases are shared, not copied, but everything that walks the tree sees them
        /// expanded.
        public var maxAliasExpansion: Int

        /// Defaults that admit any real manifest and reject bombs quickly.
        public init(
            maxDepth: Int = 512,
            maxInputBytes: Int = 1 << 30,
            maxDocumentBytes: Int = 64 << 20,
            maxScalarBytes: Int = 16 << 20,
            maxDocuments: Int = 1_000_000,
            maxAliasExpansion: Int = 1_000_000
        ) {
            self.maxDepth = maxDepth
            self.maxInputBytes = maxInputBytes
            self.maxDocumentBytes = maxDocumentBytes
            self.maxScalarBytes = maxScalarBytes
            self.maxDocuments = maxDocuments
            self.maxAliasExpansion = maxAliasExpansion
        }
    }

    /// How plain scalars resolve to types.
    public var schema: YAMLSchema
    /// Bounds on the input.
    public var limits: Limits
    /// Whether a mapping may repeat a key.
    ///
    /// YAML forbids it and Kubernetes' strict decoding rejects it, so it is an error unless
    /// allowed here.
    public var allowsDuplicateKeys: Bool

    /// Creates a reader.
    public init(schema: YAMLSchema = .kubernetes, limits: Limits = Limits(), allowsDuplicateKeys: Bool = false) {
        self.schema = schema
        self.limits = limits
        self.allowsDuplicateKeys = allowsDuplicateKeys
    }

    /// Reads every document of a UTF-8 byte stream.
    ///
    /// - Parameters:
    ///   - bytes: the stream, UTF-8.
    ///   - file: the name used in locations and errors.
    /// - Returns: the documents, in order.
    /// - Throws: `YAMLError` at the first syntax error, with its position.
    public func read(_ bytes: some Collection<UInt8>, file: String? = nil) throws(YAMLError) -> [ManifestDocument] {
        if bytes.count >= 2 * Self.chunkBytes {
            let chunked =
                bytes.withContiguousStorageIfAvailable { readInParts($0, file: file) }
                ?? Array(bytes).withUnsafeBufferPointer { readInParts($0, file: file) }
            if let chunked { return chunked }
        }
        var documents: [ManifestDocument] = []
        try forEachDocument(in: bytes, file: file) { documents.append($0) }
        return documents
    }

    /// Reads a UTF-8 byte stream one document at a time, handing each to `body` as soon as it
    /// is complete.
    ///
    /// A large stream never needs all its documents in memory. When a later document is
    /// malformed, the earlier ones have already been handed over.
    public func forEachDocument(
        in bytes: some Collection<UInt8>, file: String? = nil, _ body: (ManifestDocument) -> Void
    ) throws(YAMLError) {
        let maxInputBytes = min(limits.maxInputBytes, Int(Int32.max) - 16)
        if bytes.count > maxInputBytes {
            throw YAMLError(
                .limit, "input of \(bytes.count) bytes exceeds the limit of \(maxInputBytes) bytes",
                at: SourceLocation(line: 1, column: 1), file: file)
        }
        try forEachDocument(inPart: bytes, file: file, firstLine: 1, body)
    }

    /// Reads the text of a whole input, or of one part of a larger one, a document at a time:
    /// `bytes` are copied with the zero padding the scanner needs, locations count lines from
    /// `firstLine`, and extents count from the first byte.
    ///
    /// Documents of the common form are read by `YAMLQuickReader`, the others by the parser
    /// (all of them when `quick` is false, which the tests compare).
    func forEachDocument(
        inPart bytes: some Collection<UInt8>, file: String?, firstLine: Int, quick: Bool = true,
        _ body: (ManifestDocument) -> Void
    ) throws(YAMLError) {
        let storage = Self.padded(bytes)
        let reader = self
        let result: Result<Void, YAMLError> = storage.withUnsafeBufferPointer { buffer in
            do throws(YAMLError) {
                guard let base = buffer.baseAddress else { return .success(()) }
                try UTF8Validation.check(base, count: bytes.count, file: file, firstLine: firstLine)
                guard quick else {
                    try reader.parse(base, count: bytes.count, file: file, firstLine: firstLine, firstIndex: 0, body)
                    return .success(())
                }
                try reader.readQuickly(base, count: bytes.count, file: file, firstLine: firstLine, body)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Every document of `bytes` read by the parser alone, in one pass: what reading with the
    /// quick reader must equal (the reader's tests and fuzzer compare them).
    package func readParsingOnly(_ bytes: [UInt8], file: String? = nil) throws(YAMLError) -> [ManifestDocument] {
        var documents: [ManifestDocument] = []
        try forEachDocument(inPart: bytes, file: file, firstLine: 1, quick: false) { documents.append($0) }
        return documents
    }

    /// `bytes` followed by the zero bytes the scanner and the quick reader look ahead into.
    private static func padded(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var storage = [UInt8]()
        storage.reserveCapacity(bytes.count + 8)
        storage.append(contentsOf: bytes)
        storage.append(contentsOf: repeatElement(0, count: 8))
        return storage
    }

    /// Every document of the `count` bytes at `base` (followed by zero bytes) read by the
    /// parser, numbered from `firstIndex`.
    private func parse(
        _ base: UnsafePointer<UInt8>, count: Int, file: String?, firstLine: Int, firstIndex: Int,
        _ body: (ManifestDocument) -> Void
    ) throws(YAMLError) {
        let scanner = YAMLScanner(base, count: count, limits: limits, file: file, firstLine: firstLine)
        var parser = YAMLParser(scanner: scanner, reader: self, file: file)
        try parser.parseStream(firstIndex: firstIndex, body)
    }

    /// Every document of the `count` bytes at `base` (followed by zero bytes): those the quick
    /// reader declines are read by the parser, up to the next `---` line.
    ///
    /// Should the parser fail there, it reads the rest of the text in one pass, which reports
    /// the error a sequential read reports.
    private func readQuickly(
        _ base: UnsafePointer<UInt8>, count: Int, file: String?, firstLine: Int, _ body: (ManifestDocument) -> Void
    ) throws(YAMLError) {
        var quick = YAMLQuickReader(base, count: count, reader: self, file: file, firstLine: firstLine)
        while !quick.atEnd {
            if let document = quick.next() {
                body(document)
                continue
            }
            let start = quick.position
            let end = quick.nextDocumentStart()
            let region = Self.padded(UnsafeBufferPointer(start: base + start, count: end - start))
            var documents: [ManifestDocument] = []
            let read: Void? = region.withUnsafeBufferPointer { buffer in
                guard let regionBase = buffer.baseAddress else { return nil }
                return try? parse(
                    regionBase, count: end - start, file: file, firstLine: quick.line, firstIndex: quick.documentCount
                ) {
                    var document = $0
                    document.extent?.shift(by: start)
                    documents.append(document)
                }
            }
            guard read != nil else {
                try parse(
                    base + start, count: count - start, file: file, firstLine: quick.line,
                    firstIndex: quick.documentCount
                ) {
                    var document = $0
                    document.extent?.shift(by: start)
                    body(document)
                }
                return
            }
            documents.forEach(body)
            quick.skip(to: end, documents: documents.count)
        }
    }

    /// Reads again the one document at `extent` of `bytes` (the input it was first read from,
    /// with this reader's settings).
    ///
    /// The same tree with the same locations, or `nil` when the extent does not hold exactly
    /// one document of that input.
    public func readDocument(at extent: ManifestDocument.Extent, of bytes: [UInt8], file: String? = nil)
        -> ManifestNode?
    {
        guard extent.bytes.lowerBound >= 0, extent.bytes.upperBound <= bytes.count, extent.line >= 1 else { return nil }
        var roots: [ManifestNode] = []
        let read: Void? = try? forEachDocument(inPart: bytes[extent.bytes], file: file, firstLine: extent.line) {
            roots.append($0.root)
        }
        guard read != nil, roots.count == 1 else { return nil }
        return roots[0]
    }

    /// Reads every document of a string.
    public func read(_ text: String, file: String? = nil) throws(YAMLError) -> [ManifestDocument] {
        try read(Array(text.utf8), file: file)
    }

    /// Reads a stream that must hold exactly one document (or none, which reads as null).
    public func readSingle(_ text: String, file: String? = nil) throws(YAMLError) -> ManifestNode {
        let documents = try read(text, file: file)
        if documents.count > 1 {
            throw YAMLError(
                .syntax, "expected a single document, found \(documents.count)",
                at: documents[1].root.location ?? SourceLocation(line: 1, column: 1), file: file)
        }
        return documents.first?.root ?? ManifestNode(.null, at: SourceLocation(line: 1, column: 1))
    }
}
