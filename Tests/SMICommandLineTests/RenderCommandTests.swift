import Foundation
import IstioAdapter
import IstioSimulation
import SMICore
import SMITestSupport
import Testing

@Suite struct RenderCommandTests {
    static var bookstore: String {
        SharedReference.packageRoot.appendingPathComponent("Examples/bookstore/app.yaml").path
    }

    /// The shipped example renders without errors, and what Istio would decide over the output
    /// is what SMI decides, request by request.
    @Test func rendersTheBookstoreAsSMIMeansIt() throws {
        let run = ToolRun(["render", "--mesh", "istio", Self.bookstore])
        #expect(run.status == 0, "\(run.err)")
        let input = try YAMLReader().read(String(contentsOfFile: Self.bookstore, encoding: .utf8))
        let inventory = Inventory(manifests: input)
        let istio = IstioAccessModel(
            resources: try YAMLReader().read(run.out).map(\.root), inventory: inventory,
            installation: IstioAdapter().installation)
        let bundle = SMIBundle(input)
        let smi = SMIAccessModel()
        var allowed = 0
        var checked = 0
        let sources: [AccessRequest.Identity?] =
            ["web", "books", "db"].map { .init(namespace: "bookstore", serviceAccount: $0) }
            + [
                .init(namespace: "monitoring", serviceAccount: "prometheus"),
                .init(namespace: "other", serviceAccount: "web"), nil
            ]
        for source in sources {
            for destination in ["web", "books", "db"] {
                for port in [8080, 9090, 5432] {
                    for (proto, method, path) in [
                        (AccessRequest.TrafficProtocol.tcp, nil, nil), (.http, "GET", "/books"),
                        (.http, "GET", "/books/42"),
                        (.http, "GET", "/bookstore"), (.http, "POST", "/orders"), (.http, "GET", "/metrics"),
                        (.http, "DELETE", "/books/1")
                    ] as [(AccessRequest.TrafficProtocol, String?, String?)] {
                        for headers in [nil, ["content-type": ["application/json"]]] as [[String: [String]]?] {
                            let request = AccessRequest(
                                source: source, destination: .init(namespace: "bookstore", serviceAccount: destination),
                                port: port,
                                protocol: proto, method: method, path: path, headers: headers)
                            let verdict = smi.decide(request, in: bundle).isAllowed
                            #expect(istio.allows(request) == verdict, "\(request)")
                            checked += 1
                            if verdict { allowed += 1 }
                        }
                    }
                }
            }
        }
        #expect(checked == 6 * 3 * 3 * 7 * 2)
        // web: GET/HEAD on /books and /books/... and POST /orders with JSON; prometheus: GET
        // /metrics; books: TCP to the database. Anything else is denied.
        #expect(allowed > 10 && allowed < checked / 4, "\(allowed) of \(checked)")
    }

    @Test func reportsErrorsButStillWritesWhatIsSafe() throws {
        let file = try ToolRun.file(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {serviceAccountName: api, containers: [{name: api}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: UDPRoute
            metadata: {name: dns, namespace: shop}
            spec: {matches: {ports: [53]}}
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: dns-access, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api, namespace: shop}
              rules: [{kind: UDPRoute, name: dns}]
              sources: [{kind: ServiceAccount, name: web, namespace: shop}]
            """)
        let run = ToolRun(["render", "--mesh", "istio", file])
        #expect(run.status == 1)
        #expect(
            run.err.contains(":11:1: error[SMI3002]: TrafficTarget shop/dns-access: Istio cannot enforce UDP"),
            "\(run.err)")
        #expect(run.out.contains("name: smi-deny-by-default"))
        #expect(run.out.contains("name: smi-dns-access"))
    }

    @Test func strictTurnsStricterRenderingIntoErrors() throws {
        let file = try ToolRun.file(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {serviceAccountName: api, containers: [{name: api}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: HTTPRouteGroup
            metadata: {name: routes, namespace: shop}
            spec: {matches: [{name: v, pathRegex: "/v[0-9]+/items"}]}
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api, namespace: shop}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: web, namespace: shop}]
            """)
        let lenient = ToolRun(["render", "--mesh", "istio", file])
        #expect(lenient.status == 0)
        #expect(lenient.err.contains("warning[SMI3003]"))
        let strict = ToolRun(["render", "--mesh", "istio", "--strict", file])
        #expect(strict.status == 1)
        #expect(strict.err.contains("error[SMI3003]"))
    }

    @Test func writesJSONAndHonoursTheOptions() throws {
        let run = ToolRun([
            "render", "--mesh", "istio", "-o", "json", "--trust-domain", "example.org", "--deny-scope", "none",
            Self.bookstore
        ])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("warning[SMI3004]"))
        let objects = try run.out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(objects.count == 3)
        #expect(objects.allSatisfy { ($0?["kind"] as? String) == "AuthorizationPolicy" })
        #expect(run.out.contains("example.org/ns/bookstore/sa/web"))
        #expect(!run.out.contains("deny-by-default"))
    }

    @Test func targetsOlderIstioReleases() {
        let run = ToolRun(["render", "--mesh", "istio", "--target-version", "1.16", Self.bookstore])
        #expect(run.status == 0)
        #expect(
            run.out.contains("apiVersion: security.istio.io/v1beta1")
                && !run.out.contains("apiVersion: security.istio.io/v1\n"))
        #expect(ToolRun(["render", "--mesh", "istio", "--target-version", "latest", Self.bookstore]).status == 2)
    }

    @Test func usage() {
        #expect(ToolRun(["render", Self.bookstore]).status == 2)
        let unknown = ToolRun(["render", "--mesh", "kuma", Self.bookstore])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("unknown mesh 'kuma'; available: istio, linkerd, consul"))
        let hcl = ToolRun(["render", "--mesh", "istio", "-o", "entries-hcl", Self.bookstore])
        #expect(hcl.status == 2 && hcl.err.contains("--mesh istio writes yaml, json, not entries-hcl"), "\(hcl.err)")
        #expect(ToolRun(["render", "--mesh", "consul", "-o", "hcl", Self.bookstore]).status == 2)
        #expect(ToolRun(["render", "--mesh", "consul", "--consul-namespaces", "flat", Self.bookstore]).status == 2)
    }

    /// A flag that configures one mesh is refused with another, not ignored: the user meant
    /// an installation that the rendering would not describe.
    @Test func refusesAnotherMeshsFlags() {
        for (flags, named) in [
            (
                ["--mesh", "istio", "--consul-partition", "team"],
                "'--consul-partition' configures consul, not --mesh istio"
            ),
            (["--mesh", "consul", "--compat", "linkerd-smi"], "'--compat' configures linkerd, not --mesh consul"),
            (["--mesh", "istio", "--linkerd-default-deny"], "'--linkerd-default-deny' configures linkerd"),
            (["--mesh", "consul", "--allow-probes"], "'--allow-probes' configures linkerd"),
            (["--mesh", "linkerd", "--gateway-api-version", "v1.2"], "'--gateway-api-version' configures gateway-api")
        ] {
            let run = ToolRun(["render"] + flags + [Self.bookstore])
            #expect(run.status == 2 && run.err.contains(named), "\(flags): \(run.err)")
        }
        let routed = ToolRun([
            "render", "--mesh", "linkerd", "--routing", "gateway-api", "--gateway-api-version", "v1.2", Self.bookstore
        ])
        #expect(routed.status != 2, "\(routed.err)")
    }

    /// Consul CE: an input that shows every namespace leaves no same-named account unseen, so
    /// `--strict` passes where nothing else is to report.
    @Test func consulStrictPassesOnCEWhenEveryNamespaceIsShown() {
        let input = SharedReference.packageRoot.appendingPathComponent(
            "Tests/ConsulAdapterTests/Golden/44-ce-input-shows-every-namespace/input.yaml"
        ).path
        let partial = ToolRun(["render", "--mesh", "consul", "--consul-inject-default", "--strict", input])
        #expect(partial.status == 1 && partial.err.contains("[SMI5002]"), "\(partial.err)")
        let complete = ToolRun([
            "render", "--mesh", "consul", "--consul-inject-default", "--consul-every-namespace", "--strict", input
        ])
        #expect(complete.status == 0, "\(complete.err)")
        #expect(complete.out.contains("action: allow"))
    }

    /// `--output-dir`: one file per config entry for `consul config write`, each the same
    /// entry as the single-stream HCL holds under its heading; one file per resource for YAML.
    @Test func writesOneFilePerObject() throws {
        let input = SharedReference.packageRoot.appendingPathComponent(
            "Tests/ConsulAdapterTests/Golden/19-split-75-25/input.yaml"
        ).path
        let stream = ToolRun(["render", "--mesh", "consul", "-o", "entries-hcl", input])
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smi-out-\(UUID().uuidString)")
        let run = ToolRun(["render", "--mesh", "consul", "-o", "entries-hcl", "--output-dir", directory.path, input])
        #expect(run.status == stream.status && run.out.isEmpty, "\(run.err)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.contains("service-splitter-api.hcl"), "\(names)")
        #expect(names.count == stream.out.components(separatedBy: "\n# ").count)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            let kind = name.hasPrefix("service-") ? name.split(separator: "-").prefix(2).joined(separator: "-") : ""
            let entry = String(name.dropFirst(kind.count + 1).dropLast(".hcl".count))
            #expect(stream.out.contains("# \(kind)/\(entry)\n" + text), "\(name)")
        }
        let yaml = directory.appendingPathComponent("yaml")
        #expect(ToolRun(["render", "--mesh", "istio", "--output-dir", yaml.path, Self.bookstore]).status == 0)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: yaml.path).contains {
                $0.hasPrefix("authorizationpolicy-")
            })
    }

    /// Linkerd: where the cluster denies by default, ports without a Server need no warning.
    @Test func linkerdDefaultDenyDropsThePortWarning() {
        let stock = ToolRun(["render", "--mesh", "linkerd", Self.bookstore])
        #expect(stock.err.contains("keep Linkerd's default inbound policy"), "\(stock.err)")
        let denying = ToolRun(["render", "--mesh", "linkerd", "--linkerd-default-deny", Self.bookstore])
        #expect(denying.status == stock.status)
        #expect(!denying.err.contains("keep Linkerd's default inbound policy"), "\(denying.err)")
        #expect(denying.out == stock.out)
    }

    /// Linkerd `--allow-probes`: the probe routes are written and reported as wider than SMI,
    /// which `--strict` refuses.
    @Test func linkerdAllowProbesWritesProbeRoutes() {
        let input = SharedReference.packageRoot.appendingPathComponent(
            "Tests/LinkerdAdapterTests/Golden/59-allow-probes/input.yaml"
        ).path
        let stock = ToolRun(["render", "--mesh", "linkerd", input])
        #expect(!stock.out.contains("kind: NetworkAuthentication"))
        let allowing = ToolRun(["render", "--mesh", "linkerd", "--allow-probes", input])
        #expect(allowing.status == 0, "\(allowing.err)")
        #expect(
            allowing.out.contains("kind: NetworkAuthentication") && allowing.out.contains("name: smi-api-8080-probes"))
        #expect(
            allowing.err.contains("--allow-probes: HTTPRoute smi-api-8080-probes lets GET /ready"), "\(allowing.err)")
        let strict = ToolRun(["render", "--mesh", "linkerd", "--allow-probes", "--strict", input])
        #expect(strict.status == 1 && strict.err.contains("error[SMI4009]"), "\(strict.err)")
    }

    /// Consul: the CRDs as YAML and JSON, and the same objects as config entries in JSON and
    /// HCL, with Enterprise namespaces and partition when asked for.
    @Test func rendersConsulInEveryForm() throws {
        let yaml = ToolRun(["render", "--mesh", "consul", Self.bookstore])
        #expect(yaml.status == 0, "\(yaml.err)")
        #expect(
            yaml.out.contains("kind: ServiceIntentions")
                && yaml.out.contains("apiVersion: consul.hashicorp.com/v1alpha1"))
        #expect(
            yaml.out.contains("action: allow") && yaml.err.contains("warning[SMI5002]: Consul CE has no namespaces"))
        let crds = ToolRun(["render", "--mesh", "consul", "-o", "json", Self.bookstore])
        #expect(crds.status == 0 && crds.out.hasPrefix("{\"apiVersion\":\"consul.hashicorp.com/v1alpha1\""))
        #expect(!crds.out.contains("\"Kind\""), "json is the CRDs, as for every mesh; entries-json the config entries")
        let json = ToolRun([
            "render", "--mesh", "consul", "-o", "entries-json", "--consul-namespaces", "mirror=k8s-",
            "--consul-partition",
            "team", Self.bookstore
        ])
        #expect(json.status == 0, "\(json.err)")
        #expect(
            json.out.contains("\"Kind\": \"service-intentions\"")
                && json.out.contains("\"Namespace\": \"k8s-bookstore\"") && json.out.contains("\"Partition\": \"team\"")
        )
        let hcl = ToolRun(["render", "--mesh", "consul", "-o", "entries-hcl", Self.bookstore])
        #expect(hcl.status == 0)
        #expect(hcl.out.contains("# service-intentions/") && hcl.out.contains("Kind = \"service-intentions\""))
        let unmanaged = ToolRun(["render", "--mesh", "consul", "--consul-acls-unmanaged", Self.bookstore])
        #expect(unmanaged.status == 1 && unmanaged.err.contains("error[SMI5001]"))
        #expect(!unmanaged.out.contains("action: allow"))
    }

    /// Installation facts from the command line: the cluster domain in every host name, a
    /// control-plane namespace of one's own, and Consul's connectInject.default.
    @Test func installationFlags() throws {
        let file = try ToolRun.file(
            """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {istio-injection: enabled}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: mesh-tools, labels: {istio-injection: enabled}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: shop, labels: {app: web}}
            spec: {serviceAccountName: web, containers: [{name: web, ports: [{containerPort: 80}]}]}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: tool, namespace: mesh-tools, labels: {app: tool}}
            spec: {serviceAccountName: tool, containers: [{name: tool}]}
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: web, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: 1}, {service: web-v2, weight: 1}]}
            """)
        let plain = ToolRun(["render", "--mesh", "istio", file])
        #expect(plain.out.contains("web.shop.svc.cluster.local") && plain.out.contains("namespace: mesh-tools"))
        let flagged = ToolRun([
            "render", "--mesh", "istio", "--cluster-domain", "corp.example", "--control-plane-namespace", "mesh-tools",
            file
        ])
        #expect(flagged.status == 0, "\(flagged.err)")
        #expect(flagged.out.contains("web.shop.svc.corp.example") && !flagged.out.contains("cluster.local"))
        #expect(!flagged.out.contains("namespace: mesh-tools"))
        #expect(
            flagged.err.contains(
                "info[SMI2701]: the mesh's control-plane namespaces get no policy, whatever the deny scope: mesh-tools\n"
            ), "\(flagged.err)")
        #expect(!plain.err.contains("SMI2701"))
        // Consul injects annotated pods only, unless told otherwise.
        let consulInput = try ToolRun.file(
            """
            apiVersion: v1
            kind: Pod
            metadata: {name: api, namespace: shop, labels: {app: api}}
            spec: {serviceAccountName: api, containers: [{name: api, ports: [{containerPort: 8080}]}]}
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: api, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api, namespace: shop}
              rules: [{kind: TCPRoute, name: api}]
              sources: [{kind: ServiceAccount, name: web, namespace: shop}]
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: api, namespace: shop}
            spec: {matches: {ports: [8080]}}
            """)
        let helmDefault = ToolRun(["render", "--mesh", "consul", consulInput])
        #expect(helmDefault.status == 1 && helmDefault.err.contains("error[SMI2703]"))
        let injectAll = ToolRun(["render", "--mesh", "consul", "--consul-inject-default", consulInput])
        #expect(!injectAll.err.contains("SMI2703"), "\(injectAll.err)")
    }
}
