public import SMICore

extension DiagnosticCode {
    /// A feature of the Linkerd adapter that is not rendered (yet, or ever), with why.
    public static let linkerdNotRendered = DiagnosticCode(rawValue: "SMI4001")
    /// A TrafficSplit's weights had to be rounded to Linkerd's 0-1,000,000.
    public static let linkerdSplitWeights = DiagnosticCode(rawValue: "SMI4002")
    /// Traffic a Linkerd HTTPRoute does not split (non-HTTP connections).
    public static let linkerdSplitScope = DiagnosticCode(rawValue: "SMI4003")
}
