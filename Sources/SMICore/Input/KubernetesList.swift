/// Kubernetes lists: what `kubectl get -o yaml` prints (`apiVersion: v1`, `kind: List`) and what
/// the API server returns for a collection (`kind: TrafficTargetList`). A list is read as its
/// items, each an object with its own positions, so that piping a cluster's objects in works
/// as the files they came from would.
extension ManifestDocument {
    /// What a document holds once lists are opened.
    ///
    /// The objects, each a document of its own (nested lists read recursively), and a
    /// diagnostic for each item that is not an object.
    public struct Objects: Sendable {
        /// The document itself, or every item of the list it is.
        public var objects: [ManifestDocument]
        /// One error for each list item that is not a mapping.
        public var problems: [Diagnostic]
    }

    /// The objects of this document: itself when it is not a list, else its items.
    ///
    /// An item keeps the document's file, index and extent, and `path` says where in the
    /// document it is (`items[2]`), so that a diagnostic about one of its fields points into
    /// the item while the field path stays the item's own (`spec.rules[0].name`). An item of a
    /// typed list (`TrafficSplitList`) that has no `kind` or `apiVersion` takes them from the
    /// list, as the API server leaves them out of a collection's items.
    public var objects: Objects {
        guard let items = listItems else { return Objects(objects: [self], problems: []) }
        var found = Objects(objects: [], problems: [])
        let mapping = root.value.mappingValue
        let listKind = mapping?["kind"]?.value.stringValue ?? ""
        let listVersion = mapping?["apiVersion"]?.value.stringValue
        let itemKind = listKind == "List" ? nil : String(listKind.dropLast(4))
        for (index, item) in items.enumerated() {
            var document = self
            document.path = path.appending("items").appending(index)
            guard case var .mapping(fields) = item.value else {
                found.problems.append(
                    Diagnostic(
                        .error, .listItem,
                        "an item of a \(listKind) must be an object, found \(NodeDecoder.describe(item.value))",
                        object: nil, path: document.path, file: file, location: item.location))
                continue
            }
            if let itemKind, fields["kind"] == nil {
                fields.entries.append(
                    .init(
                        key: ManifestNode(.string("kind"), at: item.location),
                        value: ManifestNode(.string(itemKind), at: item.location)))
            }
            if itemKind != nil, let listVersion, fields["apiVersion"] == nil {
                fields.entries.append(
                    .init(
                        key: ManifestNode(.string("apiVersion"), at: item.location),
                        value: ManifestNode(.string(listVersion), at: item.location)))
            }
            document.root = ManifestNode(.mapping(fields), at: item.location)
            let inner = document.objects
            found.objects += inner.objects
            found.problems += inner.problems
        }
        return found
    }

    /// The items, when the document is a list: a mapping whose `kind` is `List` or ends in
    /// `List` (and is not an SMI kind, such as `TrafficMetricsList`), with an `items` sequence.
    var listItems: [ManifestNode]? {
        guard case let .mapping(mapping) = root.value, case let .sequence(items)? = mapping["items"]?.value,
            let kind = mapping["kind"]?.value.stringValue, kind.hasSuffix("List")
        else { return nil }
        guard kind != "List" else { return items }
        let apiVersion = mapping["apiVersion"]?.value.stringValue ?? ""
        return SMIKinds.decoders[SMIKinds.Pair(apiVersion: apiVersion, kind: kind)] == nil ? items : nil
    }
}

extension Sequence where Element == ManifestDocument {
    /// The objects of every document, lists opened (see `ManifestDocument.objects`), in order.
    public var objects: ManifestDocument.Objects {
        var found = ManifestDocument.Objects(objects: [], problems: [])
        for document in self {
            let inner = document.objects
            found.objects += inner.objects
            found.problems += inner.problems
        }
        return found
    }
}
