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
    /// How a TrafficSplit is written for Istio differs from SMI's exact routing.
    ///
    /// Weights rounded, or routes that cover every port of an unknown root.
    public static let istioSplitRouting = DiagnosticCode(rawValue: "SMI3007")
    /// A namespace in ambient mode.
    ///
    /// HTTP grants allow nothing without a waypoint, requests through a waypoint are denied,
    /// splits only act through one.
    public static let istioAmbient = DiagnosticCode(rawValue: "SMI3008")
    /// HTTP grants on a port Istio handles as TCP: they never match there.
    public static let istioTCPPort = DiagnosticCode(rawValue: "SMI3009")
    /// An Istio object of the input that may undo a rendering.
    public static let istioExistingConfig = DiagnosticCode(rawValue: "SMI3010")
    /// A header condition Envoy evaluates on the comma-joined values of a repeated header,
    /// where SMI takes any one value.
    ///
    /// HTTP defines the joined form.
    public static let istioRepeatedHeaders = DiagnosticCode(rawValue: "SMI3011")
    /// Pods whose probes are not rewritten (their annotation, or the injector's values).
    ///
    /// The policies refuse the kubelet's HTTP and gRPC probes.
    public static let istioProbes = DiagnosticCode(rawValue: "SMI3012")
}

extension DiagnosticCode {
    /// What each Istio code means, for `smi explain`.
    public static let istioCatalogue: [DiagnosticCode: String] = [
        .istioSelector:
            "No set of pod labels selects exactly the pods of the destination ServiceAccount (every one of them, and no other pod), so no AuthorizationPolicy is rendered for the TrafficTarget and its pods keep only the allow-nothing policy.",
        .istioUDP:
            "Istio's sidecars do not intercept UDP, so a UDPRoute rule cannot be enforced; it is not rendered and grants nothing.",
        .istioMatchDropped:
            "An HTTP match that Istio's AuthorizationPolicy cannot express exactly (a path regex that is not a finite set of exact paths, prefixes and suffixes; a header value that could hold a comma) is left out: the requests it alone grants are denied.",
        .istioDenyScope:
            "Namespaces outside the deny scope get no allow-nothing policy: what SMI denies there is left to Istio's default, which allows.",
        .istioSplitRouting:
            "A TrafficSplit is routed differently from SMI's exact shares: weights rounded to percentages (Istio before 1.15), or a root Service the input does not hold, so routes cover every port.",
        .istioTCPPort:
            "A Service port Istio reads as TCP (a name tcp-*, tls-*, https-*, mongo-*, mysql-*, redis-*, or such an appProtocol) gets a TCP-only inbound chain, where HTTP rules never match: the HTTP grants of a TrafficTarget deny every request on that port. Name the port http-* or use a TCPRoute.",
        .istioExistingConfig:
            "The input holds Istio objects that act beside the rendering: an ALLOW AuthorizationPolicy on pods SMI governs (ALLOW policies are ORed, so it may allow what SMI denies; in the root namespace it applies to every namespace), or another VirtualService for a split's host (sidecars use the older one), or a mesh config whose defaultVirtualServiceExportTo hides the rendered VirtualServices from other namespaces. Review or remove them.",
        .istioRepeatedHeaders:
            "Envoy evaluates a header condition on the values of a repeated header joined by ',': a request that repeats the header passes only when the joined value matches (the first value for a prefix, the last for a suffix, a single value for an exact match), while SMI takes any one value. HTTP defines a repeated field as one comma-separated list, so this is the same request to every HTTP component; against SMI's reading it is stricter, never wider (the rendered values hold no comma).",
        .istioProbes:
            "A pod annotated sidecar.istio.io/rewriteAppHTTPProbers: \"false\" (or, without the annotation, injected by an injector whose values set sidecarInjectorWebhook.rewriteAppHTTPProbe: false) has its kubelet HTTP and gRPC probes go through the sidecar, without a principal: the AuthorizationPolicies that govern the pod refuse them, and the pods may go unready or restart. By default the injector hands probes to its agent, outside every policy.",
        .istioAmbient:
            "The namespace runs in ambient mode: ztunnel enforces the policies at L4 (sources and ports) and omits every ALLOW rule with HTTP attributes, so HTTP grants allow nothing without a waypoint, and requests through a waypoint reach the pods with the waypoint's identity and are denied (swift-smi writes no waypoint policies yet); splits act only through a waypoint."
    ]
}
