/// A manifest node that does not fit the type it is decoded into: what, which field, and
/// where in the source text.
public struct ManifestDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, for example `expected an integer, found a string`.
    public var message: String
    /// The field, from the document root.
    public var path: FieldPath
    /// Where the offending node (or, for a missing field, its mapping) starts.
    public var location: SourceLocation?
    /// The file the node was read from, if known.
    public var file: String?

    /// Creates an error.
    public init(_ message: String, path: FieldPath, location: SourceLocation?, file: String? = nil) {
        self.message = message
        self.path = path
        self.location = location
        self.file = file
    }

    /// `file:line:column: error: path: message`.
    public var description: String {
        let position =
            location.map { "\(file ?? "<input>"):\($0.line):\($0.column): " } ?? (file.map { "\($0): " } ?? "")
        let field = path.components.isEmpty ? "" : "\(path): "
        return "\(position)error: \(field)\(message)"
    }
}
