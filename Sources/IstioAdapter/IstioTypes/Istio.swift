/// Istio's resources, by API group and version, as the SMI types are (`Access.V1Alpha3`).
public enum Istio {
    /// The `security.istio.io/v1` API group version.
    public enum SecurityV1 {}
    /// The `networking.istio.io/v1` API group version.
    public enum NetworkingV1 {}
}
