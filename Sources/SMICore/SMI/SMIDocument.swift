/// One document of an input stream, decoded: an SMI object of a released version, an SMI
/// object that is invalid (and so inert, notes D25), or another Kubernetes object that is
/// passed through untouched.
public struct SMIDocument: Sendable {
    /// What the document holds.
    public enum Content: Sendable, Equatable {
        /// A decoded SMI object.
        case smi(SMIObject)
        /// An SMI object that cannot be used: an unreleased `apiVersion`/`kind` pair, a
        /// field of the wrong type, a missing required field, or a field the version does
        /// not have. It grants and routes nothing; its diagnostics say why.
        case invalid
        /// Not an SMI object (a Service, a Deployment, ...), kept as written.
        case other
    }

    /// The decoded content.
    public var content: Content
    /// Where the document was read: file, position and (kept or read again) its tree.
    public var source: DocumentSource
    /// The `apiVersion` as written (empty when there is none).
    public var apiVersion: String
    /// The object's kind, namespace and name as written, when it has them.
    public var object: Diagnostic.Object?
    /// What decoding found.
    public var diagnostics: [Diagnostic]

    /// Whether the kinds read straight from the tree (`decode` reads well-formed documents
    /// of most kinds that way) read `root` as Codable does: the same value and manifest, and
    /// only documents Codable reads without a finding. True for documents of other kinds and
    /// for those the tree path leaves to Codable. For the differential tests and the fuzzers.
    package static func treeReadingAgreesWithCodable(_ root: ManifestNode) -> Bool {
        let mapping = root.value.mappingValue
        let pair = SMIKinds.Pair(apiVersion: mapping?["apiVersion"]?.value.stringValue ?? "", kind: mapping?["kind"]?.value.stringValue ?? "")
        return SMIKinds.decoders[pair]?.treeCheck?(root).agrees ?? true
    }

    /// Decodes a document. Unknown fields are errors (notes D17): a field that is ignored
    /// could widen access.
    public static func decode(_ document: ManifestDocument) -> SMIDocument {
        let root = document.root
        let mapping = root.value.mappingValue
        let apiVersion = mapping?["apiVersion"]?.value.stringValue ?? ""
        let kind = mapping?["kind"]?.value.stringValue ?? ""
        let metadata = mapping?["metadata"]?.value.mappingValue
        // SMI objects are namespaced; one without a namespace is in `default` (notes D15).
        let object = kind.isEmpty ? nil : Diagnostic.Object(
            kind: kind, namespace: metadata?["namespace"]?.value.stringValue ?? (metadata == nil ? nil : "default"),
            name: metadata?["name"]?.value.stringValue ?? "")
        var result = SMIDocument(content: .other, source: DocumentSource(document), apiVersion: apiVersion, object: object, diagnostics: [])
        guard SMIKinds.isSMI(apiVersion: apiVersion, kind: kind) else { return result }
        guard let decode = SMIKinds.decoders[SMIKinds.Pair(apiVersion: apiVersion, kind: kind)]?.decode else {
            let suggestion = SMIKinds.nearest(apiVersion: apiVersion, kind: kind).map { "; did you mean \($0)?" } ?? ""
            let at = mapping?["apiVersion"] ?? root
            result.content = .invalid
            result.diagnostics.append(Diagnostic(
                .error, .unknownKind, "'\(apiVersion)' \(kind) is not a released SMI apiVersion and kind\(suggestion)",
                object: object, path: "apiVersion", file: document.file, location: at.location))
            return result
        }
        let decoder = ManifestDecoder(rejectsUnknownKeys: true, file: document.file)
        do {
            let (value, unknown) = try decode(root, decoder)
            result.diagnostics += unknown.map { Diagnostic($0, object: object) }
            result.content = unknown.isEmpty ? .smi(value) : .invalid
        } catch let error as ManifestDecodingError {
            result.content = .invalid
            result.diagnostics.append(Diagnostic(error, object: object))
        } catch {
            result.content = .invalid
            result.diagnostics.append(Diagnostic(.error, .schema, "\(error)", object: object, file: document.file, location: root.location))
        }
        return result
    }
}
