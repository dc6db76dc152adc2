public import SMICore

extension DiagnosticCode {
    /// No exact selector exists for a TrafficTarget's destination; no policy is rendered.
    public static let istioSelector = DiagnosticCode(rawValue: "SMI3001")
    /// UDPRoute rules: Istio cannot enforce UDP.
    public static let istioUDP = DiagnosticCode(rawValue: "SMI3002")
    /// An SMI match Istio cannot express exactly is left out (stricter).
    public static let istioMatchDropped = DiagnosticCode(rawValue: "SMI3003")
    /// The deny-by-default scope: what stays open.
    public static let istioDenyScope = DiagnosticCode(rawValue: "SMI3004")
    /// How a TrafficSplit is written for Istio differs from SMI's exact routing: weights
    /// rounded, or routes that cover every port of an unknown root.
    public static let istioSplitRouting = DiagnosticCode(rawValue: "SMI3007")
    /// A namespace in ambient mode: TrafficTargets there are refused, splits only act through
    /// a waypoint.
    public static let istioAmbient = DiagnosticCode(rawValue: "SMI3008")
}
