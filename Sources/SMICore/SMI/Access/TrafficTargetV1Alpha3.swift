extension Access.V1Alpha3 {
    /// A v1alpha3 TrafficTarget: no destination port (ports come from TCPRoute and
    /// UDPRoute rules), and rules and sources are required.
    public struct TrafficTarget: SMIResource {
        /// `access.smi-spec.io/v1alpha3`.
        public static let apiVersion = "access.smi-spec.io/v1alpha3"
        /// `TrafficTarget`.
        public static let kind = "TrafficTarget"

        /// The body of the target.
        public struct Spec: Sendable, Equatable, Codable {
            /// The protected identity.
            public var destination: Access.Subject
            /// The rules, ORed; at least one is needed to grant anything.
            public var rules: [Access.Rule]
            /// The allowed client identities; at least one is needed to grant anything.
            public var sources: [Access.Subject]

            /// Creates a body.
            public init(destination: Access.Subject, rules: [Access.Rule], sources: [Access.Subject]) {
                self.destination = destination
                self.rules = rules
                self.sources = sources
            }
        }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a target.
        public init(metadata: ObjectMeta, spec: Spec) {
            self.metadata = metadata
            self.spec = spec
        }
    }
}
