extension Specs.V1Alpha2 {
    /// A v1alpha2 HTTPRouteGroup: `matches` beside `metadata`, with headers.
    public struct HTTPRouteGroup: SMIResource {
        /// `specs.smi-spec.io/v1alpha2`.
        public static var apiVersion: String { Specs.V1Alpha2.apiVersion }
        /// `HTTPRouteGroup`.
        public static var kind: String { Specs.HTTPRouteGroupKind.kind }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The matches, ORed.
        public var matches: [Specs.HTTPMatch]

        /// Creates a group.
        public init(metadata: ObjectMeta, matches: [Specs.HTTPMatch]) {
            self.metadata = metadata
            self.matches = matches
        }

        private enum CodingKeys: String, CodingKey {
            case apiVersion, kind, metadata, matches
        }

        /// Decodes the object, refusing another `apiVersion` or `kind`.
        public init(from decoder: any Decoder) throws {
            try SMIIdentity.check(decoder, apiVersion: Self.apiVersion, kind: Self.kind)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
            matches = try container.decode([Specs.HTTPMatch].self, forKey: .matches)
        }
    }
}
