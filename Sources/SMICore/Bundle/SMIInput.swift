/// What YAML or JSON inputs hold for rendering: their SMI objects (`SMIBundle`) and their
/// workloads (`Inventory`), as `SMIBundle(_:)` and `Inventory(manifests:)` make them from
/// documents, but without keeping the documents.
///
/// Each input is read and decoded in one pass, a part at a time on all cores, and every
/// document's tree is dropped as soon as it is decoded: an SMI document keeps only where it
/// is in its input, and is read again from there when a diagnostic needs the line of one of
/// its fields. At mesh scale the trees are most of what reading every document first would
/// hold in memory.
public struct SMIInput: Sendable {
    /// One input.
    public struct Source: Sendable {
        /// The name used in locations (a file's path as the user gave it), if any.
        public var name: String?
        /// The UTF-8 text.
        public var bytes: [UInt8]
        /// Whether only the workloads are read (the SMI objects of an input given for its
        /// workloads are ignored).
        public var inventoryOnly: Bool

        /// Creates an input.
        public init(name: String?, bytes: [UInt8], inventoryOnly: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.inventoryOnly = inventoryOnly
        }
    }

    /// The SMI objects of the inputs that are not inventory only.
    public var bundle: SMIBundle
    /// The workloads of every input.
    public var inventory: Inventory
    /// How many documents the inputs that are not inventory only hold.
    public var documentCount: Int
    /// One error for each input that is not valid YAML; the documents before the error are
    /// used.
    public var errors: [Diagnostic]

    /// Inputs of at least twice this size are read in parts of about this size, on all cores.
    static let partBytes = 1 << 18

    /// Reads, decodes and indexes `sources`, in order, with `reader`.
    public init(_ sources: [Source], reader: YAMLReader = YAMLReader()) {
        var indexer = SMIBundle.Indexer()
        var found: [Inventory.Found] = []
        documentCount = 0
        errors = []
        for source in sources {
            var (parts, error) = Self.digests(of: source, reader: reader)
            if let error { errors.append(Diagnostic(error)) }
            var index = 0
            for part in parts.indices {
                for digest in parts[part] {
                    if var smi = digest.smi {
                        smi.document.source.index = index
                        indexer.add(smi)
                    }
                    if let manifest = digest.found { found.append(manifest) }
                    index += 1
                }
                // Each part is freed once indexed, so the decoded documents are never all
                // held twice.
                parts[part] = []
            }
            if !source.inventoryOnly { documentCount += index }
        }
        bundle = indexer.bundle
        inventory = Inventory(found: found)
    }

    /// What one document gives the bundle and the inventory.
    private struct Digest: Sendable {
        var smi: SMIBundle.Prepared?
        var found: Inventory.Found?
    }

    private static func digest(_ document: ManifestDocument, of source: Source, reader: YAMLReader) -> Digest {
        var digest = Digest(found: Inventory.found(in: document))
        guard !source.inventoryOnly else { return digest }
        var prepared = SMIBundle.prepare(document)
        if case .other = prepared.document.content { return digest }
        prepared.document.source = prepared.document.source.releasingTree(of: document, readingAgainFrom: source.bytes, with: reader)
        digest.smi = prepared
        return digest
    }

    /// The digest of every document of `source`, in order and in parts, and the error that
    /// stopped reading it, if any.
    private static func digests(of source: Source, reader: YAMLReader) -> ([[Digest]], YAMLError?) {
        if source.bytes.count >= 2 * partBytes, source.bytes.count <= min(reader.limits.maxInputBytes, Int(Int32.max) - 16),
           let digests = digestsInParts(of: source, reader: reader)
        {
            return (digests, nil)
        }
        // Small inputs, and those that cannot be split or fail: read in one pass (which
        // reports the error a sequential read reports), then decoded on all cores.
        var documents: [ManifestDocument] = []
        var failure: YAMLError?
        do {
            try reader.forEachDocument(in: source.bytes, file: source.name) { documents.append($0) }
        } catch {
            failure = error
        }
        return ([documents.concurrentMap(minimumChunk: 64) { digest($0, of: source, reader: reader) }], failure)
    }

    /// The digests of a large input read in parts in parallel (see
    /// `YAMLReader.readInChunks`), each document decoded as soon as it is read; `nil` when
    /// the input cannot be split or a part fails.
    private static func digestsInParts(of source: Source, reader: YAMLReader) -> [[Digest]]? {
        guard let parts = source.bytes.withUnsafeBufferPointer({ YAMLReader.parts(of: $0, size: partBytes) }), parts.count > 1 else { return nil }
        let results = Parallel.chunks(of: parts.count, minimumChunk: 1) { range -> [Digest]? in
            var digests: [Digest] = []
            for part in parts[range] {
                let read: Void? = try? reader.forEachDocument(inPart: source.bytes[part.range], file: source.name, firstLine: part.firstLine) {
                    var document = $0
                    document.extent?.shift(by: part.range.lowerBound)
                    digests.append(digest(document, of: source, reader: reader))
                }
                guard read != nil else { return nil }
            }
            return digests
        }
        var digests: [[Digest]] = []
        var count = 0
        for part in results {
            guard let part else { return nil }
            digests.append(part)
            count += part.count
        }
        return count <= reader.limits.maxDocuments ? digests : nil
    }
}
