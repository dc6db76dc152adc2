public import SMICore

extension IstioAdapter {
    /// A stock Istio installation.
    ///
    /// The root namespace `istio-system` (a policy there applies to every namespace of the
    /// mesh) and the sidecar injector's webhooks: a namespace labelled
    /// `istio-injection=enabled` or `istio.io/rev`, or a pod labelled
    /// `sidecar.istio.io/inject=true`; `false` on the pod, or `disabled` on the namespace
    /// (which wins), keeps the proxy out.
    ///
    /// An ambient namespace's pods are enforced by ztunnel. Inbound ports leave the proxy by
    /// `traffic.sidecar.istio.io/excludeInboundPorts`, or by not being in
    /// `includeInboundPorts`.
    public var installation: MeshInstallation {
        MeshInstallation(
            controlPlaneNamespaces: ["istio-system"],
            injection: ProxyInjection(
                pod: [
                    .init(.label, "sidecar.istio.io/inject", enabling: ["true"], disabling: ["false"]),
                    .init(.annotation, "sidecar.istio.io/inject", enabling: ["true"], disabling: ["false"])
                ],
                namespace: [
                    .init(.label, "istio-injection", enabling: ["enabled"], disabling: ["disabled"]),
                    .init(.label, "istio.io/rev", enabling: nil),
                    .init(.label, "istio.io/dataplane-mode", enabling: ["ambient"])
                ],
                namespaceOffWins: true, byDefault: false,
                excludedInboundPorts: ["traffic.sidecar.istio.io/excludeInboundPorts"],
                includedInboundPorts: "traffic.sidecar.istio.io/includeInboundPorts",
                requirement:
                    "the namespace label istio-injection=enabled or istio.io/rev, or the pod label sidecar.istio.io/inject=true"
            ))
    }
}
