/// A form a rendering is written in, by the name `smi render -o` takes.
///
/// With the extension of the files `smi render --output-dir` writes in it.
///
/// Every mesh writes its resources as ``yaml`` and ``json``; a mesh whose own tools take
/// another form adds formats of its own (Consul's config entries), each under its own name, so
/// that one name never means two things.
public struct OutputFormat: Sendable, Hashable, CustomStringConvertible {
    /// The name `smi render -o` takes (`yaml`).
    public var name: String
    /// The extension of a file in this format, without the dot.
    public var fileExtension: String

    /// A format named `name`, whose files end in `.fileExtension`.
    public init(name: String, fileExtension: String) {
        self.name = name
        self.fileExtension = fileExtension
    }

    /// The resources as YAML documents.
    public static let yaml = OutputFormat(name: "yaml", fileExtension: "yaml")
    /// The resources as JSON, one object per line (a file per resource: pretty-printed).
    public static let json = OutputFormat(name: "json", fileExtension: "json")

    /// The name.
    public var description: String { name }
}
