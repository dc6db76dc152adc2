public import SMICore

extension Linkerd.PolicyV1Alpha1 {
    /// Linkerd's `policy.linkerd.io/v1alpha1` NetworkAuthentication.
    ///
    /// The client networks an authorization requires, identity or not.
    ///
    /// Written only for the opt-in probe routes, since SMI itself has no notion of client
    /// addresses.
    public struct NetworkAuthentication: KubernetesResource, Equatable, Decodable {
        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The networks whose clients pass.
            public var networks: [Network]
        }

        /// A client network.
        public struct Network: Sendable, Equatable, Decodable {
            /// The network, as a CIDR.
            public var cidr: String

            /// The network `cidr`.
            public init(cidr: String) {
                self.cidr = cidr
            }
        }

        /// `policy.linkerd.io/v1alpha1`.
        public var apiVersion = "policy.linkerd.io/v1alpha1"
        /// `NetworkAuthentication`.
        public var kind = "NetworkAuthentication"
        /// Name, namespace, labels and provenance.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates an authentication for clients of these networks.
        public init(metadata: ObjectMeta, networks: [Network]) {
            self.metadata = metadata
            spec = Spec(networks: networks)
        }

        /// Every IPv4 and IPv6 address: Linkerd's default probe networks
        /// (`policyController.probeNetworks`).
        public static let everyNetwork = [Network(cidr: "0.0.0.0/0"), Network(cidr: "::/0")]
    }
}
