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
    /// Pods that cannot hold the identity SMI gives them.
    ///
    /// Pods without a sidecar, and bypassed ports, are SMI2703 and SMI2705, as on every mesh.
    public static let consulWorkload = DiagnosticCode(rawValue: "SMI5007")
    /// The kubelet's HTTP probes: Consul's expose paths let anyone call them.
    public static let consulProbes = DiagnosticCode(rawValue: "SMI5008")
    /// A TrafficSplit Consul cannot route as SMI does, or routes only for HTTP.
    public static let consulSplit = DiagnosticCode(rawValue: "SMI5009")
    /// A TrafficSplit's weights had to be rounded to hundredths of a percent.
    public static let consulSplitWeights = DiagnosticCode(rawValue: "SMI5010")
    /// Protocol `http` for a service (L7 rules or a split) stops raw TCP that SMI grants.
    public static let consulProtocol = DiagnosticCode(rawValue: "SMI5011")
    /// A ServiceDefaults or ProxyDefaults of the input that acts on a governed service.
    ///
    /// Permissive mutual TLS, or settings the rendering's ServiceDefaults would replace.
    public static let consulExistingConfig = DiagnosticCode(rawValue: "SMI5012")
    /// Path permissions on a Consul release that does not normalize request paths.
    public static let consulPathNormalization = DiagnosticCode(rawValue: "SMI5013")
}

extension DiagnosticCode {
    /// What each Consul code means, for `smi explain`.
    public static let consulCatalogue: [DiagnosticCode: String] = [
        .consulACLs:
            "Without ACLs managed by consul-k8s, a Consul service name is not bound to a ServiceAccount, so any pod could claim it: no allow is rendered.",
        .consulIdentityCollision:
            "Several SMI identities share one Consul service name (Consul CE has no namespaces) and SMI grants them differently: the allow is not rendered for any of them.",
        .consulPorts:
            "Intentions have no ports: a grant limited to ports that miss the port the service registers is not rendered, and other ports are not reached through the proxy.",
        .consulMatchDropped:
            "An HTTP match that Consul's L7 intentions cannot express exactly (a header regex that can match a comma, as Envoy joins repeated values) is left out: what it alone grants is denied.",
        .consulUDP: "UDP bypasses Consul's sidecar proxy, so a UDPRoute rule grants nothing.",
        .consulDenyScope:
            "Services outside the deny scope get no deny-only intentions: what SMI denies there is left to Consul's default intention policy.",
        .consulWorkload:
            "Pods that cannot hold the identity SMI gives them (the ServiceAccount 'default', which the ACL binding rule skips; a claimed service name other than their ServiceAccount), or whose injection and port the inventory cannot tell. Pods without a sidecar and bypassed ports are SMI2703/SMI2705.",
        .consulProbes:
            "The kubelet's HTTP probes go through Consul's expose paths, which let any client call those paths.",
        .consulSplit:
            "A TrafficSplit that Consul cannot route as SMI does (backends that differ by port, a second discovery chain for one service name, pods that register under another name) is not rendered; or one that routes HTTP only.",
        .consulSplitWeights:
            "The split's exact weights were rounded to hundredths of a percent summing to 100, by largest remainder.",
        .consulProtocol:
            "A service gets protocol http for L7 rules or a split, so raw TCP that SMI grants to it no longer passes.",
        .consulPathNormalization:
            "Consul before 1.20.1 matches L7 intentions on the request path as sent, without normalizing dot segments or escapes (CVE-2024-10005): a path permission admits /allowed/../other, which the app may serve as /other. Target 1.20.1 or later.",
        .consulExistingConfig:
            "The input holds a ServiceDefaults or ProxyDefaults for a service SMI governs: with mutualTLSMode permissive, plaintext from outside the mesh passes without an intention being read (an error); a ServiceDefaults the rendering also writes is replaced whole when applied, losing its other settings (a warning)."
    ]
}
