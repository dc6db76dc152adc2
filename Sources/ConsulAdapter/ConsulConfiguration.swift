/// How the Consul installation maps Kubernetes onto Consul, which a rendering must know to name
/// identities.
///
/// See Consul notes 2.9 and 4.1: Consul Enterprise namespaces and partitions, whether ACLs bind
/// identities to ServiceAccounts, and whether pods are injected without the annotation.
public struct ConsulConfiguration: Sendable, Equatable {
    /// How Kubernetes namespaces become Consul namespaces.
    public enum Namespaces: Sendable, Equatable {
        /// Consul CE: one flat namespace; `a/web` and `b/web` are the same service.
        case none
        /// Consul Enterprise with `mirroringK8S`: namespace `ns` is Consul namespace
        /// `prefix + ns`.
        case mirroring(prefix: String)
    }

    /// How namespaces map.
    public var namespaces: Namespaces
    /// The admin partition (Enterprise), written on every entry and source; nil for none.
    public var partition: String?
    /// Whether consul-k8s manages ACLs (`global.acls.manageSystemACLs`).
    ///
    /// Then a pod's Consul service name is its ServiceAccount's name. Without that any pod can
    /// claim any name, and no allow is rendered.
    public var aclsManaged: Bool
    /// Whether pods without `consul.hashicorp.com/connect-inject` are injected
    /// (`connectInject.default`).
    ///
    /// The Helm chart's default is false: only annotated pods are).
    public var injectedByDefault: Bool
    /// Whether to write the mesh-wide `*` -> `*` deny intention, so that services the input
    /// does not show are denied too.
    ///
    /// It is off by default: it governs every service of the datacenter, which a rendering of
    /// part of a cluster should not do unasked).
    public var meshWideDeny = false
    /// Whether the input shows every namespace of the cluster (`kubectl get -A`).
    ///
    /// In Consul CE, where same-named ServiceAccounts of all namespaces are one service, the
    /// collisions among the identities shown are refused, and none is left unseen, so the
    /// warning that allows may reach unseen namespaces (SMI5002) is not due, and `--strict` can
    /// pass.
    public var showsEveryNamespace = false

    /// A configuration; the defaults are those of the consul-k8s Helm chart.
    ///
    /// Consul CE, ACLs managed, and only pods annotated `consul.hashicorp.com/connect-inject:
    /// "true"` injected.
    public init(
        namespaces: Namespaces = .none, partition: String? = nil, aclsManaged: Bool = true,
        injectedByDefault: Bool = false
    ) {
        self.namespaces = namespaces
        self.partition = partition
        self.aclsManaged = aclsManaged
        self.injectedByDefault = injectedByDefault
    }

    /// The Consul namespace of Kubernetes namespace `namespace`; nil in CE.
    public func consulNamespace(_ namespace: String) -> String? {
        switch namespaces {
        case .none: nil
        case let .mirroring(prefix): prefix + namespace
        }
    }

    /// Whether Enterprise namespaces are in use.
    var hasNamespaces: Bool { namespaces != .none }
}
