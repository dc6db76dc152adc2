/// Choices that shape a rendering, the same for every mesh.
public struct RenderOptions: Sendable, Equatable {
    /// Which namespaces get a deny-by-default policy.
    public enum DenyScope: Sendable, Equatable {
        /// Every namespace an SMI object names (`SMIBundle.namespaces`), even an invalid one.
        case smiNamespaces
        /// Those and every namespace of the inventory (the default).
        ///
        /// Workloads without a TrafficTarget are then closed, as SMI has them.
        case allKnownNamespaces
        /// These namespaces.
        case namespaces([String])
        /// None: only allow policies are emitted (with a warning).
        case none
    }

    /// The SPIFFE trust domain of workload identities.
    public var trustDomain: String
    /// The cluster DNS domain, for Service host names.
    public var clusterDomain: String
    /// Warnings about stricter rendering become errors.
    public var strict: Bool
    /// How `pathRegex` matches paths: `.prefix` (from the start, as the spec says) or `.full`.
    public var pathAnchoring: RE2Regex.Anchoring
    /// Where to deny by default.
    public var denyScope: DenyScope
    /// A prefix for the names of emitted objects.
    public var namePrefix: String
    /// Labels added to every emitted object.
    public var extraLabels: StringMap
    /// The mesh release to target, when the adapter distinguishes releases; nil for a current
    /// one.
    ///
    /// What else differs between installations is the adapter's own configuration
    /// (`ConsulConfiguration`, `LinkerdConfiguration`).
    public var release: MeshRelease?
    /// How the mesh is installed; nil for a stock installation (the adapter's `installation`).
    public var installation: MeshInstallation?
    /// Whether the adapter renders TrafficSplits.
    ///
    /// False when another adapter routes them (the Gateway API routes of `smi render --routing
    /// gateway-api`), and this one renders access.
    public var rendersSplits = true

    /// Options with the usual defaults.
    public init(
        trustDomain: String = "cluster.local", clusterDomain: String = "cluster.local", strict: Bool = false,
        pathAnchoring: RE2Regex.Anchoring = .prefix, denyScope: DenyScope = .allKnownNamespaces,
        namePrefix: String = "smi-",
        extraLabels: StringMap = [:], release: MeshRelease? = nil
    ) {
        self.trustDomain = trustDomain
        self.clusterDomain = clusterDomain
        self.strict = strict
        self.pathAnchoring = pathAnchoring
        self.denyScope = denyScope
        self.namePrefix = namePrefix
        self.extraLabels = extraLabels
        self.release = release
    }
}

extension RenderOptions {
    /// The DNS name of Service `service` in `namespace` (`<service>.<namespace>.svc.<cluster
    /// domain>`).
    ///
    /// The host every mesh routes and names objects by.
    public func serviceHost(_ service: String, namespace: String) -> String {
        "\(service).\(namespace).svc.\(clusterDomain)"
    }
}
