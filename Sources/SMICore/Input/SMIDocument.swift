/// One document of an input stream, decoded.
///
/// An SMI object of a released version, an SMI object that is invalid (and so inert, notes
/// D25), or another Kubernetes object that is passed through untouched.
public struct SMIDocument: Sendable {
    /// What the document holds.
    public enum Content: Sendable, Equatable {
        /// A decoded SMI object.
        case smi(SMIObject)
        /// An SMI object that cannot be used.
        ///
        /// An unreleased `apiVersion`/`kind` pair, a field of the wrong type, a missing
        /// required field, or a field the version does not have. It grants and routes nothing;
        /// its diagnostics say why.
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

    /// Whether the kinds read straight from the tree (`decode` reads well-formed documents of
    /// most kinds that way) read `root` as Codable does: the same value and manifest, and only
    /// documents Codable reads without a finding.
    ///
    /// True for documents of other kinds and for those the tree path leaves to Codable. For the
    /// differential tests and the fuzzers.
    package static func treeReadingAgreesWithCodable(_ root: ManifestNode) -> Bool {
        let mapping = root.value.mappingValue
        let pair = SMIKinds.Pair(
            apiVersion: mapping?["apiVersion"]?.value.stringValue ?? "", kind: mapping?["kind"]?.value.stringValue ?? ""
        )
        return SMIKinds.decoders[pair]?.treeCheck?(root).agrees ?? true
    }

    /// Decodes a document.
    ///
    /// Unknown fields are errors (notes D17): a field that is ignored could widen access.
    public static func decode(_ document: ManifestDocument) -> SMIDocument {
        let root = document.root
        let mapping = root.value.mappingValue
        let apiVersion = mapping?["apiVersion"]?.value.stringValue ?? ""
        let kind = mapping?["kind"]?.value.stringValue ?? ""
        let metadata = mapping?["metadata"]?.value.mappingValue
        // SMI objects are namespaced; one without a namespace is in `default` (notes D15).
        let object =
            kind.isEmpty
            ? nil
            : Diagnostic.Object(
                kind: kind, namespace: metadata?["namespace"]?.value.stringValue ?? (metadata == nil ? nil : "default"),
                name: metadata?["name"]?.value.stringValue ?? "")
        var result = SMIDocument(
            content: .other, source: DocumentSource(document), apiVersion: apiVersion, object: object, diagnostics: [])
        guard SMIKinds.isSMI(apiVersion: apiVersion, kind: kind) else { return result }
        guard let decoding = SMIKinds.decoders[SMIKinds.Pair(apiVersion: apiVersion, kind: kind)] else {
            let suggestion = SMIKinds.nearest(apiVersion: apiVersion, kind: kind).map { "; did you mean \($0)?" } ?? ""
            let at = mapping?["apiVersion"] ?? root
            result.content = .invalid
            result.diagnostics.append(
                Diagnostic(
                    .error, .unknownKind,
                    "'\(apiVersion)' \(kind) is not a released SMI apiVersion and kind\(suggestion)",
                    object: object, path: "apiVersion", file: document.file, location: at.location))
            return result
        }
        let decoder = ManifestDecoder(rejectsUnknownKeys: true, file: document.file)
        do {
            let (value, unknown) = try decoding.decode(root, decoder)
            result.diagnostics += unknown.map { Diagnostic($0, object: object) }
            result.content = unknown.isEmpty ? .smi(value) : .invalid
        } catch {
            // Refused: decoded again, going on past each error, so that every problem of the
            // object is reported at once (the first one thrown, should that find none).
            result.content = .invalid
            var errors = decoding.errors(root, decoder)
            if errors.isEmpty {
                errors = [
                    error as? ManifestDecodingError
                        ?? ManifestDecodingError(
                            "\(error)", path: FieldPath(), location: root.location, file: document.file)
                ]
            }
            result.diagnostics += flatLayoutExplained(errors, apiVersion: apiVersion).map {
                Diagnostic($0, object: object)
            }
        }
        return result
    }

    /// `errors` with a missing `spec` explained when the fields it lacks are written at the
    /// top level (the flat layout of access v1alpha1 and specs v1alpha1-v1alpha2).
    private static func flatLayoutExplained(_ errors: [ManifestDecodingError], apiVersion: String)
        -> [ManifestDecodingError]
    {
        guard
            let spec = errors.firstIndex(where: { $0.path == "spec" && $0.message.hasPrefix("missing required field") })
        else { return errors }
        // The top-level unknown fields, and the one the missing field's hint names (at its location).
        var topLevel = errors.compactMap { error -> (SourceLocation?, String)? in
            guard error.message.hasPrefix("unknown field"), error.path.components.count == 1,
                case let .key(name)? = error.path.components.first
            else { return nil }
            return (error.location, name)
        }
        guard !topLevel.isEmpty else { return errors }
        let hint = errors[spec].message.split(separator: "'", omittingEmptySubsequences: false)
        if hint.count >= 3 { topLevel.append((errors[spec].location, String(hint[1]))) }
        topLevel.sort { ($0.0 ?? SourceLocation(line: 0, column: 0)) < ($1.0 ?? SourceLocation(line: 0, column: 0)) }
        var explained = errors
        explained[spec].message =
            "missing required field; " + topLevel.map { "'\($0.1)'" }.joined(separator: ", ")
            + " at the top level belong under 'spec' in \(apiVersion) (the layout of an older version)"
        return explained
    }
}
