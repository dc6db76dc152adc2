public import SMICore

extension DiagnosticCode {
    /// A feature of the Linkerd adapter that is not rendered (yet, or ever), with why.
    public static let linkerdNotRendered = DiagnosticCode(rawValue: "SMI4001")
    /// A TrafficSplit's weights had to be rounded to Linkerd's 0-1,000,000.
    public static let linkerdSplitWeights = DiagnosticCode(rawValue: "SMI4002")
    /// Traffic a Linkerd HTTPRoute does not split (non-HTTP connections).
    public static let linkerdSplitScope = DiagnosticCode(rawValue: "SMI4003")
    /// No exact selector exists for a TrafficTarget's destination; no Server is rendered.
    public static let linkerdSelector = DiagnosticCode(rawValue: "SMI4004")
    /// UDPRoute rules: Linkerd does not proxy UDP.
    public static let linkerdUDP = DiagnosticCode(rawValue: "SMI4005")
    /// An SMI match Linkerd cannot express exactly is left out (stricter).
    public static let linkerdMatchDropped = DiagnosticCode(rawValue: "SMI4006")
    /// The deny-by-default scope: what stays open, and the default inbound policy.
    public static let linkerdDenyScope = DiagnosticCode(rawValue: "SMI4007")
    /// Restricted HTTP grants of different sources on one Server: overlapping requests land on
    /// one route (stricter).
    public static let linkerdRouteOverlap = DiagnosticCode(rawValue: "SMI4008")
    /// The kubelet's probes on a Server: HTTP GET let through for anyone (no HTTPRoute) or refused; gRPC refused.
    public static let linkerdProbes = DiagnosticCode(rawValue: "SMI4009")
    /// HTTP grants on a port Linkerd treats as opaque, where it reads no HTTP.
    public static let linkerdOpaquePort = DiagnosticCode(rawValue: "SMI4010")
    /// A Linkerd policy object of the input that may undo a rendering.
    public static let linkerdExistingConfig = DiagnosticCode(rawValue: "SMI4011")
    /// Path grants are matched on the raw request path.
    public static let linkerdRawPaths = DiagnosticCode(rawValue: "SMI4012")
}

extension DiagnosticCode {
    /// What each Linkerd code means, for `smi explain`.
    public static let linkerdCatalogue: [DiagnosticCode: String] = [
        .linkerdOpaquePort:
            "A port Linkerd treats as opaque (its default opaque ports 25, 587, 3306, 4444, 5432, 6379, 9300, 11211, a config.linkerd.io/opaque-ports annotation, or appProtocol linkerd.io/opaque): its Server is written proxyProtocol opaque (unknown would make server-speaks-first protocols stall), and HTTP grants there never match.",
        .linkerdNotRendered:
            "Something the Linkerd adapter does not render for the chosen release or mode (older target versions, linkerd-smi compatibility limits); the message says what and why.",
        .linkerdSplitWeights:
            "The split's exact weights exceed Linkerd's 0-1,000,000 range and were rounded by largest remainder.",
        .linkerdSplitScope:
            "A Linkerd HTTPRoute splits HTTP requests only: other connections to the root (opaque ports, non-HTTP TCP) go to the root Service unsplit.",
        .linkerdSelector:
            "No set of pod labels selects exactly the pods of the destination ServiceAccount, so no Server is rendered for it and its pods keep the default inbound policy.",
        .linkerdUDP: "Linkerd does not proxy UDP, so a UDPRoute rule grants nothing.",
        .linkerdMatchDropped:
            "An HTTP match that Linkerd cannot take as SMI means it (a regex Rust's regex crate reads otherwise than RE2: Unicode classes, \\Q...\\E, class set operators; a header name the CRD rejects, too long a value, too many matches) is left out: what it alone grants is denied.",
        .linkerdDenyScope:
            "Ports and namespaces outside what the output covers keep Linkerd's default inbound policy; set config.linkerd.io/default-inbound-policy: deny so that they deny as SMI does.",
        .linkerdRouteOverlap:
            "Restricted HTTP grants of different sources overlap on one Server: Linkerd sends each request to one route, so a request both grant may be denied to the source of the other route.",
        .linkerdRawPaths:
            "Linkerd's proxy matches HTTPRoute paths as the request sends them (no dot-segment or escape normalization): a path grant admits /granted/../other, which an application that normalizes serves as /other. SMI matches the path as sent too; put normalization in front of the application where it matters.",
        .linkerdExistingConfig:
            "The input holds Linkerd policy objects that act beside the rendering: a Server selecting the same pods and port as a rendered one (admission refuses the second before 2.18; from 2.18 the older wins), or an AuthorizationPolicy targeting a whole Namespace, which authorizes on the rendered Servers too and may allow what SMI denies. Review or remove them.",
        .linkerdProbes:
            "The kubelet's probes reach a Server that now denies by default: HTTP GET probes are let through for every client on their paths (no HTTPRoute restricts them), or refused, as the message says; gRPC probes are refused, since Linkerd exempts only HTTP GET probes. With --allow-probes, a route of exactly the probes' methods and paths lets the refused ones through for every network, which is wider than SMI."
    ]
}
