extension Access.V1Alpha2 {
    /// A v1alpha2 TrafficTarget: v1alpha1 moved under `spec`, with `specs` renamed `rules`.
    public struct TrafficTarget: SMIResource {
        /// `access.smi-spec.io/v1alpha2`.
        public static let apiVersion = "access.smi-spec.io/v1alpha2"
        /// `TrafficTarget`.
        public static let kind = "TrafficTarget"

        /// The body of the target.
        public struct Spec: Sendable, Equatable, Codable {
            /// The protected identity, optionally restricted to one port.
            public var destination: Access.PortedSubject
            /// The rules, ORed.
            public var rules: [Access.Rule]?
            /// The allowed client identities.
            public var sources: [Access.Subject]?

            /// Creates a body.
            public init(destination: Access.PortedSubject, rules: [Access.Rule]?, sources: [Access.Subject]?) {
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
