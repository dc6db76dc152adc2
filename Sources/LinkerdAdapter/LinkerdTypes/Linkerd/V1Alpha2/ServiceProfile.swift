public import SMICore

extension Linkerd.V1Alpha2 {
    /// Linkerd's `linkerd.io/v1alpha2` ServiceProfile, with only what the linkerd-smi extension
    /// writes for a split.
    ///
    /// Weighted destination overrides for the root Service (HTTP only).
    public struct ServiceProfile: KubernetesResource, Equatable, Decodable {
        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The weighted backends that replace the root Service.
            public var dstOverrides: [WeightedDestination]
        }

        /// A backend's host name (the client's port is appended) and weight.
        public struct WeightedDestination: Sendable, Equatable, Decodable {
            /// `<service>.<namespace>.svc.<cluster domain>`.
            public var authority: String
            /// The relative weight (a quantity; integers here).
            public var weight: Int
        }

        /// `linkerd.io/v1alpha2`.
        public var apiVersion = "linkerd.io/v1alpha2"
        /// `ServiceProfile`.
        public var kind = "ServiceProfile"
        /// Named after the root Service's FQDN, in its namespace.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a profile.
        public init(metadata: ObjectMeta, overrides: [WeightedDestination]) {
            self.metadata = metadata
            spec = Spec(dstOverrides: overrides)
        }
    }
}
