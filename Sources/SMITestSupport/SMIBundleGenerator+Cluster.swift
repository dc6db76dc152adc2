public import SMICore

extension SMIBundleGenerator {
    /// The meshes' switches that keep a pod out of the mesh, all at once (each mesh reads its own).
    static let uninjected = [
        "sidecar.istio.io/inject": "\"false\"", "linkerd.io/inject": "disabled",
        "consul.hashicorp.com/connect-inject": "\"false\""
    ]
    /// The kubelet's probes of some accounts' containers, as flow-mapping entries: HTTP GETs
    /// on paths requests use (one with a query, which probe routes leave out), and a gRPC
    /// probe, which meshes treat apart.
    static let probes = [
        "db": "readinessProbe: {httpGet: {path: /metrics, port: 8080}}, startupProbe: {grpc: {port: 9090}}",
        "ops": "livenessProbe: {httpGet: {path: \"/admin?probe=1\", port: 80}}"
    ]
    /// The meshes' annotations that let inbound port 9090 bypass the proxy.
    static let excludedInbound = [
        "traffic.sidecar.istio.io/excludeInboundPorts": "\"9090\"", "config.linkerd.io/skip-inbound-ports": "\"9090\"",
        "consul.hashicorp.com/transparent-proxy-exclude-inbound-ports": "\"9090\""
    ]

    /// A cluster for the access differential, different for every seed, as manifests.
    ///
    /// What real clusters hold and a rendering must cope with.
    ///
    /// Per namespace a Helm-labelled Deployment per service account (now and then not injected,
    /// or with port 9090 bypassing the proxy); sometimes a CronJob sharing an account with a
    /// Deployment (one selector per workload), a debug Pod of another account carrying a
    /// Deployment's `app` label (a selector of template labels), a Pod whose every label
    /// another account's pods carry (no selector at all), a Namespace object that is missing (a
    /// proxy assumed), a Service whose port differs from the pods'. And the control planes of
    /// the three meshes, which a rendering must leave alone. Some accounts' pods are probed by
    /// the kubelet (`probes`). With `ambient`, the namespaces are in Istio's ambient mode
    /// instead of sidecar injection, some send their Services' traffic through a waypoint, and
    /// some accounts have a Service of their own (ports equal to their targets) that uses one.
    public mutating func clusterManifests(ambient: Bool = false) -> String {
        var documents: [String] = []
        for (namespace, controller, account) in [
            ("istio-system", "istiod", "istiod"), ("linkerd", "linkerd-destination", "linkerd-destination"),
            ("consul", "consul-server", "consul-server")
        ] {
            documents.append("apiVersion: v1\nkind: Namespace\nmetadata: {name: \(namespace)}")
            documents.append(
                deployment(
                    controller, namespace: namespace, account: account, labels: ["app": controller], ports: [15010]))
        }
        for ns in Self.namespaces {
            if !chance(15) {
                let labels =
                    !ambient
                    ? "istio-injection: enabled"
                    : "istio.io/dataplane-mode: ambient" + (chance(25) ? ", istio.io/use-waypoint: waypoint" : "")
                documents.append(
                    """
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: \(ns), labels: {\(labels)}, annotations: {linkerd.io/inject: enabled}}
                    """)
            }
            for sa in Self.serviceAccounts {
                let annotations = chance(6) ? Self.uninjected : chance(6) ? Self.excludedInbound : [:]
                documents.append(
                    deployment(
                        sa, namespace: ns, account: sa,
                        labels: ["app": sa, "tier": "backend", "helm.sh/chart": "\(sa)-1.\(pick([0, 1, 2]))"],
                        annotations: annotations, ports: [80, 8080, 9090]))
                if ambient, chance(50) {
                    documents.append(
                        """
                        apiVersion: v1
                        kind: Service
                        metadata: {name: \(sa)-mesh, namespace: \(ns), labels: {istio.io/use-waypoint: waypoint}}
                        spec: {selector: {app: \(sa)}, ports: [{name: http, port: 8080}, {name: web, port: 80}]}
                        """)
                }
            }
            if chance(35) {
                documents.append(
                    """
                    apiVersion: batch/v1
                    kind: CronJob
                    metadata: {name: report, namespace: \(ns)}
                    spec:
                      schedule: "0 * * * *"
                      jobTemplate:
                        spec:
                          template:
                            metadata: {labels: {job: report}}
                            spec:
                              serviceAccountName: \(pick(Self.serviceAccounts))
                              restartPolicy: OnFailure
                              containers: [{name: report, image: app, ports: [{containerPort: 8080}]}]
                    """)
            }
            if chance(30) {
                documents.append(
                    pod("debug", namespace: ns, account: "debug", labels: ["app": pick(Self.serviceAccounts)]))
            }
            if chance(20) {
                let account = pick(Self.serviceAccounts)
                let other = pick(Self.serviceAccounts.filter { $0 != account })
                documents.append(
                    pod("scratch", namespace: ns, account: account, labels: ["app": other, "tier": "backend"]))
            }
            if chance(50) {
                documents.append(
                    """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: api, namespace: \(ns)}
                    spec:
                      selector: {app: api}
                      ports: [{name: http, port: 80, targetPort: 8080}]
                    """)
            }
        }
        return documents.joined(separator: "\n---\n") + "\n"
    }

    private func deployment(
        _ name: String, namespace: String, account: String, labels: [String: String],
        annotations: [String: String] = [:], ports: [Int]
    ) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: \(name), namespace: \(namespace)}
        spec:
          selector: {matchLabels: {app: \(labels["app"] ?? name)}}
          template:
            metadata: {labels: \(Self.flow(labels)), annotations: \(Self.flow(annotations))}
            spec:
              serviceAccountName: \(account)
              containers: [{name: main, image: app, ports: [\(ports.map { "{containerPort: \($0)}" }.joined(separator: ", "))]\(Self.probes[account].map { ", " + $0 } ?? "")}]
        """
    }

    private func pod(_ name: String, namespace: String, account: String, labels: [String: String]) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: \(name), namespace: \(namespace), labels: \(Self.flow(labels))}
        spec: {serviceAccountName: \(account), containers: [{name: main, image: app, ports: [{containerPort: 8080}]}]}
        """
    }

    /// A flow mapping of the entries, sorted (values are written as given).
    private static func flow(_ entries: [String: String]) -> String {
        "{" + entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
    }

    /// The inventory of `clusterManifests(ambient:)`.
    public mutating func cluster(ambient: Bool = false) throws -> Inventory {
        Inventory(manifests: try YAMLReader().read(clusterManifests(ambient: ambient)))
    }
}
