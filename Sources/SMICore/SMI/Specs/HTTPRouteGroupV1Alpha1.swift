extension Specs.V1Alpha1 {
    /// One v1alpha1 match: name, path regex and methods, all required by the spec; no
    /// headers (notes D12, D17).
    public struct HTTPMatch: Sendable, Equatable, Codable {
        /// The name rules refer to.
        public var name: String
        /// RE2 regex matched from the start of the path.
        public var pathRegex: String?
        /// Allowed methods, `*` for any.
        public var methods: [String]?

        /// Creates a match.
        public init(name: String, pathRegex: String?, methods: [String]?) {
            self.name = name
            self.pathRegex = pathRegex
            self.methods = methods
        }
    }

    /// A v1alpha1 HTTPRouteGroup: `matches` beside `metadata`.
    public struct HTTPRouteGroup: SMIResource {
        /// `specs.smi-spec.io/v1alpha1`.
        public static var apiVersion: String { Specs.V1Alpha1.apiVersion }
        /// `HTTPRouteGroup`.
        public static var kind: String { Specs.HTTPRouteGroupKind.kind }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The matches, ORed.
        public var matches: [HTTPMatch]

        /// Creates a group.
        public init(metadata: ObjectMeta, matches: [HTTPMatch]) {
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
            matches = try container.decode([HTTPMatch].self, forKey: .matches)
        }
    }
}
