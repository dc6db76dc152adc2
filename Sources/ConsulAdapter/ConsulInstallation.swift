public import SMICore

extension ConsulAdapter {
    /// A Consul installation as the adapter's configuration describes it.
    ///
    /// Consul-k8s in the `consul` namespace, injecting pods annotated
    /// `consul.hashicorp.com/connect-inject: "true"`, or every pod not annotated `"false"` when
    /// `connectInject.default` is set (any spelling Go's `strconv.ParseBool` takes, as
    /// consul-k8s parses it); `consul.hashicorp.com/transparent-proxy-exclude-inbound-ports`
    /// lets ports bypass the proxy.
    public var installation: MeshInstallation {
        MeshInstallation(
            controlPlaneNamespaces: ["consul"],
            injection: ProxyInjection(
                pod: [
                    .init(
                        .annotation, ConsulWorkloads.injectAnnotation, enabling: String.goTrue,
                        disabling: String.goFalse)
                ],
                namespace: [], byDefault: configuration.injectedByDefault,
                excludedInboundPorts: [ConsulWorkloads.excludeInboundAnnotation],
                requirement: "the pod annotation consul.hashicorp.com/connect-inject: \"true\""))
    }
}
