public import SMICore

extension Consul.V1Alpha1 {
    /// consul-k8s' `ServiceRouter`: HTTP routes of a service tried in order, the first match
    /// deciding.
    ///
    /// Unmatched requests take the service's default path (Consul notes 2.6).
    public struct ServiceRouter: KubernetesResource, Equatable, Decodable {
        /// One route.
        public struct Route: Sendable, Equatable, Decodable {
            /// The conditions.
            public var match: Match
            /// Where matching requests go.
            public var destination: Destination
        }

        /// A route's conditions.
        public struct Match: Sendable, Equatable, Decodable {
            /// The HTTP conditions.
            public var http: ConsulHTTPMatch
        }

        /// A route's target.
        public struct Destination: Sendable, Equatable, Decodable {
            /// The service.
            public var service: String
            /// A subset of it.
            public var serviceSubset: String?
            /// Its Consul namespace (Enterprise).
            public var namespace: String?
        }

        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The routes, in order.
            public var routes: [Route]
        }

        /// `consul.hashicorp.com/v1alpha1`.
        public var apiVersion = ConsulKinds.apiVersion
        /// `ServiceRouter`.
        public var kind = "ServiceRouter"
        /// Named after the service clients dial.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a router.
        public init(metadata: ObjectMeta, routes: [Route]) {
            self.metadata = metadata
            spec = Spec(routes: routes)
        }
    }
}
