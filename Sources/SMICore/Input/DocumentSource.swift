/// Where a decoded document came from.
///
/// Its file, its place in the stream, and its tree, which diagnostics use to point at the line
/// of a field.
///
/// The tree is either kept, or released and read again from the input's text when a
/// diagnostic asks for it (see `releasingTree(of:readingAgainFrom:with:)`): at mesh scale the
/// trees are most of the memory, and only the few documents that are reported need one.
public struct DocumentSource: Sendable {
    /// The file the document was read from, or `nil` for text that came from elsewhere.
    public var file: String?
    /// The 0-based position of the document in its stream.
    public var index: Int
    /// Where the document's root node starts.
    public var location: SourceLocation?
    private var storage: Storage

    private enum Storage: Sendable {
        case tree(ManifestNode)
        /// The text of the document at the extent, and where the root is in it (an item of
        /// a list is below the list's root).
        case text(Text, ManifestDocument.Extent, FieldPath)
    }

    /// Text that documents are read again from, and the reader that reads it: one for all the
    /// documents of a part of an input, so that each document holds only its extent.
    ///
    /// The text is either kept, or read again from where it came from (a file).
    final class Text: Sendable {
        private let bytes: [UInt8]
        private let readAgain: SMIInput.ReadAgain?
        private let reader: YAMLReader

        /// Text kept in memory.
        init(_ bytes: [UInt8], reader: YAMLReader) {
            self.bytes = bytes
            readAgain = nil
            self.reader = reader
        }

        /// Text that `readAgain` gives again, a document at a time.
        init(readingAgain readAgain: @escaping SMIInput.ReadAgain, reader: YAMLReader) {
            bytes = []
            self.readAgain = readAgain
            self.reader = reader
        }

        /// The root of the document at `extent`; nil when the text no longer reads as one
        /// document there.
        func root(at extent: ManifestDocument.Extent, file: String?) -> ManifestNode? {
            guard let readAgain else { return reader.readDocument(at: extent, of: bytes, file: file) }
            guard let own = readAgain(extent.bytes), own.count == extent.bytes.count else { return nil }
            return reader.readDocument(
                at: ManifestDocument.Extent(bytes: 0..<own.count, line: extent.line), of: own, file: file)
        }
    }

    /// The source of `document`, keeping its tree.
    public init(_ document: ManifestDocument) {
        file = document.file
        index = document.index
        location = document.root.location
        storage = .tree(document.root)
    }

    /// This source without its tree, which is read again from `text` when asked for.
    ///
    /// The text is the whole input the document was read from, read by `reader`. Unchanged when
    /// the document cannot be read again on its own (it has no extent).
    public func releasingTree(of document: ManifestDocument, readingAgainFrom text: [UInt8], with reader: YAMLReader)
        -> DocumentSource
    {
        guard let extent = document.extent, case .tree = storage else { return self }
        var released = self
        released.releaseTree(readingAgainAt: extent, path: document.path, of: Text(text, reader: reader))
        return released
    }

    /// Drops the tree, to be read again from the bytes `extent` names in `text` (a copy of
    /// the document's own text, or the whole input), at `path` in the document read there:
    /// a tree already dropped is read again from there instead.
    mutating func releaseTree(readingAgainAt extent: ManifestDocument.Extent, path: FieldPath, of text: Text) {
        storage = .text(text, extent, path)
    }

    /// Has a released tree read again from `extent` of `text` instead (a copy of the same
    /// document's text), at the same path; a kept tree stays.
    mutating func rereading(at extent: ManifestDocument.Extent, of text: Text) {
        guard case let .text(_, _, path) = storage else { return }
        storage = .text(text, extent, path)
    }

    /// The document's root node: the tree kept, or the document read again from its text.
    ///
    /// Should the text no longer read as it did, a null node at the root's location.
    public var root: ManifestNode {
        switch storage {
        case let .tree(root):
            return root
        case let .text(text, extent, path):
            guard let root = text.root(at: extent, file: file)?.node(at: path), root.location == location else {
                return ManifestNode(.null, at: location)
            }
            return root
        }
    }

    /// Where the node at `path` starts, or the nearest node around it that exists (the root at
    /// worst).
    ///
    /// Where a diagnostic about that field points.
    public func location(at path: FieldPath) -> SourceLocation? {
        let root = root
        var probe = path
        while !probe.components.isEmpty {
            if let node = root.node(at: probe) { return node.location }
            probe.components.removeLast()
        }
        return root.location
    }
}
