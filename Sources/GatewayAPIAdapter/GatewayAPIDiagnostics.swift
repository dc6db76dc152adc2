public import SMICore

extension DiagnosticCode {
    /// TrafficTargets are not rendered: the Gateway API has no identity-based authorization.
    public static let gatewayAccessNotRendered = DiagnosticCode(rawValue: "SMI6001")
    /// A TrafficSplit, or one of its ports, is not rendered for the target, with why.
    public static let gatewayNotRendered = DiagnosticCode(rawValue: "SMI6002")
    /// A TrafficSplit's weights had to be rounded to the Gateway API's 0-1,000,000.
    public static let gatewaySplitWeights = DiagnosticCode(rawValue: "SMI6003")
    /// Traffic the routes do not split: non-HTTP connections of a split with matches.
    public static let gatewaySplitScope = DiagnosticCode(rawValue: "SMI6004")
    /// Behaviour the Gateway API leaves to the implementation, or a mesh caveat, that may route
    /// requests otherwise than SMI.
    public static let gatewayImplementation = DiagnosticCode(rawValue: "SMI6005")
    /// The target Gateway API release and the mesh's release do not go together.
    public static let gatewayRelease = DiagnosticCode(rawValue: "SMI6006")
}

extension DiagnosticCode {
    /// What each Gateway API code means, for `smi explain`.
    public static let gatewayCatalogue: [DiagnosticCode: String] = [
        .gatewayAccessNotRendered:
            "The Gateway API has no identity-based authorization in any release (GEP-3779 has no CRD), so TrafficTargets are not rendered: render access with the mesh's adapter (--mesh istio|linkerd --routing gateway-api).",
        .gatewayNotRendered:
            "A TrafficSplit, or one of its root's ports, cannot be written for the target release, channel or mesh (a kind or field it does not serve, a limit of the CRD, an unknown root Service); that traffic stays on the root Service.",
        .gatewaySplitWeights:
            "The split's exact weights exceed the Gateway API's 0-1,000,000 range and were rounded by largest remainder.",
        .gatewaySplitScope:
            "A split with matches splits HTTP requests only: connections to the root's non-HTTP ports go to the root Service, as in SMI.",
        .gatewayImplementation:
            "Something the Gateway API leaves to the implementation (regex precedence and dialect, repeated headers) or a known mesh caveat (Istio's east-west TCPRoute, an existing VirtualService or ServiceProfile for the root) that may route some requests otherwise than SMI; the message says which.",
        .gatewayRelease:
            "The target Gateway API release and the mesh's release (--target-version) do not go together: an error (and no route) when the mesh cannot read the routes, a warning when it does not document the combination."
    ]
}
