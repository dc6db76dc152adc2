/// One document of a YAML or JSON stream, with the name of the file it was read from.
public struct ManifestDocument: Sendable, Equatable {
    /// The document's root node.
    public var root: ManifestNode
    /// The file the document was read from (as the user named it), or `nil` for text
    /// that came from elsewhere.
    public var file: String?
    /// The 0-based position of the document in its stream.
    public var index: Int
    /// Where the document's text is in the input it was read from, when it can be read again on
    /// its own.
    ///
    /// That is when it follows no directives: what lets a caller drop the tree and still find a
    /// field's line later.
    public var extent: Extent?
    /// Where `root` is in the document written at `extent`.
    ///
    /// Empty for a document, and the item's path (`items[2]`) for an object of a list (see
    /// `objects`).
    public var path = FieldPath()
    /// Where the plain integers written with a leading zero are (`010`).
    ///
    /// The Kubernetes schema reads them as octal (8), unlike what a reader of the manifest
    /// expects: worth a warning.
    public var octalIntegers: [SourceLocation] = []

    /// Where a document's text is in its input.
    public struct Extent: Sendable, Hashable {
        /// The bytes of the document: from the start of its first line to the start of what
        /// ends it.
        ///
        /// That is the next `---` or `...`, or the end of the input.
        public var bytes: Range<Int>
        /// The line number of the first of those bytes.
        public var line: Int

        /// Creates an extent.
        public init(bytes: Range<Int>, line: Int) {
            self.bytes = bytes
            self.line = line
        }

        /// Moves the extent `offset` bytes on: a part read on its own counts from its start.
        mutating func shift(by offset: Int) {
            bytes = bytes.lowerBound + offset..<bytes.upperBound + offset
        }
    }

    /// Creates a document.
    public init(root: ManifestNode, file: String? = nil, index: Int = 0) {
        self.root = root
        self.file = file
        self.index = index
    }

    /// Documents are equal when their roots (by value), files, indexes, paths and octal
    /// integers are.
    ///
    /// Where their text was does not matter.
    public static func == (lhs: ManifestDocument, rhs: ManifestDocument) -> Bool {
        lhs.root == rhs.root && lhs.file == rhs.file && lhs.index == rhs.index && lhs.path == rhs.path
            && lhs.octalIntegers == rhs.octalIntegers
    }
}
