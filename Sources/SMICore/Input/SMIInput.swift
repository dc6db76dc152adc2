import Synchronization

/// What YAML or JSON inputs hold for rendering.
///
/// Their SMI objects (`SMIBundle`) and their workloads (`Inventory`), as `SMIBundle(_:)` and
/// `Inventory(manifests:)` make them from documents, but without keeping the documents.
///
/// Each input is read and decoded in one pass, a part at a time on all cores, and every
/// document's tree is dropped as soon as it is decoded: an SMI document is read again when a
/// diagnostic needs the line of one of its fields, from where its input can be read again (a
/// file) or else from a copy of its own text; nothing keeps the rest of the input. At mesh
/// scale the trees are most of what reading every document first would hold in memory.
public struct SMIInput: Sendable {
    /// Reads the bytes at a range of an input again: a file's from the file.
    ///
    /// Must give the bytes as they were read the first time, or nil (a file that changed
    /// since): a diagnostic then points at its document instead of the field.
    public typealias ReadAgain = @Sendable (Range<Int>) -> [UInt8]?

    /// One input.
    public struct Source: Sendable {
        /// The name used in locations (a file's path as the user gave it), if any.
        public var name: String?
        /// The UTF-8 text.
        public var bytes: [UInt8]
        /// Whether only the workloads are read (the SMI objects of an input given for its
        /// workloads are ignored).
        public var inventoryOnly: Bool
        /// How to read the bytes again, when they can be (a file's).
        ///
        /// Nil keeps a copy of the SMI documents' text in memory instead, about half of a
        /// mesh's input.
        public var readAgain: ReadAgain?

        /// Creates an input.
        public init(name: String?, bytes: [UInt8], inventoryOnly: Bool = false, readAgain: ReadAgain? = nil) {
            self.name = name
            self.bytes = bytes
            self.inventoryOnly = inventoryOnly
            self.readAgain = readAgain
        }

        /// What the documents whose trees are dropped are read again from (`bytes` itself
        /// until `keepOwnText` has them read from a copy).
        fileprivate func text(reader: YAMLReader) -> DocumentSource.Text {
            readAgain.map { DocumentSource.Text(readingAgain: $0, reader: reader) }
                ?? DocumentSource.Text(bytes, reader: reader)
        }
    }

    /// The SMI objects of the inputs that are not inventory only.
    public var bundle: SMIBundle
    /// The workloads of every input.
    public var inventory: Inventory
    /// How many documents the inputs that are not inventory only hold.
    public var documentCount: Int
    /// What reading found: an error for each input that is not valid YAML, and a warning when
    /// nothing is used.
    ///
    /// The documents before an error are used; nothing used means no SMI object and no
    /// workload, so that an empty result is never silent.
    public var diagnostics: [Diagnostic]

    /// Inputs of at least twice this size are read in parts of about this size, on all cores.
    static let partBytes = 1 << 18

    /// From how many documents the bundle and the inventory are made on two threads.
    static let concurrentDocuments = 1024

    /// Reads, decodes and indexes `sources`, in order, with `reader`.
    public init(_ sources: [Source], reader: YAMLReader = YAMLReader()) {
        var gathered = Gathered()
        diagnostics = []
        for source in sources {
            let error: YAMLError?
            (gathered, error) = Self.gather(source, into: gathered, reader: reader)
            if let error { diagnostics.append(Diagnostic(error)) }
        }
        documentCount = gathered.documentCount
        // The inventory's arrays are taken out of `gathered`, so that sorting them in place
        // does not copy them.
        let indexer = gathered.indexer
        var found = Inventory.Gathering()
        swap(&found, &gathered.found)
        // At mesh scale the bundle and the inventory are made at the same time; a small
        // input's are not worth a second thread.
        if documentCount < Self.concurrentDocuments {
            bundle = indexer.bundle
            inventory = found.inventory()
        } else {
            let handed = Mutex(consume found)
            (bundle, inventory) = Parallel.both({ indexer.bundle }, { handed.withLock { $0.taken() }.inventory() })
        }
        if diagnostics.isEmpty, bundle.namespaces.isEmpty, inventory.isEmpty {
            diagnostics.append(
                Diagnostic(
                    .warning, .nothingUsed,
                    "no SMI objects and no workloads in the input (kinds swift-smi does not use are passed over)",
                    file: sources.count == 1 ? sources[0].name : nil))
        }
    }

    /// What one document gives the bundle and the inventory: one object, or the items of a
    /// list.
    private struct Digest: Sendable {
        var smi: [SMIBundle.Prepared] = []
        var found: [Inventory.Found] = []
        /// Where a document with SMI objects whose trees are released is read again from in
        /// its input (nil for other documents).
        var extent: ManifestDocument.Extent?
    }

    /// What the inputs read so far give, gathered in input order.
    private struct Gathered: Sendable {
        var indexer = SMIBundle.Indexer()
        var found = Inventory.Gathering()
        /// The documents of the inputs that are not inventory only.
        var documentCount = 0
        /// The documents of the input being read.
        var sourceDocuments = 0

        /// Adds the next documents of `source`.
        mutating func add(_ digests: consuming [Digest], of source: Source) {
            if !source.inventoryOnly { documentCount += digests.count }
            for digest in digests {
                for var smi in digest.smi {
                    smi.document.source.index = sourceDocuments
                    indexer.add(smi)
                }
                for manifest in digest.found { found.add(manifest) }
                sourceDocuments += 1
            }
        }
    }

    private static func digest(_ document: ManifestDocument, of source: Source, text: DocumentSource.Text) -> Digest {
        guard document.listItems != nil else { return digest(object: document, of: source, text: text) }
        // A list: its items, and its problems (reported with the SMI objects, for every input).
        let objects = document.objects
        var list = Digest()
        for object in objects.objects {
            let one = digest(object: object, of: source, text: text)
            list.smi += one.smi
            list.found += one.found
            list.extent = list.extent ?? one.extent
        }
        if let problems = SMIBundle.Prepared(problemsOf: document, objects.problems) { list.smi.append(problems) }
        return list
    }

    private static func digest(object document: ManifestDocument, of source: Source, text: DocumentSource.Text)
        -> Digest
    {
        var digest = Digest(found: Inventory.found(in: document).map { [$0] } ?? [])
        guard !source.inventoryOnly else { return digest }
        var prepared = SMIBundle.prepare(document)
        if case .other = prepared.document.content { return digest }
        if let extent = document.extent {
            prepared.document.source.releaseTree(readingAgainAt: extent, path: document.path, of: text)
            digest.extent = extent
        }
        digest.smi = [prepared]
        return digest
    }

    /// Has the SMI documents of `digests` read again from a copy of their text, made in one
    /// array, instead of from `source.bytes`: diagnostics read SMI documents again, and nothing
    /// reads the rest of the input again (the workloads, the Services), which can then be
    /// freed.
    ///
    /// Nothing to do when the input can be read again where it came from.
    private static func keepOwnText(of digests: inout [Digest], from source: Source, reader: YAMLReader) {
        guard source.readAgain == nil else { return }
        let bytes = source.bytes
        var text: [UInt8] = []
        text.reserveCapacity(digests.reduce(0) { $0 + ($1.extent?.bytes.count ?? 0) })
        var copies: [(index: Int, extent: ManifestDocument.Extent)] = []
        for index in digests.indices {
            guard let extent = digests[index].extent else { continue }
            copies.append(
                (index, ManifestDocument.Extent(bytes: text.count..<text.count + extent.bytes.count, line: extent.line))
            )
            text.append(contentsOf: bytes[extent.bytes])
        }
        let own = DocumentSource.Text(text, reader: reader)
        for (index, extent) in copies {
            for item in digests[index].smi.indices {
                digests[index].smi[item].document.source.rereading(at: extent, of: own)
            }
        }
    }

    /// `gathered` with every document of `source` added, and the error that stopped reading
    /// it, if any.
    private static func gather(_ source: Source, into gathered: Gathered, reader: YAMLReader) -> (Gathered, YAMLError?)
    {
        var gathered = gathered
        gathered.sourceDocuments = 0
        if source.bytes.count >= 2 * partBytes,
            source.bytes.count <= min(reader.limits.maxInputBytes, Int(Int32.max) - 16),
            let inParts = gatherInParts(source, into: gathered, reader: reader)
        {
            return (inParts, nil)
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
        let whole = source.text(reader: reader)
        var digests = documents.concurrentMap(minimumChunk: 64) { digest($0, of: source, text: whole) }
        keepOwnText(of: &digests, from: source, reader: reader)
        gathered.add(digests, of: source)
        return (gathered, failure)
    }

    /// `gathered` with the documents of a large input added, read in parts on all cores
    /// (see `YAMLReader.readInChunks`), each document decoded as soon as it is read and each
    /// part added as soon as those before it are; `nil` when the input cannot be split, a
    /// part fails or the input holds too many documents.
    private static func gatherInParts(_ source: Source, into gathered: Gathered, reader: YAMLReader) -> Gathered? {
        guard let parts = source.bytes.withUnsafeBufferPointer({ YAMLReader.parts(of: $0, size: partBytes) }),
            parts.count > 1
        else { return nil }
        let whole = source.text(reader: reader)
        let (result, complete) = Parallel.fold(parts.count, into: gathered) { index -> [Digest]? in
            let part = parts[index]
            var digests: [Digest] = []
            let read: Void? = try? reader.forEachDocument(
                inPart: source.bytes[part.range], file: source.name, firstLine: part.firstLine
            ) {
                var document = $0
                document.extent?.shift(by: part.range.lowerBound)
                digests.append(digest(document, of: source, text: whole))
            }
            guard read != nil else { return nil }
            keepOwnText(of: &digests, from: source, reader: reader)
            return digests
        } fold: { gathered, digests in
            guard let digests else { return false }
            gathered.add(digests, of: source)
            return gathered.sourceDocuments <= reader.limits.maxDocuments
        }
        return complete ? result : nil
    }
}
