public import SMICore

extension Linkerd.PolicyV1Alpha1 {
    /// Linkerd's `policy.linkerd.io/v1alpha1` AuthorizationPolicy.
    ///
    /// Clients meeting every required authentication may use the target (a Server: every byte and
    /// route; an HTTPRoute: the requests that land on it).
    public struct AuthorizationPolicy: KubernetesResource, Equatable, Decodable {
        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The Server or HTTPRoute, in the policy's namespace.
            public var targetRef: Reference
            /// Authentications, all required.
            public var requiredAuthenticationRefs: [Reference]
        }

        /// A reference by group, kind and name.
        public struct Reference: Sendable, Equatable, Decodable {
            /// `policy.linkerd.io`.
            public var group: String
            /// `Server`, `HTTPRoute`, `MeshTLSAuthentication` or `NetworkAuthentication`.
            public var kind: String
            /// The name, in the policy's namespace.
            public var name: String

            /// A `policy.linkerd.io` object.
            public init(kind: String, name: String) {
                group = "policy.linkerd.io"
                self.kind = kind
                self.name = name
            }
        }

        /// `policy.linkerd.io/v1alpha1`.
        public var apiVersion = "policy.linkerd.io/v1alpha1"
        /// `AuthorizationPolicy`.
        public var kind = "AuthorizationPolicy"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Authorizes the clients of `authentication` on `target`.
        ///
        /// The authentication is a MeshTLSAuthentication unless `authenticationKind` says
        /// otherwise.
        public init(
            metadata: ObjectMeta, target: Reference, authentication: String,
            authenticationKind: String = "MeshTLSAuthentication"
        ) {
            self.metadata = metadata
            spec = Spec(
                targetRef: target,
                requiredAuthenticationRefs: [Reference(kind: authenticationKind, name: authentication)])
        }
    }
}
