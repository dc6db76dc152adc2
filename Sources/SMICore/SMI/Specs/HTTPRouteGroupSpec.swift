extension Specs {
    /// The `spec` of a v1alpha3 or v1alpha4 HTTPRouteGroup.
    public struct HTTPRouteGroupSpec: Sendable, Equatable, Codable {
        /// The matches, ORed.
        public var matches: [HTTPMatch]

        /// Creates a body.
        public init(matches: [HTTPMatch]) {
            self.matches = matches
        }
    }

    /// The empty `spec` of a v1alpha3 TCPRoute.
    public struct EmptySpec: Sendable, Equatable, Codable {
        /// Creates an empty body.
        public init() {}

        /// Reads a mapping with no fields.
        ///
        /// Every key in it is unknown, and reported (notes D17), so that `ports` written on a
        /// v1alpha3 route makes it invalid instead of silently granting every port.
        public init(from decoder: any Decoder) throws {
            _ = try decoder.container(keyedBy: ManifestCodingKey.self)
        }
    }

    /// A TCPRoute of v1alpha1 to v1alpha3: raw TCP on every port.
    ///
    /// v1alpha3 writes an empty `spec`; earlier versions have no fields besides `metadata`.
    public struct AllPortsTCPRoute<Version: SMIAPIVersion>: SMIResource {
        /// The version's `apiVersion`.
        public static var apiVersion: String { Version.apiVersion }
        /// `TCPRoute`.
        public static var kind: String { TCPRouteKind.kind }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The empty body (v1alpha3 only).
        public var spec: EmptySpec?

        /// Creates a route.
        public init(metadata: ObjectMeta, spec: EmptySpec? = nil) {
            self.metadata = metadata
            self.spec = spec
        }

        private enum CodingKeys: String, CodingKey {
            case apiVersion, kind, metadata, spec
        }

        /// Decodes the object, refusing another `apiVersion` or `kind`.
        public init(from decoder: any Decoder) throws {
            try SMIIdentity.check(decoder, apiVersion: Self.apiVersion, kind: Self.kind)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
            spec = try container.decodeIfPresent(EmptySpec.self, forKey: .spec)
        }
    }

    /// `HTTPRouteGroup`.
    public enum HTTPRouteGroupKind: SMIKind {
        /// `HTTPRouteGroup`.
        public static let kind = "HTTPRouteGroup"
    }

    /// `TCPRoute`.
    public enum TCPRouteKind: SMIKind {
        /// `TCPRoute`.
        public static let kind = "TCPRoute"
    }

    /// `UDPRoute`.
    public enum UDPRouteKind: SMIKind {
        /// `UDPRoute`.
        public static let kind = "UDPRoute"
    }
}
