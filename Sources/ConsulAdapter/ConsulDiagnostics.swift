public import SMICore

extension DiagnosticCode {
    /// Nothing is allowed: identities are not bound to ServiceAccounts (ACLs not managed).
    public static let consulACLs = DiagnosticCode(rawValue: "SMI5001")
    /// Several SMI identities share one Consul name and SMI treats them differently: no allow.
    public static let consulIdentityCollision = DiagnosticCode(rawValue: "SMI5002")
    /// A port restriction Consul cannot express (intentions have no port): stricter.
    public static let consulPorts = DiagnosticCode(rawValue: "SMI5003")
    /// An SMI match Consul cannot express exactly is left out (stricter).
    public static let consulMatchDropped = DiagnosticCode(rawValue: "SMI5004")
    /// UDPRoute rules: UDP bypasses Consul's proxy.
    public static let consulUDP = DiagnosticCode(rawValue: "SMI5005")
    /// The deny-by-default scope: what stays open.
    public static let consulDenyScope = DiagnosticCode(rawValue: "SMI5006")
    /// Pods whose traffic bypasses the intentions, or that cannot hold their identity.
    public static let consulWorkload = DiagnosticCode(rawValue: "SMI5007")
    /// The kubelet's HTTP probes: Consul's expose paths let anyone call them.
    public static let consulProbes = DiagnosticCode(rawValue: "SMI5008")
    /// A TrafficSplit Consul cannot route as SMI does, or routes only for HTTP.
    public static let consulSplit = DiagnosticCode(rawValue: "SMI5009")
    /// A TrafficSplit's weights had to be rounded to hundredths of a percent.
    public static let consulSplitWeights = DiagnosticCode(rawValue: "SMI5010")
    /// Protocol `http` for a service (L7 rules or a split) stops raw TCP that SMI grants.
    public static let consulProtocol = DiagnosticCode(rawValue: "SMI5011")
}
