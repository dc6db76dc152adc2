public import SMICore

/// Checks of `FieldsWritable` conformances: the one field list a resource has on output.
public enum FieldWriting {
    /// The resources whose fields are not written as they are read, with what differs.
    ///
    /// A resource's manifest (built from `writeFields`) must decode, as a cluster's YAML would,
    /// to the same value, so that no field is left out or misnamed; and its YAML written field
    /// by field must be the YAML of that manifest. Give values with every optional field set,
    /// and with none, so that each field is compared.
    public static func mismatches(_ resources: [any KubernetesResource & Decodable & Equatable]) -> [String] {
        resources.compactMap { resource in
            var rendering = Rendering()
            rendering.add(resource)
            let written = rendering.yaml()
            let manifest = YAMLWriter().write(resource.manifest)
            guard written == manifest else { return "written:\n\(written)\nmanifest:\n\(manifest)" }
            return readsBack(resource) ? nil : "reads back as another value:\n\(written)"
        }
    }

    /// Whether `resource`'s manifest decodes to `resource`.
    private static func readsBack<Resource: KubernetesResource & Decodable & Equatable>(_ resource: Resource) -> Bool {
        (try? ManifestDecoder().decode(Resource.self, from: resource.manifest)) == resource
    }

    /// The stored fields (as `Type.field`) that no value of `values`, at any depth, sets.
    ///
    /// An optional never present, a collection never holding anything.
    ///
    /// The values given with every field set must leave none, so that a field added to a type
    /// later, and not to its field list, is caught by `mismatches` once a test sets it. Values
    /// of the types `checkedElsewhere` are not looked into (`ObjectMeta` has a test of its
    /// own).
    public static func fieldsNeverSet(in values: [Any], checkedElsewhere: [Any.Type] = []) -> [String] {
        let skipped = Set(checkedElsewhere.map { ObjectIdentifier($0) })
        var seen = Set<String>()
        var set = Set<String>()
        func isSet(_ value: Any) -> Bool {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional: return mirror.children.first.map { isSet($0.value) } ?? false
            case .collection, .dictionary, .set: return !mirror.children.isEmpty
            default: return true
            }
        }
        func walk(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .struct, .class:
                guard !skipped.contains(ObjectIdentifier(mirror.subjectType)) else { return }
                let type = String(reflecting: mirror.subjectType)
                for child in mirror.children {
                    guard let label = child.label else { continue }
                    seen.insert("\(type).\(label)")
                    if isSet(child.value) { set.insert("\(type).\(label)") }
                    walk(child.value)
                }
            case .optional, .collection, .dictionary, .set, .tuple, .enum:
                for child in mirror.children { walk(child.value) }
            default:
                return
            }
        }
        values.forEach(walk)
        return seen.subtracting(set).sorted()
    }
}
