/// What an adapter produces: the mesh's resources, in a canonical order, and the diagnostics.
///
/// Resources are sorted by (apiVersion, kind, namespace, name) so that output never depends on
/// input order.
public struct Rendering: Sendable {
    /// The resources as manifests, in order (sorted, once the adapter has sorted the
    /// rendering).
    ///
    /// Typed resources' manifests are built from their fields each time this is asked for:
    /// inspect it once, and write with `writeYAML` or `writeJSON`, which go a batch at a time.
    public var resources: [ManifestNode] {
        entries.concurrentMap(minimumChunk: 64, \.node)
    }
    /// How many resources there are.
    public var resourceCount: Int { entries.count }
    /// The diagnostics, sorted by file and position, each once.
    public var diagnostics: [Diagnostic] { isSorted ? reported : Self.inOrder(reported) }
    /// Every diagnostic reported (repeats too) until `sort()` leaves each once, in order: a
    /// large mesh reports hundreds of thousands, and a set to find repeats as they come
    /// cost more than one pass over them sorted.
    private var reported: [Diagnostic] = []
    private var entries: [Entry] = []
    /// Whether nothing was added or reported since the last `sort()`.
    private var isSorted = false

    /// One resource, with what it is sorted by.
    private struct Entry: Sendable {
        enum Resource: Sendable {
            case node(ManifestNode)
            case typed(any KubernetesResource)
        }

        /// apiVersion, kind, namespace, name.
        var key: SortKey
        var resource: Resource

        /// The resource's kind, namespace and name.
        var object: Diagnostic.Object? {
            switch resource {
            case let .typed(typed):
                return Diagnostic.Object(
                    kind: typed.kind, namespace: typed.metadata.namespace, name: typed.metadata.name ?? "")
            case let .node(node):
                let m = node.value.mappingValue
                guard let kind = m?["kind"]?.value.stringValue else { return nil }
                let meta = m?["metadata"]?.value.mappingValue
                return Diagnostic.Object(
                    kind: kind, namespace: meta?["namespace"]?.value.stringValue,
                    name: meta?["name"]?.value.stringValue ?? "")
            }
        }

        /// The manifest.
        var node: ManifestNode {
            switch resource {
            case let .node(node): node
            case let .typed(typed): typed.manifest
            }
        }

        /// Appends the resource as a YAML document.
        ///
        /// A typed resource is written field by field, without making its manifest, unless it
        /// gives a mapping a key twice (its manifest holds the key once).
        func writeYAML(into out: inout OutputBuffer) {
            if case let .typed(typed) = resource, FieldWriter.write(typed, into: &out) { return }
            YAMLWriter().writeRoot(node.value, into: &out)
        }
    }

    /// Whether warnings given to `report(_:)` are errors (`RenderOptions.strict`).
    ///
    /// Strictness belongs to the rendering that collects the diagnostics, not to each report.
    public let strict: Bool

    /// An empty rendering; a strict one turns reported warnings into errors.
    public init(strict: Bool = false) {
        self.strict = strict
    }

    /// An empty rendering for `options`: strict when they are.
    public init(_ options: RenderOptions) {
        self.init(strict: options.strict)
    }

    /// Adds a resource.
    public mutating func add(_ resource: ManifestNode) {
        let m = resource.value.mappingValue
        let meta = m?["metadata"]?.value.mappingValue
        let key = SortKey([
            m?["apiVersion"]?.value.stringValue ?? "", m?["kind"]?.value.stringValue ?? "",
            meta?["namespace"]?.value.stringValue ?? "", meta?["name"]?.value.stringValue ?? ""
        ])
        entries.append(Entry(key: key, resource: .node(resource)))
        isSorted = false
    }

    /// Adds a typed resource, kept typed until it is written or inspected.
    public mutating func add(_ resource: some KubernetesResource) {
        let key = SortKey([
            resource.apiVersion, resource.kind, resource.metadata.namespace ?? "", resource.metadata.name ?? ""
        ])
        entries.append(Entry(key: key, resource: .typed(resource)))
        isSorted = false
    }

    /// Adds the resources and diagnostics of `other`.
    ///
    /// One rendering made of two adapters' parts (access control by one, routing by another).
    public mutating func append(contentsOf other: Rendering) {
        entries += other.entries
        reported += other.reported
        isSorted = false
    }

    /// Adds a diagnostic, once however often it is reported; a warning is an error when the
    /// rendering is strict.
    ///
    /// A finding about a split or a target can come up once per port. Report this way what
    /// the rendering could not say exactly (rendered stricter, or refused): `--strict` fails on it.
    public mutating func report(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        if strict && diagnostic.severity == .warning { diagnostic.severity = .error }
        reported.append(diagnostic)
        isSorted = false
    }

    /// Adds a diagnostic that stays as it is in a strict rendering.
    ///
    /// For advice about the mesh or the cluster, not a rule rendered other than SMI says.
    public mutating func advise(_ diagnostic: Diagnostic) {
        reported.append(diagnostic)
        isSorted = false
    }

    /// Adds a diagnostic about an SMI object, at the position of its document (see `report(_:)`).
    public mutating func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, about document: SMIDocument
    ) {
        report(
            Diagnostic(
                severity, code, message, object: document.object, file: document.source.file,
                location: document.source.location))
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { reported.contains { $0.severity == .error } }

    /// The rendering with resources and diagnostics in their canonical order (see `sort()`).
    public func sorted() -> Rendering {
        var copy = self
        copy.sort()
        return copy
    }

    /// Puts resources and diagnostics in their canonical order, in place, since a copy of a
    /// large rendering is megabytes.
    ///
    /// Resources that would have the same kind, namespace and name (applied together, the last
    /// would replace the others) are reported as errors, never left to pass silently.
    public mutating func sort() {
        guard !isSorted else { return }
        entries.sort { $0.key < $1.key }
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count, entries[end].key == entries[start].key { end += 1 }
            if end - start > 1, let object = entries[start].object {
                report(
                    Diagnostic(
                        .error, .renderedNameTaken,
                        "\(end - start) rendered resources are \(object.kind) \(object.namespace ?? "")/\(object.name): applied together, the last would replace the others; rename the SMI objects they come from",
                        object: object))
            }
            start = end
        }
        reported = Self.inOrder(reported)
        isSorted = true
    }

    /// Diagnostics sorted by place, code and message, each once.
    private static func inOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sortedByPlace().removingRepeats()
    }

    /// The resources in order: without sorting again when the rendering is sorted.
    private var sortedEntries: [Entry] { isSorted ? entries : sorted().entries }

    /// The resources as YAML documents, sorted.
    public func yaml() -> String {
        var bytes: [UInt8] = []
        writeYAML { bytes.append(contentsOf: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands the resources as YAML documents, sorted, to `sink` piece by piece.
    ///
    /// A batch at a time is encoded and written, on all cores, and a large rendering is never
    /// held as text or manifests all at once.
    public func writeYAML(to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        let entries = sortedEntries
        YAMLWriter().write(count: entries.count, writing: { entries[$0].writeYAML(into: &$1) }, to: sink)
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
        for entry in sortedEntries {
            try JSONWriter().write(entry.node, into: &out)
            out.append(0x0A)
            if out.count >= 1 << 16 {
                out.withUnsafeBufferPointer(sink)
                out.removeAll(keepingCapacity: true)
            }
        }
        out.withUnsafeBufferPointer(sink)
    }
}
