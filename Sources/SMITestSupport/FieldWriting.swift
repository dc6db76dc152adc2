public import SMICore

/// Checks of `YAMLFieldsWritable` conformances against the `Encodable` ones they stand in for.
public enum FieldWriting {
    /// The resources whose YAML, written field by field, is not the YAML of the manifest
    /// their `Encodable` conformance makes, each with both texts. Give values with every
    /// optional field set, and with none, so that each field is compared.
    public static func mismatches(_ resources: [any KubernetesResource]) -> [String] {
        resources.compactMap { resource in
            var rendering = Rendering()
            rendering.add(resource)
            let written = rendering.yaml()
            let encoded = rendering.resources.map { YAMLWriter().write($0) }.joined()
            return written == encoded ? nil : "written:\n\(written)\nencoded:\n\(encoded)"
        }
    }
}
