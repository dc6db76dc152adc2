public import SMICore

extension Consul.V1Alpha1 {
    /// consul-k8s' `ServiceResolver`, used for its subsets.
    ///
    /// Named filters over a service's instances that splits and routes can target (Consul notes
    /// 2.7).
    ///
    /// No default subset, so unsplit requests reach every instance, as SMI's root Service does.
    public struct ServiceResolver: KubernetesResource, Equatable, Decodable {
        /// One subset.
        public struct Subset: Sendable, Equatable, Decodable {
            /// A go-bexpr filter over the instance, for example `Service.Meta.version == "v2"`.
            public var filter: String
        }

        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The subsets with their names, sorted by name.
            public var subsets: [(name: String, subset: Subset)]

            /// Creates a body; the subsets are sorted by name.
            public init(subsets: [(name: String, subset: Subset)]) {
                self.subsets = subsets.sorted { $0.name < $1.name }
            }

            /// Equal when the same subsets are named.
            public static func == (a: Spec, b: Spec) -> Bool {
                a.subsets.map(\.name) == b.subsets.map(\.name) && a.subsets.map(\.subset) == b.subsets.map(\.subset)
            }

            private enum CodingKeys: String, CodingKey { case subsets }

            /// A subset name as a key.
            private struct NameKey: CodingKey {
                let stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }

            /// Reads the subsets mapping.
            public init(from decoder: any Decoder) throws {
                let map = try decoder.container(keyedBy: CodingKeys.self).nestedContainer(
                    keyedBy: NameKey.self, forKey: .subsets)
                self.init(subsets: try map.allKeys.map { ($0.stringValue, try map.decode(Subset.self, forKey: $0)) })
            }
        }

        /// `consul.hashicorp.com/v1alpha1`.
        public var apiVersion = ConsulKinds.apiVersion
        /// `ServiceResolver`.
        public var kind = "ServiceResolver"
        /// Named after the service.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a resolver.
        public init(metadata: ObjectMeta, subsets: [(name: String, subset: Subset)]) {
            self.metadata = metadata
            spec = Spec(subsets: subsets)
        }
    }
}
