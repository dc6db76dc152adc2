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

    /// An HTTPRouteGroup with its matches under `spec` (v1alpha3 and v1alpha4, which are
    /// the same but for the version).
    public struct HTTPRouteGroupObject<Version: SMIAPIVersion>: SMIResource {
        /// The version's `apiVersion`.
        public static var apiVersion: String { Version.apiVersion }
        /// `HTTPRouteGroup`.
        public static var kind: String { "HTTPRouteGroup" }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: HTTPRouteGroupSpec

        /// Creates a group.
        public init(metadata: ObjectMeta, spec: HTTPRouteGroupSpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// The empty `spec` of a v1alpha3 TCPRoute.
    public struct EmptySpec: Sendable, Equatable, Codable {
        /// Creates an empty body.
        public init() {}
    }

    /// A TCPRoute of v1alpha1 to v1alpha3: raw TCP on every port. v1alpha3 writes an empty
    /// `spec`; earlier versions have no fields besides `metadata`.
    public struct AllPortsTCPRoute<Version: SMIAPIVersion>: SMIResource {
        /// The version's `apiVersion`.
        public static var apiVersion: String { Version.apiVersion }
        /// `TCPRoute`.
        public static var kind: String { "TCPRoute" }

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
    }

    /// The kind of a v1alpha4 port route.
    public protocol PortRouteKind: Sendable {
        /// `TCPRoute` or `UDPRoute`.
        static var kind: String { get }
    }

    /// `TCPRoute`.
    public enum TCPKind: PortRouteKind {
        /// `TCPRoute`.
        public static let kind = "TCPRoute"
    }

    /// `UDPRoute`.
    public enum UDPKind: PortRouteKind {
        /// `UDPRoute`.
        public static let kind = "UDPRoute"
    }

    /// A v1alpha4 TCPRoute or UDPRoute: traffic on the listed ports (all when empty).
    public struct PortRoute<Kind: PortRouteKind>: SMIResource {
        /// `specs.smi-spec.io/v1alpha4`.
        public static var apiVersion: String { V1Alpha4.apiVersion }
        /// The route's kind.
        public static var kind: String { Kind.kind }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The ports.
        public var spec: PortRouteSpec

        /// Creates a route.
        public init(metadata: ObjectMeta, spec: PortRouteSpec) {
            self.metadata = metadata
            self.spec = spec
        }
    }
}
