/// Choices that shape a rendering, the same for every mesh.
public struct RenderOptions: Sendable, Equatable {
    /// Which namespaces get a deny-by-default policy.
    public enum DenyScope: Sendable, Equatable {
        /// Every namespace an SMI object names (`SMIBundle.namespaces`), even an invalid one.
        case smiNamespaces
        /// Those and every namespace of the inventory (the default): workloads without a
        /// TrafficTarget are then closed, as SMI has them.
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
    /// The mesh version to target, when the adapter distinguishes versions (e.g. `1.14`).
    public var targetVersion: String?
    /// An adapter's alternative output form, e.g. `linkerd-smi` (ServiceProfiles as the
    /// linkerd-smi extension writes them); nil for the adapter's own.
    public var compatibility: String?
    /// How the mesh is installed; nil for a stock installation (the adapter's `installation`).
    public var installation: MeshInstallation?
    /// Whether the adapter renders TrafficSplits: false when another adapter routes them (the
    /// Gateway API routes of `smi render --routing gateway-api`), and this one renders access.
    public var rendersSplits = true

    /// Options with the usual defaults.
    public init(
        trustDomain: String = "cluster.local", clusterDomain: String = "cluster.local", strict: Bool = false,
        pathAnchoring: RE2Regex.Anchoring = .prefix, denyScope: DenyScope = .allKnownNamespaces,
        namePrefix: String = "smi-",
        extraLabels: StringMap = [:], targetVersion: String? = nil, compatibility: String? = nil
    ) {
        self.trustDomain = trustDomain
        self.clusterDomain = clusterDomain
        self.strict = strict
        self.pathAnchoring = pathAnchoring
        self.denyScope = denyScope
        self.namePrefix = namePrefix
        self.extraLabels = extraLabels
        self.targetVersion = targetVersion
        self.compatibility = compatibility
    }
}
