import SMICore
import SMITestSupport
import Testing

/// Installation facts: which pods run a proxy and which namespaces hold the control plane,
/// read from the inventory as each mesh's injector and installation decide them.
@Suite struct ClusterFactsTests {
    /// Istio's rules, as the Istio adapter states them (the shared type cannot import it).
    static let istio = MeshInstallation(
        controlPlaneNamespaces: ["istio-system"],
        injection: ProxyInjection(
            pod: [.init(.label, "sidecar.istio.io/inject", enabling: ["true"], disabling: ["false"])],
            namespace: [
                .init(.label, "istio-injection", enabling: ["enabled"], disabling: ["disabled"]),
                .init(.label, "istio.io/rev", enabling: nil)
            ],
            namespaceOffWins: true, byDefault: false, excludedInboundPorts: ["exclude"],
            includedInboundPorts: "include", requirement: "istio-injection=enabled"))

    /// Linkerd's: the pod's annotation wins over the namespace's, either way.
    static let linkerd = MeshInstallation(
        controlPlaneNamespaces: ["linkerd"], controlPlanePrefixes: ["linkerd-"],
        controlPlaneLabels: ["linkerd.io/extension"],
        injection: ProxyInjection(
            pod: [.init(.annotation, "linkerd.io/inject", enabling: ["enabled"], disabling: ["disabled"])],
            namespace: [.init(.annotation, "linkerd.io/inject", enabling: ["enabled"], disabling: ["disabled"])],
            byDefault: false, excludedInboundPorts: ["skip"], requirement: "linkerd.io/inject: enabled"))

    static func inventory(
        namespace: Inventory.Namespace?, labels: StringMap = [:], annotations: StringMap = [:],
        hostNetwork: Bool = false
    ) -> (Inventory, Inventory.Workload) {
        var podLabels = labels
        podLabels["app"] = "api"
        var workload = Inventory.Workload(
            kind: "Deployment", namespace: "shop", name: "api", serviceAccount: "api", podLabels: podLabels,
            ports: [.init(port: 8080), .init(port: 9102)], podAnnotations: annotations)
        workload.hostNetwork = hostNetwork
        return (Inventory(workloads: [workload], namespaces: namespace.map { [$0] } ?? []), workload)
    }

    static func presence(
        _ installation: MeshInstallation, namespace: Inventory.Namespace?, labels: StringMap = [:],
        annotations: StringMap = [:],
        hostNetwork: Bool = false
    ) -> ProxyPresence {
        let (inventory, workload) = inventory(
            namespace: namespace, labels: labels, annotations: annotations, hostNetwork: hostNetwork)
        return ProxyPresence.of(workload, in: inventory, installation: installation)
    }

    static func declared(labels: StringMap = [:], annotations: StringMap = [:]) -> Inventory.Namespace {
        Inventory.Namespace(declaring: "shop", labels: labels, annotations: annotations)
    }

    @Test func istioInjectsByNamespaceOrPodAndANamespaceOffWins() {
        #expect(
            Self.presence(Self.istio, namespace: Self.declared(labels: ["istio-injection": "enabled"]))
                == .proxied(bypassed: .none))
        #expect(
            Self.presence(Self.istio, namespace: Self.declared(labels: ["istio.io/rev": "canary"]))
                == .proxied(bypassed: .none))
        #expect(
            Self.presence(Self.istio, namespace: Self.declared(), labels: ["sidecar.istio.io/inject": "true"])
                == .proxied(bypassed: .none))
        #expect(
            Self.presence(
                Self.istio, namespace: Self.declared(labels: ["istio-injection": "disabled"]),
                labels: ["sidecar.istio.io/inject": "true"])
                == .absent(reason: "namespace shop has label istio-injection=disabled"))
        #expect(
            Self.presence(
                Self.istio, namespace: Self.declared(labels: ["istio-injection": "enabled"]),
                labels: ["sidecar.istio.io/inject": "false"])
                == .absent(reason: "its pod template has label sidecar.istio.io/inject=false"))
        #expect(
            Self.presence(Self.istio, namespace: Self.declared())
                == .absent(reason: "neither its pod template nor namespace shop has istio-injection=enabled"))
        guard case .assumed = Self.presence(Self.istio, namespace: nil) else {
            Issue.record("a namespace the input does not hold is assumed, not decided")
            return
        }
    }

    @Test func linkerdLetsThePodDecideFirst() {
        #expect(
            Self.presence(
                Self.linkerd, namespace: Self.declared(annotations: ["linkerd.io/inject": "disabled"]),
                annotations: ["linkerd.io/inject": "enabled"])
                == .proxied(bypassed: .none))
        #expect(
            Self.presence(
                Self.linkerd, namespace: Self.declared(annotations: ["linkerd.io/inject": "enabled"]),
                annotations: ["linkerd.io/inject": "disabled"])
                == .absent(reason: "its pod template has annotation linkerd.io/inject=disabled"))
        #expect(
            Self.presence(Self.linkerd, namespace: nil, annotations: ["linkerd.io/inject": "enabled"])
                == .proxied(bypassed: .none))
    }

    @Test func hostNetworkAndBypassedPorts() {
        let ns = Self.declared(labels: ["istio-injection": "enabled"])
        #expect(
            Self.presence(Self.istio, namespace: ns, hostNetwork: true)
                == .absent(reason: "it uses the node's network (hostNetwork: true), which no proxy intercepts"))
        let excluded = Self.presence(Self.istio, namespace: ns, annotations: ["exclude": "9102, 9000-9001, x, 70000"])
        #expect(excluded == .proxied(bypassed: .only([9000, 9001, 9102])))
        #expect(excluded.bypasses(9102) && !excluded.bypasses(8080))
        let included = Self.presence(Self.istio, namespace: ns, annotations: ["include": "8080"])
        #expect(included.bypasses(9102) && !included.bypasses(8080))
        #expect(!Self.presence(Self.istio, namespace: ns, annotations: ["include": "*"]).bypasses(9102))
        #expect(
            Self.presence(
                Self.linkerd, namespace: nil, annotations: ["linkerd.io/inject": "enabled", "skip": "9100-9102"]
            ).bypasses(9102))
    }

    /// Control planes are left out of every deny scope, an explicit list included, and
    /// grants into them are refused.
    @Test(arguments: [
        RenderOptions.DenyScope.allKnownNamespaces, .smiNamespaces,
        .namespaces(["linkerd", "linkerd-viz", "shop", "tools"])
    ])
    func controlPlanesAreNeverGoverned(scope: RenderOptions.DenyScope) throws {
        let documents = try YAMLReader().read(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: tools, labels: {linkerd.io/extension: jaeger}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: destination, namespace: linkerd, labels: {app: d}, annotations: {linkerd.io/inject: enabled}}
            spec: {serviceAccountName: destination, containers: [{name: d}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: linkerd-viz, labels: {app: w}}
            spec: {serviceAccountName: web, containers: [{name: w}]}
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: destination, namespace: linkerd}
              rules: [{kind: TCPRoute, name: r}]
              sources: [{kind: ServiceAccount, name: web, namespace: shop}]
            """)
        let facts = ClusterFacts(
            bundle: SMIBundle(documents), inventory: Inventory(manifests: documents), installation: Self.linkerd)
        let (closed, _, leftAlone) = facts.scope(scope)
        #expect(!closed.contains { ["linkerd", "linkerd-viz", "tools"].contains($0) }, "\(closed)")
        #expect(closed.contains("shop"))
        #expect(leftAlone == ["linkerd", "linkerd-viz", "tools"])
        var rendering = Rendering()
        facts.report(into: &rendering, options: RenderOptions(denyScope: scope))
        #expect(rendering.diagnostics.map(\.code).contains(.controlPlaneGrant))
        #expect(
            rendering.diagnostics.contains {
                $0.code == .controlPlaneLeftAlone && $0.message.hasSuffix("linkerd, linkerd-viz, tools")
            })
    }
}
