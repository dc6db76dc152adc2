/// Translates SMI objects into one service mesh's native resources.
///
/// Every adapter keeps this contract, and the shared conformance suite checks it:
/// - **Never more permissive than SMI.** A request that `SMIAccessModel` denies must be
///   denied by the mesh as configured by the rendering; traffic is never split in other
///   shares than `SMITrafficModel` gives.
/// - **Deterministic and pure.** The same bundle, inventory and options give byte-identical
///   output, whatever the order of the input; no I/O, clock or randomness.
/// - **Nothing dropped silently.** Every SMI field the mesh cannot express exactly is either
///   rendered stricter, with a warning saying so (an error in strict mode), or refused with an
///   error; an error only ever removes grants or routes, never adds them.
public protocol MeshAdapter: Sendable {
    /// The mesh's name as `smi render --mesh` takes it (`istio`).
    var mesh: String { get }
    /// What the mesh can and cannot express, for `smi explain`.
    var capabilities: Capabilities { get }
    /// A stock installation of the mesh: its control-plane namespaces and how pods get its
    /// proxy (`RenderOptions.installation` replaces it for another).
    var installation: MeshInstallation { get }
    /// Renders `bundle` for the workloads of `inventory`.
    func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering
    /// The formats `smi render -o` offers for this mesh, the default first: `yaml` and `json`
    /// (the resources), and whatever other form the mesh's own tools take.
    var outputFormats: [OutputFormat] { get }
    /// Hands the rendering's resources as text in one of `outputFormats` to `sink`, piece
    /// by piece: a large rendering need not be held as text all at once.
    func write(_ rendering: Rendering, format: OutputFormat, to sink: (UnsafeBufferPointer<UInt8>) -> Void) throws
    /// The rendering as one file per object in one of `outputFormats` (`smi render
    /// --output-dir`): tools such as `consul config write` take one object per file.
    func files(of rendering: Rendering, format: OutputFormat) throws -> [OutputFile]
    /// The mesh's queries for SMI's TrafficMetrics (`smi metrics`), or nil when its metrics
    /// cannot answer them.
    var metrics: (any MeshMetrics)? { get }
}

/// One file of a rendering written object by object.
///
/// A name unique in the rendering (`kind-namespace-name.format`, lower case) and its text.
public struct OutputFile: Sendable, Equatable {
    /// The file name, without a directory.
    public var name: String
    /// The text.
    public var text: String

    /// A file named `name` holding `text`.
    public init(name: String, text: String) {
        self.name = name
        self.text = text
    }

    /// One file per resource of `rendering`, as JSON for ``OutputFormat/json``, else as YAML.
    public static func perResource(_ rendering: Rendering, format: OutputFormat) throws -> [OutputFile] {
        try rendering.sorted().resources.map { resource in
            let meta = resource.node(at: "metadata")
            let name = OutputFile.name(
                kind: resource.node(at: "kind")?.value.stringValue ?? "object",
                namespace: meta?.node(at: "namespace")?.value.stringValue,
                name: meta?.node(at: "name")?.value.stringValue ?? "", format: format)
            let text =
                format == .json ? try JSONWriter(pretty: true).write(resource) + "\n" : YAMLWriter().write(resource)
            return OutputFile(name: name, text: text)
        }
    }

    /// `kind-namespace-name.ext` in lower case (the namespace left out when empty), `ext` the
    /// format's file extension.
    ///
    /// Object names are DNS names, so the result is a safe file name, unique per object.
    public static func name(kind: String, namespace: String?, name: String, format: OutputFormat) -> String {
        ([kind, namespace ?? "", name].filter { !$0.isEmpty }.joined(separator: "-") + "." + format.fileExtension)
            .lowercased()
    }
}

extension MeshAdapter {
    /// ``OutputFormat/yaml`` and ``OutputFormat/json``.
    public var outputFormats: [OutputFormat] { [.yaml, .json] }

    /// None.
    public var metrics: (any MeshMetrics)? { nil }

    /// The resources as YAML documents, or as JSON one per line for ``OutputFormat/json``.
    public func write(_ rendering: Rendering, format: OutputFormat, to sink: (UnsafeBufferPointer<UInt8>) -> Void)
        throws
    {
        if format == .json {
            try rendering.writeJSON(to: sink)
        } else {
            rendering.writeYAML(to: sink)
        }
    }

    /// `render` and `SMIValidator().validate(bundle)` at the same time, for `SMITranslation`,
    /// the one public way to have both.
    ///
    /// The rendering, and the validator's findings (the bundle's own diagnostics included), for
    /// a report of everything wrong with the input.
    func renderAndValidate(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> (
        rendering: Rendering, findings: [Diagnostic]
    ) {
        Parallel.both({ render(bundle, inventory: inventory, options: options) }, { SMIValidator().validate(bundle) })
    }

    /// One file per resource, in YAML or JSON.
    public func files(of rendering: Rendering, format: OutputFormat) throws -> [OutputFile] {
        try OutputFile.perResource(rendering, format: format)
    }

    /// The rendering's resources as text in one of `outputFormats`: what `write` hands out.
    public func text(of rendering: Rendering, format: OutputFormat) throws -> String {
        var bytes: [UInt8] = []
        try write(rendering, format: format) { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A machine-readable table of how a mesh renders each SMI feature.
public struct Capabilities: Sendable, Equatable {
    /// How a feature is rendered.
    public enum Support: String, Sendable, Equatable {
        /// Exactly as SMI means it.
        case exact
        /// Stricter than SMI (some requests SMI allows are denied), with a warning.
        case stricter
        /// As SMI means it but in the cases the reason names, each reported by a diagnostic.
        ///
        /// Such requests are routed or counted otherwise; the diagnostic comes when the input
        /// reaches one.
        case approximate
        /// Not rendered; an error.
        case refused
    }

    /// One SMI feature and how the mesh renders it.
    public struct Feature: Sendable, Equatable {
        /// The SMI field or behaviour.
        public var feature: SMIFeature
        /// How it is rendered.
        public var support: Support
        /// Why, in one sentence.
        public var reason: String

        /// Creates a row.
        public init(_ feature: SMIFeature, _ support: Support, _ reason: String) {
            self.feature = feature
            self.support = support
            self.reason = reason
        }
    }

    /// The rows, in the order of `SMIFeature.allCases`; every adapter has one row per feature.
    public var features: [Feature]
    /// What each diagnostic code the adapter reports means, for `smi explain CODE`.
    public var diagnostics: [DiagnosticCode: String]

    /// Creates a table; rows are put in the order of `SMIFeature.allCases`.
    public init(_ features: [Feature], diagnostics: [DiagnosticCode: String]) {
        let order = Dictionary(uniqueKeysWithValues: SMIFeature.allCases.enumerated().map { ($1, $0) })
        self.features = features.sorted { order[$0.feature, default: 0] < order[$1.feature, default: 0] }
        self.diagnostics = diagnostics
    }

    /// The row for `feature`, if the table has one.
    public func support(for feature: SMIFeature) -> Feature? {
        features.first { $0.feature == feature }
    }
}

extension MeshAdapter {
    /// Renders `bundle` with the default options.
    public func render(_ bundle: SMIBundle, inventory: Inventory = Inventory()) -> Rendering {
        render(bundle, inventory: inventory, options: RenderOptions())
    }
}
