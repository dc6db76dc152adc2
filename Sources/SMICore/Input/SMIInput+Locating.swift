extension SMIInput {
    /// `diagnostics` with those about this input's documents pointing at their fields' lines.
    ///
    /// Each document is read again once, however many diagnostics it has.
    ///
    /// Reading drops the documents' trees, so validation and rendering point at a document's
    /// start; this is the report stage that finds the field (`SMITranslation` calls it). A
    /// document that no longer reads as it did (its file written since) keeps pointing at its
    /// start, never at some other line.
    ///
    /// - Parameter diagnostics: Diagnostics about this input's bundle, in any order.
    /// - Returns: The same diagnostics in the same order, located.
    public func located(_ diagnostics: consuming [Diagnostic]) -> [Diagnostic] {
        // Consumed, so that each diagnostic changed here is the only copy and its old box is
        // freed as the new one is made.
        var out = consume diagnostics
        var waiting: [Wanted.Document: [Wanted]] = [:]
        for (index, diagnostic) in out.enumerated() {
            guard let anchor = diagnostic.anchor, texts.indices.contains(anchor.text) else { continue }
            waiting[Wanted.Document(text: anchor.text, extent: anchor.extent), default: []].append(
                Wanted(index: index, root: anchor.root, start: diagnostic.location, path: diagnostic.path))
        }
        guard !waiting.isEmpty else { return out }
        let files = Dictionary(uniqueKeysWithValues: waiting.map { ($0.key, out[$0.value[0].index].file) })
        let found = Array(waiting).concurrentMap(minimumChunk: 16) { document, wanted in
            let root = texts[document.text].root(at: document.extent, file: files[document] ?? nil, reader: reader)
            return wanted.map { field -> (Int, SourceLocation?) in
                guard let node = root?.node(at: field.root), node.location == field.start else {
                    return (field.index, field.start)
                }
                return (field.index, node.location(nearest: field.path ?? FieldPath()))
            }
        }
        for (index, location) in found.joined() { out[index].locate(at: location) }
        return out
    }

    /// A field that a diagnostic wants the line of.
    private struct Wanted: Sendable {
        /// A document to read again: where it is in which text.
        struct Document: Sendable, Hashable {
            var text: Int
            var extent: ManifestDocument.Extent
        }

        /// The diagnostic's index.
        var index: Int
        /// Where the object's root is in the document.
        var root: FieldPath
        /// Where the object starts, which the document read again must agree with.
        var start: SourceLocation?
        /// The field.
        var path: FieldPath?
    }
}
