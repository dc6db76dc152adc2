import Synchronization

/// What YAML or JSON inputs hold for rendering.
///
/// Their SMI objects (`SMIBundle`) and their workloads (`Inventory`), as `SMIBundle(_:)` and
/// `Inventory(manifests:)` make them from documents, but without keeping the documents.
///
/// Each input is read and decoded in one pass, a part at a time on all cores, and every
/// document's tree is dropped as soon as it is decoded: diagnostics about an SMI document
/// point at the document until `located(_:)` reads it again for the lines of their fields,
/// from where its input can be read again (a file) or else from a copy of its own text;
/// nothing keeps the rest of the input. At mesh scale the trees are most of what reading every
/// document first would hold in memory.
public struct SMIInput: Sendable {
    /// Reads the bytes at a range of an input again: a file's from the file.
    ///
    /// Must give the bytes as they were read the first time, or nil (a file that changed
    /// since): a diagnostic then points at its document instead of the field.
    package typealias ReadAgain = @Sendable (Range<Int>) -> [UInt8]?

    /// One input.
    public struct Source: Sendable {
        /// The name used in locations (a file's path as the user gave it), if any.
        public var name: String?
        /// The UTF-8 text.
        public var bytes: [UInt8]
        /// Whether only the workloads are read (the SMI objects of an input given for its
        /// workloads are ignored).
        public var inventoryOnly: Bool
        /// How to read the bytes again, when they can be (a file's: `smi` sets it).
        ///
        /// Nil keeps a copy of the SMI documents' text in memory instead, about half of a
        /// mesh's input.
        package var readAgain: ReadAgain?

        /// Creates an input.
        public init(name: String?, bytes: [UInt8], inventoryOnly: Bool = false) {
            self.name = name
            self.bytes = bytes
            self.inventoryOnly = inventoryOnly
        }

        /// Creates an input that can be read again where it came from.
        package init(name: String?, bytes: [UInt8], inventoryOnly: Bool = false, readAgain: ReadAgain?) {
            self.init(name: name, bytes: bytes, inventoryOnly: inventoryOnly)
            self.readAgain = readAgain
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

    /// What the documents whose trees were dropped are read again from, by number (see
    /// `Diagnostic.Anchor`).
    let texts: [Text]
    /// The reader that read the inputs, which reads their documents again.
    let reader: YAMLReader

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
        texts = gathered.texts
        self.reader = reader
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
        /// Where a document with SMI objects whose trees are released is in its input (nil
        /// for other documents).
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
        /// What the released documents are read again from.
        var texts: [Text] = []

        /// Adds the next documents of `source`, whose released documents are read again from
        /// `text` (which is added to `texts` unless it is the last one there).
        mutating func add(_ digests: consuming [Digest], of source: Source, text: Text) {
            if !source.inventoryOnly { documentCount += digests.count }
            if texts.last !== text, digests.contains(where: { $0.extent != nil }) { texts.append(text) }
            for digest in digests {
                for var smi in digest.smi {
                    smi.document.source.index = sourceDocuments
                    smi.document.source.reading(text: texts.count - 1)
                    indexer.add(smi)
                }
                for manifest in digest.found { found.add(manifest) }
                sourceDocuments += 1
            }
        }
    }

    private static func digest(_ document: ManifestDocument, of source: Source) -> Digest {
        guard document.listItems != nil else { return digest(object: document, of: source) }
        // A list: its items, and its problems (reported with the SMI objects, for every input).
        let objects = document.objects
        var list = Digest()
        for object in objects.objects {
            let one = digest(object: object, of: source)
            list.smi += one.smi
            list.found += one.found
            list.extent = list.extent ?? one.extent
        }
        if let problems = SMIBundle.Prepared(problemsOf: document, objects.problems) { list.smi.append(problems) }
        return list
    }

    private static func digest(object document: ManifestDocument, of source: Source) -> Digest {
        var digest = Digest(found: Inventory.found(in: document).map { [$0] } ?? [])
        guard !source.inventoryOnly else { return digest }
        var prepared = SMIBundle.prepare(document)
        if case .other = prepared.document.content { return digest }
        if let extent = document.extent {
            prepared.document.source.releaseTree(at: extent, path: document.path)
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
    /// The copy; `whole` when the input can be read again where it came from.
    private static func keepOwnText(of digests: inout [Digest], from source: Source, whole: Text) -> Text {
        guard source.readAgain == nil else { return whole }
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
        for (index, extent) in copies {
            for item in digests[index].smi.indices {
                digests[index].smi[item].document.source.rereading(at: extent)
            }
        }
        return Text(text)
    }

    /// `gathered` with every document of `source` added, and the error that stopped reading
    /// it, if any.
    private static func gather(_ source: Source, into gathered: Gathered, reader: YAMLReader) -> (Gathered, YAMLError?)
    {
        var gathered = gathered
        gathered.sourceDocuments = 0
        if let inParts = gatherInParts(source, into: gathered, reader: reader) { return (inParts, nil) }
        // Small inputs, and those that cannot be split or fail: read in one pass (which
        // reports the error a sequential read reports), then decoded on all cores.
        var documents: [ManifestDocument] = []
        var failure: YAMLError?
        do {
            try reader.forEachDocument(in: source.bytes, file: source.name) { documents.append($0) }
        } catch {
            failure = error
        }
        var digests = documents.concurrentMap(minimumChunk: 64) { digest($0, of: source) }
        let text = keepOwnText(of: &digests, from: source, whole: Text(source))
        gathered.add(digests, of: source, text: text)
        return (gathered, failure)
    }

    /// `gathered` with the documents of a large input added, read in parts on all cores
    /// (see `YAMLReader.foldParts`), each document decoded as soon as it is read and each
    /// part added as soon as those before it are; `nil` when the input is not read in parts,
    /// a part fails or the input holds too many documents.
    private static func gatherInParts(_ source: Source, into gathered: Gathered, reader: YAMLReader) -> Gathered? {
        let whole = Text(source)
        let maxDocuments = reader.limits.maxDocuments
        return source.bytes.withUnsafeBufferPointer { bytes in
            reader.foldParts(of: bytes, file: source.name, partBytes: partBytes, into: gathered) {
                part -> (digests: [Digest], text: Text)? in
                var digests: [Digest] = []
                do { try part.forEachDocument { digests.append(digest($0, of: source)) } } catch { return nil }
                let text = keepOwnText(of: &digests, from: source, whole: whole)
                return (digests, text)
            } fold: { gathered, part in
                gathered.add(part.digests, of: source, text: part.text)
                return gathered.sourceDocuments <= maxDocuments
            }
        }
    }
}
