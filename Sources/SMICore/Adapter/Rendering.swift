/// What an adapter produces: the mesh's resources, sorted by (apiVersion, kind, namespace,
/// name) so that output never depends on input order, and the diagnostics.
public struct Rendering: Sendable {
    /// The resources, sorted.
    public private(set) var resources: [ManifestNode] = []
    /// The diagnostics, sorted by file and position.
    public private(set) var diagnostics: [Diagnostic] = []
    private var reported = Set<Diagnostic>()

    /// An empty rendering.
    public init() {}

    /// Adds a resource.
    public mutating func add(_ resource: ManifestNode) {
        resources.append(resource)
    }

    /// Adds a diagnostic, once however often it is reported (a finding about a split or a
    /// target can come up once per port); in strict mode a warning about stricter rendering
    /// is an error.
    public mutating func report(_ diagnostic: Diagnostic, strict: Bool = false) {
        var diagnostic = diagnostic
        if strict && diagnostic.severity == .warning { diagnostic.severity = .error }
        if reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
    }

    /// Adds a diagnostic about an SMI object, at the position of its document.
    public mutating func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, about document: SMIDocument, strict: Bool) {
        report(Diagnostic(severity, code, message, object: document.object, file: document.source.file, location: document.source.root.location), strict: strict)
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The rendering with resources and diagnostics in their canonical order.
    public func sorted() -> Rendering {
        var copy = self
        // Each key is worked out once, not at every comparison; the sort is stable.
        let keys = resources.map(Self.sortKey)
        copy.resources = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }.map { resources[$0] }
        copy.diagnostics.sort { a, b in
            let la = a.location ?? SourceLocation(line: 0, column: 0)
            let lb = b.location ?? SourceLocation(line: 0, column: 0)
            return (a.file ?? "", la.line, la.column, a.code.rawValue, a.message) < (b.file ?? "", lb.line, lb.column, b.code.rawValue, b.message)
        }
        return copy
    }

    private static func sortKey(_ node: ManifestNode) -> [String] {
        let m = node.value.mappingValue
        let meta = m?["metadata"]?.value.mappingValue
        return [m?["apiVersion"]?.value.stringValue ?? "", m?["kind"]?.value.stringValue ?? "",
                meta?["namespace"]?.value.stringValue ?? "", meta?["name"]?.value.stringValue ?? ""]
    }

    /// The resources as YAML documents, sorted.
    public func yaml() -> String {
        YAMLWriter().write(documents: sorted().resources)
    }

    /// Hands the resources as YAML documents, sorted, to `sink` piece by piece (a large
    /// rendering is never held as text all at once).
    public func writeYAML(to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        YAMLWriter().write(documents: sorted().resources, to: sink)
    }

    /// The resources as JSON, one compact document per line, sorted.
    public func json() throws(JSONWriter.Error) -> String {
        var out: [UInt8] = []
        try writeJSON { out.append(contentsOf: $0) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Hands the resources as JSON, one compact document per line, sorted, to `sink` piece
    /// by piece.
    public func writeJSON(to sink: (UnsafeBufferPointer<UInt8>) -> Void) throws(JSONWriter.Error) {
        var out: [UInt8] = []
        for resource in sorted().resources {
            try JSONWriter().write(resource, into: &out)
            out.append(0x0A)
            if out.count >= 1 << 16 {
                out.withUnsafeBufferPointer(sink)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.withUnsafeBufferPointer(sink)
    }
}
