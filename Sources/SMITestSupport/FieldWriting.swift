public import SMICore

/// Checks of `YAMLFieldsWritable` conformances against the `Encodable` ones they stand in for.
public enum FieldWriting {
    /// The resources whose YAML, written field by field, differs from the YAML of their
    /// `Encodable` manifest, with both texts.
    ///
    /// Give values with every optional field set, and with none, so that each field is
    /// compared.
    public static func mismatches(_ resources: [any KubernetesResource]) -> [String] {
        resources.compactMap { resource in
            var rendering = Rendering()
            rendering.add(resource)
            let written = rendering.yaml()
            let encoded = rendering.resources.map { YAMLWriter().write($0) }.joined()
            return written == encoded ? nil : "written:\n\(written)\nencoded:\n\(encoded)"
        }
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
