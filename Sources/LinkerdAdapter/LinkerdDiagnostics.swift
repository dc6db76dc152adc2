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
    /// The kubelet's HTTP probes on a Server: let through for anyone (no HTTPRoute) or refused.
    public static let linkerdProbes = DiagnosticCode(rawValue: "SMI4009")
}
