extension Access.V1Alpha2 {
    /// The body of a v1alpha2 TrafficTarget.
    public struct TrafficTargetSpec: Sendable, Equatable, Codable {
        /// The protected identity, optionally restricted to one port.
        public var destination: Access.PortedSubject
        /// The rules, ORed.
        public var rules: [Access.Rule]?
        /// The allowed client identities.
        public var sources: [Access.Subject]?

        /// Creates a body.
        public init(destination: Access.PortedSubject, rules: [Access.Rule]?, sources: [Access.Subject]?) {
            self.destination = destination
            self.rules = rules
            self.sources = sources
        }
    }
}
