public import SMICore

extension Linkerd.GatewayV1Alpha2 {
    /// Gateway API's `gateway.networking.k8s.io/v1alpha2` TCPRoute as Linkerd reads it (2.18+ on
    /// opaque ports).
    ///
    /// With a Service parent it spreads connections to that port over weighted backends.
    ///
    /// References are written as for Linkerd's HTTPRoutes.
    public struct TCPRoute: KubernetesResource, Equatable, Decodable {
        /// The route's body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The Service port the route applies to.
            public var parentRefs: [Linkerd.PolicyV1Beta3.HTTPRoute.ParentReference]
            /// One rule: where connections go.
            public var rules: [Rule]
        }

        /// Where connections go.
        public struct Rule: Sendable, Equatable, Decodable {
            /// Weighted backends, at most 16.
            public var backendRefs: [Linkerd.PolicyV1Beta3.HTTPRoute.BackendReference]
        }

        /// `gateway.networking.k8s.io/v1alpha2`, the only version of the CRD Linkerd bundles.
        public var apiVersion = "gateway.networking.k8s.io/v1alpha2"
        /// `TCPRoute`.
        public var kind = "TCPRoute"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a route from Service port `parent` to `backends`.
        public init(
            metadata: ObjectMeta, parent: Linkerd.PolicyV1Beta3.HTTPRoute.ParentReference,
            backends: [Linkerd.PolicyV1Beta3.HTTPRoute.BackendReference]
        ) {
            self.metadata = metadata
            spec = Spec(parentRefs: [parent], rules: [Rule(backendRefs: backends)])
        }
    }
}
