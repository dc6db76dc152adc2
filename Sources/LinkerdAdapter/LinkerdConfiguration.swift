/// How the Linkerd installation decides what swift-smi does not write, and the form the
/// user wants splits in: typed, one value per adapter, as `ConsulConfiguration` is for
/// Consul (the release targeted is `RenderOptions.release`, the same for every mesh).
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
    /// `all-unauthenticated`): what a port without a Server admits. With `deny` the ports the
    /// inventory does not list are denied as SMI has them, and nothing needs saying about
    /// them; a namespace's `config.linkerd.io/default-inbound-policy` annotation overrides it.
    public var defaultInboundPolicy: String

    /// A configuration; the defaults are a stock installation's, with splits as HTTPRoutes.
    public init(splitForm: SplitForm = .httpRoute, defaultInboundPolicy: String = "all-unauthenticated") {
        self.splitForm = splitForm
        self.defaultInboundPolicy = defaultInboundPolicy
    }
}
