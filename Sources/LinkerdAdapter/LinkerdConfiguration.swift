/// How the Linkerd installation decides what swift-smi does not write, and the form the user
/// wants splits in.
///
/// Typed, one value per adapter, as `ConsulConfiguration` is for Consul (the release targeted
/// is `RenderOptions.release`, the same for every mesh).
public struct LinkerdConfiguration: Sendable, Equatable {
    /// How TrafficSplits are written.
    public enum SplitForm: String, Sendable, Equatable, CaseIterable {
        /// HTTPRoutes with the root Service as parent (Linkerd 2.13+).
        case httpRoute = "httproute"
        /// ServiceProfiles with `dstOverrides`, as the linkerd-smi extension writes them.
        case linkerdSMI = "linkerd-smi"
    }

    /// How TrafficSplits are written.
    public var splitForm: SplitForm
    /// The cluster's default inbound policy (`proxy.defaultInboundPolicy`, Helm default
    /// `all-unauthenticated`).
    ///
    /// What a port without a Server admits.
    ///
    /// With `deny` the ports the inventory does not list are denied as SMI has them, and
    /// nothing needs saying about them; a namespace's
    /// `config.linkerd.io/default-inbound-policy` annotation overrides it.
    public var defaultInboundPolicy: String

    /// Whether the kubelet's probes are let through where Linkerd would refuse them.
    ///
    /// Those are a gRPC probe, and an HTTP GET probe on a Server with HTTPRoutes: a route of
    /// exactly the probes' methods and paths, authorized for every network. Wider than SMI,
    /// which grants the kubelet nothing, and reported as such; off by default.
    public var allowsProbes: Bool

    /// A configuration; the defaults are a stock installation's, with splits as HTTPRoutes
    /// and probes left to Linkerd.
    public init(
        splitForm: SplitForm = .httpRoute, defaultInboundPolicy: String = "all-unauthenticated",
        allowsProbes: Bool = false
    ) {
        self.splitForm = splitForm
        self.defaultInboundPolicy = defaultInboundPolicy
        self.allowsProbes = allowsProbes
    }
}
