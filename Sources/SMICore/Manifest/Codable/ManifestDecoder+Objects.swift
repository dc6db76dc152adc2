extension ManifestDecoder {
    /// The documents among `documents` of `kind` and `apiVersion`, each decoded as `T`.
    ///
    /// An `apiVersion` ending in `/` is a prefix. A document that does not decode is left out,
    /// as an API server would have refused it: what simulations of a mesh read from applied
    /// YAML.
    public func objects<T: Decodable>(
        _ type: T.Type, kind: String, apiVersion: String, in documents: [ManifestNode]
    ) -> [T] {
        documents.compactMap { document in
            guard let mapping = document.value.mappingValue, mapping["kind"]?.value.stringValue == kind,
                let version = mapping["apiVersion"]?.value.stringValue,
                apiVersion.hasSuffix("/") ? version.hasPrefix(apiVersion) : version == apiVersion
            else { return nil }
            return try? decode(T.self, from: document)
        }
    }
}
