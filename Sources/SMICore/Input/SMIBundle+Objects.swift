/// Collects SMI objects written one per line, for `SMIBundle { ... }`.
@resultBuilder
public enum SMIObjectsBuilder {
    /// One object.
    public static func buildExpression(_ object: some SMIResource) -> [any SMIResource] { [object] }
    /// Several objects.
    public static func buildExpression(_ objects: [any SMIResource]) -> [any SMIResource] { objects }
    /// The lines of a block.
    public static func buildBlock(_ parts: [any SMIResource]...) -> [any SMIResource] { parts.flatMap { $0 } }
    /// An `if` without `else`.
    public static func buildOptional(_ part: [any SMIResource]?) -> [any SMIResource] { part ?? [] }
    /// The first branch of an `if`/`else`.
    public static func buildEither(first part: [any SMIResource]) -> [any SMIResource] { part }
    /// The second branch of an `if`/`else`.
    public static func buildEither(second part: [any SMIResource]) -> [any SMIResource] { part }
    /// A `for` loop.
    public static func buildArray(_ parts: [[any SMIResource]]) -> [any SMIResource] { parts.flatMap { $0 } }
}

extension SMIBundle {
    /// A bundle of objects built in code, of any released version, read as the same objects in
    /// a manifest would be.
    ///
    /// They are validated, converted and indexed.
    public init(objects: [any SMIResource]) throws(ManifestEncodingError) {
        var documents: [ManifestDocument] = []
        for (index, object) in objects.enumerated() {
            documents.append(ManifestDocument(root: try ManifestEncoder().encode(object), index: index))
        }
        self.init(documents)
    }

    /// A bundle of the objects listed in `build`, one per line.
    public init(@SMIObjectsBuilder _ build: () -> [any SMIResource]) throws(ManifestEncodingError) {
        try self.init(objects: build())
    }
}
