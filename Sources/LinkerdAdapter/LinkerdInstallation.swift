public import SMICore

extension LinkerdAdapter {
    /// A stock Linkerd installation.
    ///
    /// The control plane in `linkerd`, extensions in `linkerd-*` namespaces (or any namespace
    /// labelled `linkerd.io/is-control-plane` or `linkerd.io/extension`); the proxy injector
    /// adds a proxy to pods whose template or namespace is annotated `linkerd.io/inject:
    /// enabled` (or `ingress`), the pod's own annotation first;
    /// `config.linkerd.io/skip-inbound-ports` lets ports bypass it.
    public var installation: MeshInstallation {
        MeshInstallation(
            controlPlaneNamespaces: ["linkerd"], controlPlanePrefixes: ["linkerd-"],
            controlPlaneLabels: ["linkerd.io/is-control-plane", "linkerd.io/extension"],
            injection: ProxyInjection(
                pod: [
                    .init(.annotation, "linkerd.io/inject", enabling: ["enabled", "ingress"], disabling: ["disabled"])
                ],
                namespace: [
                    .init(.annotation, "linkerd.io/inject", enabling: ["enabled", "ingress"], disabling: ["disabled"])
                ],
                byDefault: false, excludedInboundPorts: ["config.linkerd.io/skip-inbound-ports"],
                requirement: "the annotation linkerd.io/inject: enabled on the namespace or the pod template"))
    }
}
