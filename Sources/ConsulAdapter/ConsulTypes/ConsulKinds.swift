/// The consul-k8s API group and the kinds swift-smi writes, with their config-entry names.
public enum ConsulKinds {
    /// `consul.hashicorp.com/v1alpha1`, the only version of every Consul CRD.
    public static let apiVersion = "consul.hashicorp.com/v1alpha1"

    /// The config-entry `Kind` of a CRD kind (`ServiceIntentions` -> `service-intentions`).
    public static let configEntryKinds: [String: String] = [
        "ServiceIntentions": "service-intentions",
        "ServiceDefaults": "service-defaults",
        "ServiceSplitter": "service-splitter",
        "ServiceRouter": "service-router",
        "ServiceResolver": "service-resolver"
    ]
}
