public import SMICore

extension Linkerd.PolicyV1Alpha1 {
    /// Linkerd's `policy.linkerd.io/v1alpha1` MeshTLSAuthentication.
    ///
    /// The mesh identities (here always ServiceAccounts with their namespace, never wildcards) an
    /// authorization requires.
    public struct MeshTLSAuthentication: KubernetesResource, Equatable, Decodable {
        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The ServiceAccounts whose identities pass.
            public var identityRefs: [IdentityReference]
        }

        /// A ServiceAccount, always with its namespace.
        public struct IdentityReference: Sendable, Equatable, Decodable, Hashable {
            /// `ServiceAccount`.
            public var kind: String
            /// Its name.
            public var name: String
            /// Its namespace.
            public var namespace: String

            /// The ServiceAccount `namespace/name`.
            public init(namespace: String, name: String) {
                kind = "ServiceAccount"
                self.name = name
                self.namespace = namespace
            }
        }

        /// `policy.linkerd.io/v1alpha1`.
        public var apiVersion = "policy.linkerd.io/v1alpha1"
        /// `MeshTLSAuthentication`.
        public var kind = "MeshTLSAuthentication"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates an authentication for these ServiceAccounts.
        public init(metadata: ObjectMeta, identities: [IdentityReference]) {
            self.metadata = metadata
            spec = Spec(identityRefs: identities)
        }
    }
}
