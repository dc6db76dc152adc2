/// Linkerd's resources, by API group and version, as the SMI types are (`Access.V1Alpha3`).
///
/// Each is named by the version written by default; an older Linkerd target gets the same
/// fields under the version it serves (`LinkerdTargetVersion`).
public enum Linkerd {
    /// The `policy.linkerd.io/v1beta3` API group version.
    public enum PolicyV1Beta3 {}
    /// The `policy.linkerd.io/v1alpha1` API group version.
    public enum PolicyV1Alpha1 {}
    /// The `linkerd.io/v1alpha2` API group version (ServiceProfiles).
    public enum V1Alpha2 {}
    /// The `gateway.networking.k8s.io/v1alpha2` API group version (the TCPRoute Linkerd reads).
    public enum GatewayV1Alpha2 {}
}
