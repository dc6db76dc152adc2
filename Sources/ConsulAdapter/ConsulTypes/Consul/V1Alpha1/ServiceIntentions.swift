public import SMICore

extension Consul.V1Alpha1 {
    /// consul-k8s' `ServiceIntentions`: who may call one destination service, and for HTTP which
    /// requests (Consul notes 2.2).
    ///
    /// One per destination, holding every source.
    public struct ServiceIntentions: KubernetesResource, Equatable, Decodable {
        /// The destination service.
        public struct Destination: Sendable, Equatable, Decodable {
            /// The Consul service name.
            public var name: String
            /// The Consul namespace (Enterprise).
            public var namespace: String?
        }

        /// One source and what it gets: an L4 `action`, or L7 `permissions` tried in order.
        public struct Source: Sendable, Equatable, Decodable {
            /// The source service name, or `*`.
            public var name: String
            /// The Consul namespace (Enterprise), or `*`.
            public var namespace: String?
            /// The admin partition (Enterprise).
            public var partition: String?
            /// `allow` or `deny`, when there are no permissions.
            public var action: String?
            /// Why, for operators.
            public var description: String?
            /// L7 rules, first match wins.
            public var permissions: [Permission]?

            /// Creates a source.
            public init(
                name: String, namespace: String?, partition: String?, action: String? = nil, description: String? = nil,
                permissions: [Permission]? = nil
            ) {
                self.name = name
                self.namespace = namespace
                self.partition = partition
                self.action = action
                self.description = description
                self.permissions = permissions
            }
        }

        /// An L7 rule.
        public struct Permission: Sendable, Hashable, Decodable {
            /// `allow` or `deny`.
            public var action: String
            /// The requests it applies to.
            public var http: ConsulHTTPMatch
        }

        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The destination.
            public var destination: Destination
            /// The sources, most specific first.
            public var sources: [Source]
        }

        /// `consul.hashicorp.com/v1alpha1`.
        public var apiVersion = ConsulKinds.apiVersion
        /// `ServiceIntentions`.
        public var kind = "ServiceIntentions"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates intentions.
        public init(metadata: ObjectMeta, destination: Destination, sources: [Source]) {
            self.metadata = metadata
            spec = Spec(destination: destination, sources: sources)
        }
    }
}
