/// The whole pipeline in one value.
///
/// Read, decode and convert, index, then validate and render at the same time, and report:
/// every diagnostic of every stage located and sorted once by place.
///
/// The command line, the golden tests and controllers take this one way in.
///
/// ```swift
/// let translation = SMITranslation(yaml: manifestText, file: "app.yaml", adapter: IstioAdapter())
/// for diagnostic in translation.diagnostics { print(diagnostic) }
/// if !translation.hasErrors { apply(translation.rendering.resources) }
/// ```
public struct SMITranslation: Sendable {
    /// What was read: the bundle, the inventory and how many documents.
    public let input: SMIInput
    /// The mesh's resources.
    public let rendering: Rendering
    /// Every diagnostic of reading (YAML, decoding), validation and rendering, sorted by file
    /// and position.
    ///
    /// Stable within a place: input first, then validation, then rendering.
    public let diagnostics: [Diagnostic]
    /// Whether warnings count as errors (`RenderOptions.strict`).
    public let strict: Bool

    /// Runs the pipeline over `input`, rendering with `adapter`.
    public init(_ input: SMIInput, adapter: some MeshAdapter, options: RenderOptions = RenderOptions()) {
        self.input = input
        strict = options.strict
        let (rendering, findings) = adapter.renderAndValidate(
            input.bundle, inventory: input.inventory, options: options)
        self.rendering = rendering
        diagnostics = input.located(input.diagnostics + consume findings + rendering.diagnostics)
            .sortedByPlace(byCodeAndMessage: false)
    }

    /// Reads, decodes and indexes `sources`, then renders with `adapter`.
    public init(_ sources: [SMIInput.Source], adapter: some MeshAdapter, options: RenderOptions = RenderOptions()) {
        self.init(SMIInput(sources), adapter: adapter, options: options)
    }

    /// Runs the pipeline over YAML text (manifests, or `kubectl get -o yaml` lists), named
    /// `file` in diagnostics.
    public init(
        yaml text: String, file: String? = nil, adapter: some MeshAdapter, options: RenderOptions = RenderOptions()
    ) {
        self.init([SMIInput.Source(name: file, bytes: Array(text.utf8))], adapter: adapter, options: options)
    }

    /// Whether any diagnostic is an error, or, in strict mode, a warning.
    ///
    /// Then the rendering holds only what could be rendered safely, and a controller should not
    /// apply it.
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error || (strict && $0.severity == .warning) }
    }
}
