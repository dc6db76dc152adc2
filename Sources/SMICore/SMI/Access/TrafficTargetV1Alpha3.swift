extension Access.V1Alpha3 {
    /// The body of a v1alpha3 TrafficTarget.
    public struct TrafficTargetSpec: Sendable, Equatable, Codable {
        /// The protected identity.
        public var destination: Access.Subject
        /// The rules, ORed; at least one is needed to grant anything.
        public var rules: [Access.Rule]
        /// The allowed client identities; at least one is needed to grant anything.
        public var sources: [Access.Subject]

        /// Creates a body.
        public init(destination: Access.Subject, rules: [Access.Rule], sources: [Access.Subject]) {
            self.destination = destination
            self.rules = rules
            self.sources = sources
        }
    }
}
