/// Consul's resources, by API group and version, as the SMI types are (`Access.V1Alpha3`).
public enum Consul {
    /// The `consul.hashicorp.com/v1alpha1` API group version of the consul-k8s CRDs.
    public enum V1Alpha1 {}
}
