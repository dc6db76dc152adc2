import ConsulAdapter
import GatewayAPIAdapter
import LinkerdAdapter

/// What the command line says about the installation of each mesh: every mesh's own typed
/// configuration, filled from the flags that belong to it, so that `Meshes.adapter(named:
/// settings:)` configures any adapter the same way and a flag given for another mesh than
/// the one rendered for is refused rather than ignored.
struct MeshSettings {
    /// Consul's namespaces, partition, ACLs and injection (`--consul-*`).
    var consul = ConsulConfiguration()
    /// Linkerd's split form and default inbound policy (`--compat`, `--linkerd-*`).
    var linkerd = LinkerdConfiguration()
    /// The Gateway API release and channel installed (`--gateway-api-*`).
    var gatewayAPI = GatewayAPIRelease.newest
    /// Each mesh-specific flag given, with the mesh it configures, in order.
    var given: [(flag: String, mesh: String)] = []

    /// Records that `flag`, which configures `mesh`, was given.
    mutating func note(_ flag: String, for mesh: String) {
        given.append((flag, mesh))
    }

    /// The first flag given for a mesh other than those in `meshes`, if any.
    func foreignFlag(rendering meshes: Set<String>) -> (flag: String, mesh: String)? {
        given.first { !meshes.contains($0.mesh) }
    }
}
