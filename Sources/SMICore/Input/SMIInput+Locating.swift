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
    public func located(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Document: Hashable {
            var text: Int
            var extent: ManifestDocument.Extent
        }
        var waiting: [Document: [Int]] = [:]
        for (index, diagnostic) in diagnostics.enumerated() {
            guard let anchor = diagnostic.anchor, texts.indices.contains(anchor.text) else { continue }
            waiting[Document(text: anchor.text, extent: anchor.extent), default: []].append(index)
        }
        guard !waiting.isEmpty else { return diagnostics }
        let documents = Array(waiting)
        let found = documents.concurrentMap(minimumChunk: 16) { document, indexes in
            let first = diagnostics[indexes[0]]
            let root = texts[document.text].root(at: document.extent, file: first.file, reader: reader)
            return indexes.map { index -> SourceLocation? in
                let diagnostic = diagnostics[index]
                guard let anchor = diagnostic.anchor, let node = root?.node(at: anchor.root),
                    node.location == diagnostic.location
                else { return diagnostic.location }
                return node.location(nearest: diagnostic.path ?? FieldPath())
            }
        }
        var out = diagnostics
        for ((_, indexes), locations) in zip(documents, found) {
            for (index, location) in zip(indexes, locations) {
                out[index].location = location
                out[index].anchor = nil
            }
        }
        return out
    }
}
