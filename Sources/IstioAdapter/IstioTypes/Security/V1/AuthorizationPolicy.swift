public import SMICore

extension Istio.SecurityV1 {
    /// Istio's `security.istio.io/v1` AuthorizationPolicy, with the fields SMI translations use
    /// (names as in the CRD).
    public struct AuthorizationPolicy: KubernetesResource, Equatable, Decodable {
        /// The policy's body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The workloads the policy applies to; absent means every workload of the namespace.
            public var selector: WorkloadSelector?
            /// The Services (or waypoint Gateways) whose waypoint enforces the policy, in ambient
            /// mode; never with `selector`.
            public var targetRefs: [TargetReference]?
            /// `ALLOW` (the default), `DENY`, `AUDIT` or `CUSTOM`.
            public var action: String?
            /// The rules; none at all means the policy matches nothing (allow-nothing).
            public var rules: [Rule]?

            /// Creates a body.
            public init(
                selector: WorkloadSelector? = nil, targetRefs: [TargetReference]? = nil, action: String? = nil,
                rules: [Rule]? = nil
            ) {
                self.selector = selector
                self.targetRefs = targetRefs
                self.action = action
                self.rules = rules
            }
        }

        /// A resource a waypoint enforces the policy for, in the policy's namespace.
        public struct TargetReference: Sendable, Equatable, Decodable {
            /// The group: empty for a Service.
            public var group: String?
            /// `Service`, or `Gateway` for the whole waypoint.
            public var kind: String
            /// The name.
            public var name: String

            /// The Service `name`.
            public init(service name: String) {
                group = ""
                kind = "Service"
                self.name = name
            }
        }

        /// Pods by labels.
        public struct WorkloadSelector: Sendable, Equatable, Decodable {
            /// Labels a pod must all carry.
            public var matchLabels: StringMap

            /// Creates a selector.
            public init(matchLabels: StringMap) {
                self.matchLabels = matchLabels
            }
        }

        /// One rule: from AND to AND when.
        public struct Rule: Sendable, Equatable, Decodable {
            /// Sources; absent means any.
            public var from: [From]?
            /// Operations; absent means any.
            public var to: [To]?
            /// Conditions, all of which must hold.
            public var when: [Condition]?

            /// Creates a rule.
            public init(from: [From]? = nil, to: [To]? = nil, when: [Condition]? = nil) {
                self.from = from
                self.to = to
                self.when = when
            }
        }

        /// A `from` entry.
        public struct From: Sendable, Equatable, Decodable {
            /// The source.
            public var source: Source

            /// Creates an entry.
            public init(source: Source) {
                self.source = source
            }
        }

        /// Peer identities.
        public struct Source: Sendable, Equatable, Decodable {
            /// mTLS principals (`cluster.local/ns/<ns>/sa/<sa>`).
            public var principals: [String]?

            /// Creates a source.
            public init(principals: [String]?) {
                self.principals = principals
            }
        }

        /// A `to` entry.
        public struct To: Sendable, Equatable, Decodable {
            /// The operation.
            public var operation: Operation

            /// Creates an entry.
            public init(operation: Operation) {
                self.operation = operation
            }
        }

        /// What a request does: every field present must match.
        public struct Operation: Sendable, Hashable, Decodable {
            /// Destination ports (as strings).
            public var ports: [String]?
            /// HTTP methods (patterns).
            public var methods: [String]?
            /// HTTP paths (patterns: exact, `prefix*`, `*suffix`, `*`).
            public var paths: [String]?

            /// Creates an operation.
            public init(ports: [String]? = nil, methods: [String]? = nil, paths: [String]? = nil) {
                self.ports = ports
                self.methods = methods
                self.paths = paths
            }
        }

        /// A `when` condition.
        public struct Condition: Sendable, Equatable, Decodable {
            /// The attribute, for example `request.headers[x-tenant]`.
            public var key: String
            /// Patterns, one of which must match.
            public var values: [String]

            /// Creates a condition.
            public init(key: String, values: [String]) {
                self.key = key
                self.values = values
            }
        }

        /// `security.istio.io/v1`.
        public var apiVersion = "security.istio.io/v1"
        /// `AuthorizationPolicy`.
        public var kind = "AuthorizationPolicy"
        /// Metadata.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a policy.
        public init(metadata: ObjectMeta, spec: Spec) {
            self.metadata = metadata
            self.spec = spec
        }
    }
}
