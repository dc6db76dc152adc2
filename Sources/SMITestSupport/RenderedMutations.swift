public import SMICore

/// Widening edits of a rendering's output, to measure whether the differential notices a
/// translation granting too much.
///
/// Each mutant is the rendered manifests with one restriction loosened, the way a translator
/// bug would loosen it.
public struct RenderedMutant: Sendable {
    /// What was loosened (`drop headers`, `drop start anchor`, ...), for the score per kind.
    public var kind: String
    /// The mutated manifests.
    public var resources: [ManifestNode]
}

/// Makes the mutants of a rendering by walking its manifests.
///
/// Every restriction a mesh resource can carry, loosened one at a time.
public enum RenderedMutations {
    /// Keys whose entry restricts what a rule admits: dropping one admits more.
    static let restrictions: Set<String> = [
        "headers", "header", "when", "paths", "methods", "ports", "path", "method", "pathExact", "pathPrefix",
        "pathRegex",
        "notPaths", "notMethods", "notPorts", "port", "matches", "requiredAuthenticationRefs", "identityRefs",
        "podSelector", "matchExpressions"
    ]
    /// Keys whose sequence lists who is admitted: a wildcard appended admits everyone.
    static let admitted: Set<String> = ["principals", "identities", "namespaces", "sources", "identityRefs"]

    /// Every mutant of `resources`, in a stable order; at most `limit`, spread evenly.
    public static func mutants(of resources: [ManifestNode], limit: Int = 60) -> [RenderedMutant] {
        var out: [RenderedMutant] = []
        for (index, resource) in resources.enumerated() {
            var edits: [(String, [Int], (ManifestNode) -> ManifestNode?)] = []
            collect(resource, path: [], key: nil, into: &edits)
            for (kind, path, edit) in edits {
                var copy = resources
                copy[index] = edited(resource, at: path[...], edit)
                out.append(RenderedMutant(kind: kind, resources: copy))
            }
            let name = resource.node(at: "metadata.name")?.value.stringValue ?? ""
            if name.contains("deny") || resource.node(at: "kind")?.value.stringValue == "Server" {
                var copy = resources
                copy.remove(at: index)
                out.append(RenderedMutant(kind: "drop a deny resource", resources: copy))
            }
        }
        guard out.count > limit else { return out }
        return (0..<limit).map { out[$0 * out.count / limit] }
    }

    /// Finds the edit sites of `node`: restriction entries to drop, start anchors, exact
    /// paths, admitted lists, selector labels, deny actions and policies.
    static func collect(
        _ node: ManifestNode, path: [Int], key: String?,
        into edits: inout [(String, [Int], (ManifestNode) -> ManifestNode?)]
    ) {
        switch node.value {
        case let .mapping(mapping):
            for (offset, entry) in mapping.entries.enumerated() {
                let name = entry.key.value.stringValue ?? ""
                let here = path + [offset]
                if restrictions.contains(name) { edits.append(("drop \(name)", here, { _ in nil })) }
                if key == "matchLabels" { edits.append(("widen a selector", here, { _ in nil })) }
                if let text = entry.value.value.stringValue {
                    switch (name, text) {
                    case ("type", "Exact"):
                        edits.append(("exact path to prefix", here, { _ in ManifestNode(.string("PathPrefix")) }))
                    case ("accessPolicy", "deny"):
                        edits.append(("flip accessPolicy", here, { _ in ManifestNode(.string("all-unauthenticated")) }))
                    case ("action", "deny"), ("action", "DENY"):
                        edits.append(
                            ("deny to allow", here, { _ in ManifestNode(.string(text == "deny" ? "allow" : "ALLOW")) }))
                    case ("mutualTLSMode", "strict"):
                        edits.append(("permissive mutual TLS", here, { _ in ManifestNode(.string("permissive")) }))
                    case ("pathExact", _):
                        edits.append(
                            ("exact path to prefix", path, { node in renamed(node, offset, to: "pathPrefix") }))
                    default: break
                    }
                }
                if admitted.contains(name), case let .sequence(items) = entry.value.value, let first = items.first {
                    edits.append(
                        (
                            "admit everyone", here,
                            { node in
                                let wildcard =
                                    first.value.stringValue != nil ? ManifestNode(.string("*")) : wildcarded(first)
                                return ManifestNode(
                                    .sequence((node.value.sequenceValue ?? []) + [wildcard]), at: node.location)
                            }
                        ))
                }
                collect(entry.value, path: here, key: name, into: &edits)
            }
        case let .sequence(items):
            for (offset, item) in items.enumerated() {
                if key == "paths" || key == "values", let text = item.value.stringValue, !text.hasSuffix("*") {
                    edits.append(
                        (
                            key == "paths" ? "exact path to prefix" : "exact value to prefix", path + [offset],
                            { _ in ManifestNode(.string(text + "*")) }
                        ))
                }
                collect(item, path: path + [offset], key: key, into: &edits)
            }
        case let .string(text) where text.hasPrefix("^"):
            edits.append(("drop start anchor", path, { _ in ManifestNode(.string(".*" + text.dropFirst())) }))
        default:
            break
        }
    }

    /// `node` (a mapping) with every string value named `name` or `namespace` set to `*`.
    static func wildcarded(_ node: ManifestNode) -> ManifestNode {
        guard case let .mapping(mapping) = node.value else { return ManifestNode(.string("*")) }
        var copy = mapping
        for index in copy.entries.indices
        where ["name", "namespace"].contains(copy.entries[index].key.value.stringValue ?? "") {
            copy.entries[index].value = ManifestNode(.string("*"))
        }
        return ManifestNode(.mapping(copy), at: node.location)
    }

    /// The mapping `node` with the key of entry `offset` renamed.
    static func renamed(_ node: ManifestNode, _ offset: Int, to name: String) -> ManifestNode? {
        guard case var .mapping(mapping) = node.value, mapping.entries.indices.contains(offset) else { return node }
        mapping.entries[offset].key = ManifestNode(.string(name))
        return ManifestNode(.mapping(mapping), at: node.location)
    }

    /// `node` with the node at `path` (entry or element offsets) replaced by `edit`'s result,
    /// or removed when it is nil.
    static func edited(_ node: ManifestNode, at path: ArraySlice<Int>, _ edit: (ManifestNode) -> ManifestNode?)
        -> ManifestNode
    {
        guard let offset = path.first else { return edit(node) ?? node }
        let rest = path.dropFirst()
        switch node.value {
        case var .mapping(mapping):
            if rest.isEmpty, edit(mapping.entries[offset].value) == nil {
                mapping.entries.remove(at: offset)
            } else if rest.isEmpty {
                mapping.entries[offset].value = edit(mapping.entries[offset].value) ?? mapping.entries[offset].value
            } else {
                mapping.entries[offset].value = edited(mapping.entries[offset].value, at: rest, edit)
            }
            return ManifestNode(.mapping(mapping), at: node.location)
        case var .sequence(items):
            if rest.isEmpty, let replaced = edit(items[offset]) {
                items[offset] = replaced
            } else if rest.isEmpty {
                items.remove(at: offset)
            } else {
                items[offset] = edited(items[offset], at: rest, edit)
            }
            return ManifestNode(.sequence(items), at: node.location)
        default:
            return node
        }
    }
}
