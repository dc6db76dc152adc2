/// Where a decoded document came from.
///
/// Its file, its place in the stream, and either its tree or where its text is in its input,
/// which is what a diagnostic about one of its fields needs to point at that field's line.
///
/// `SMIInput` drops the trees of the documents it decodes, since at mesh scale they are most
/// of the memory and only the few documents that are reported need one: a diagnostic about
/// such a document points at the document until `SMIInput.located(_:)` reads it again.
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
        /// Where the document and its root are in a text of its input not numbered yet.
        ///
        /// `SMIInput` numbers the texts as it adds the documents, in input order.
        case unnumbered(extent: ManifestDocument.Extent, root: FieldPath)
        /// Which of its input's texts (`SMIInput.Text`) holds the document, and where.
        ///
        /// `root` is where the root is in the document written there (an item of a list is
        /// below the list's root).
        case released(text: Int, extent: ManifestDocument.Extent, root: FieldPath)
    }

    /// The source of `document`, keeping its tree.
    public init(_ document: ManifestDocument) {
        file = document.file
        index = document.index
        location = document.root.location
        storage = .tree(document.root)
    }

    /// Drops the tree: the document is at `path` in the document written at `extent` of its
    /// input's text, numbered later by `reading(text:)`.
    mutating func releaseTree(at extent: ManifestDocument.Extent, path: FieldPath) {
        storage = .unnumbered(extent: extent, root: path)
    }

    /// Has a released tree read again at `extent` of another text (a copy), numbered later.
    mutating func rereading(at extent: ManifestDocument.Extent) {
        guard case let .unnumbered(_, root) = storage else { return }
        storage = .unnumbered(extent: extent, root: root)
    }

    /// Numbers the text a released tree is read again from; a kept tree stays.
    mutating func reading(text: Int) {
        guard case let .unnumbered(extent, root) = storage else { return }
        storage = .released(text: text, extent: extent, root: root)
    }

    /// Where a diagnostic about the field at `path` points: the field's line found in the
    /// tree when it is kept; else the document's start, and the anchor that `SMIInput`
    /// resolves to the field's line at the report stage.
    func place(of path: FieldPath) -> (location: SourceLocation?, anchor: Diagnostic.Anchor?) {
        switch storage {
        case let .tree(root): return (root.location(nearest: path), nil)
        case .unnumbered: return (location, nil)
        case let .released(text, extent, root):
            return (location, Diagnostic.Anchor(text: text, extent: extent, root: root))
        }
    }
}

extension Diagnostic {
    /// A diagnostic about the field at `path` of the document `source` holds, pointing at the
    /// field's line (see `DocumentSource.place(of:)`).
    init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, object: Object?, path: FieldPath,
        in source: DocumentSource
    ) {
        let (location, anchor) = source.place(of: path)
        self.init(
            severity, code, message, object: object, path: path, file: source.file, location: location, anchor: anchor)
    }
}
