/// One document of a YAML or JSON stream, with the name of the file it was read from.
public struct ManifestDocument: Sendable, Equatable {
    /// The document's root node.
    public var root: ManifestNode
    /// The file the document was read from (as the user named it), or `nil` for text
    /// that came from elsewhere.
    public var file: String?
    /// The 0-based position of the document in its stream.
    public var index: Int

    /// Creates a document.
    public init(root: ManifestNode, file: String? = nil, index: Int = 0) {
        self.root = root
        self.file = file
        self.index = index
    }
}
