extension Access.V1Alpha1 {
    /// A v1alpha1 TrafficTarget: its fields sit beside `metadata`, and its rules are `specs`.
    public struct TrafficTarget: SMIResource {
        /// `access.smi-spec.io/v1alpha1`.
        public static var apiVersion: String { Access.V1Alpha1.apiVersion }
        /// `TrafficTarget`.
        public static var kind: String { Access.TrafficTargetKind.kind }

        /// The `apiVersion` as written.
        public var apiVersion = Self.apiVersion
        /// The `kind` as written.
        public var kind = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The protected identity, optionally restricted to one port.
        public var destination: Access.PortedSubject
        /// The rules, ORed.
        public var specs: [Access.Rule]?
        /// The allowed client identities.
        public var sources: [Access.Subject]?

        /// Creates a target.
        public init(
            metadata: ObjectMeta, destination: Access.PortedSubject, specs: [Access.Rule]?, sources: [Access.Subject]?
        ) {
            self.metadata = metadata
            self.destination = destination
            self.specs = specs
            self.sources = sources
        }

        private enum CodingKeys: String, CodingKey {
            case apiVersion, kind, metadata, destination, specs, sources
        }

        /// Decodes the object, refusing another `apiVersion` or `kind`.
        public init(from decoder: any Decoder) throws {
            try SMIIdentity.check(decoder, apiVersion: Self.apiVersion, kind: Self.kind)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
            destination = try container.decode(Access.PortedSubject.self, forKey: .destination)
            specs = try container.decodeIfPresent([Access.Rule].self, forKey: .specs)
            sources = try container.decodeIfPresent([Access.Subject].self, forKey: .sources)
        }
    }
}
