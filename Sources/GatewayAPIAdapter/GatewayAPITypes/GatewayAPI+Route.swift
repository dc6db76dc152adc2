public import SMICore

/// The rules of one route kind: what names the kind.
public protocol GatewayAPIRouteRule: FieldsWritable, Equatable, Decodable {
    /// The route kind whose rules these are (`HTTPRoute`).
    static var kind: String { get }
}

extension GatewayAPI {
    /// A route attached to a Service port (GAMMA): the kinds differ only in their rules.
    public struct Route<Rule: GatewayAPIRouteRule>: KubernetesResource, Equatable, Decodable {
        /// The route's body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The Service port the route governs.
            public var parentRefs: [ParentReference]
            /// The rules, at most 16 (one for TCPRoute v1).
            public var rules: [Rule]

            /// Creates a body.
            public init(parentRefs: [ParentReference], rules: [Rule]) {
                self.parentRefs = parentRefs
                self.rules = rules
            }
        }

        /// `gateway.networking.k8s.io/` and the version the target release serves.
        public var apiVersion: String
        /// The kind its rules name.
        public var kind = Rule.kind
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a route.
        public init(apiVersion: String, metadata: ObjectMeta, spec: Spec) {
            self.apiVersion = apiVersion
            self.metadata = metadata
            self.spec = spec
        }
    }

    /// `HTTPRoute`: requests matched by path, method and headers.
    public typealias HTTPRoute = Route<HTTPRouteRule>
    /// `GRPCRoute`: gRPC calls matched by service, method and headers.
    public typealias GRPCRoute = Route<GRPCRouteRule>
    /// `TCPRoute`: every connection.
    public typealias TCPRoute = Route<TCPRouteRule>
}
