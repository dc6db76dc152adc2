import SMICore
import SMITestSupport
import Testing

@Suite struct WeightNormalizerTests {
    @Test(arguments: [
        ([1, 1, 1], 100, [34, 33, 33], [Int]()),
        ([75, 25], 100, [75, 25], [Int]()),
        ([1, 0], 100, [100, 0], [Int]()),
        ([1000, 1], 100, [100, 0], [1]),
        ([2, 1], 10_000, [6667, 3333], [Int]()),
        ([1, 1, 1, 1, 1, 1, 1], 100, [15, 15, 14, 14, 14, 14, 14], [Int]())
    ])
    func largestRemainderSumsExactly(weights: [Int], total: Int, expected: [Int], zeroed: [Int]) throws {
        let rounded = try #require(WeightNormalizer.rounded(weights, to: total))
        #expect(rounded.values == expected)
        #expect(rounded.values.reduce(0, +) == total)
        #expect(rounded.zeroed == zeroed)
    }

    @Test func refusesWhatCannotBeShared() {
        #expect(WeightNormalizer.rounded([], to: 100) == nil)
        #expect(WeightNormalizer.rounded([0, 0], to: 100) == nil)
        #expect(WeightNormalizer.rounded([-1, 2], to: 100) == nil)
        #expect(WeightNormalizer.rounded([Int.max, 1], to: 100) == nil)
    }

    @Test func reducesByTheGreatestCommonDivisor() {
        #expect(WeightNormalizer.reduced([90, 10]) == [9, 1])
        #expect(WeightNormalizer.reduced([0, 50]) == [0, 1])
        #expect(WeightNormalizer.reduced([3, 5]) == [3, 5])
    }
}

@Suite struct DNSNameTests {
    @Test func checksLabelsAndSubdomains() {
        #expect(DNSName.isLabel("web-v1"))
        #expect(!DNSName.isLabel("Web"))
        #expect(!DNSName.isLabel("-web"))
        #expect(!DNSName.isLabel(String(repeating: "a", count: 64)))
        #expect(DNSName.isSubdomain("a.b-c.d"))
        #expect(!DNSName.isSubdomain("a..b"))
        #expect(DNSName.isLabel1035("web"))
        #expect(!DNSName.isLabel1035("1web"))
    }

    @Test func shortensWithAStableHash() {
        let long = "smi-" + String(repeating: "very-long-name-", count: 6)
        let short = DNSName.shortened(long)
        #expect(short.count <= 63)
        #expect(DNSName.isLabel(short))
        #expect(short == DNSName.shortened(long))
        #expect(short != DNSName.shortened(long + "x"))
        #expect(DNSName.shortened("short") == "short")
    }
}

@Suite struct InventoryTests {
    static let manifests = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: shop, labels: {istio.io/dataplane-mode: ambient}}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api-v1, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: api, version: v1}}
            spec:
              serviceAccountName: api
              containers:
              - name: api
                ports: [{containerPort: 8080, name: http}, {containerPort: 9090, protocol: TCP}]
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: api-v2, namespace: shop}
        spec:
          template:
            metadata: {labels: {app: api, version: v2}}
            spec: {serviceAccountName: api, containers: [{name: api}]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec:
          jobTemplate:
            spec:
              template:
                metadata: {labels: {app: report}}
                spec: {containers: [{name: r}]}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: shop, labels: {app: api}}
        spec: {serviceAccountName: debug, containers: [{name: d}]}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: api, namespace: shop}
        spec:
          selector: {app: api}
          ports: [{name: http, port: 80, targetPort: http, appProtocol: http}, {port: 9090}]
        """

    @Test func readsWorkloadsServicesAndNamespaces() throws {
        let inventory = Inventory(manifests: try YAMLReader().read(Self.manifests))
        #expect(
            inventory.workloads.map { "\($0.kind) \($0.name) \($0.serviceAccount)" } == [
                "CronJob report default", "Deployment api-v1 api", "Pod debug debug", "StatefulSet api-v2 api"
            ])
        #expect(inventory.workloads[1].ports == [.init(port: 8080, name: "http"), .init(port: 9090)])
        let service = try #require(inventory.service(namespace: "shop", name: "api"))
        #expect(
            service.ports == [.init(name: "http", port: 80, targetPort: "http", appProtocol: "http"), .init(port: 9090)]
        )
        #expect(inventory.namespaces.map(\.name) == ["shop"])
        #expect(inventory.namespaces[0].labels["istio.io/dataplane-mode"] == "ambient")
        #expect(inventory.namespaces(named: "shop") == inventory.namespaces)
        #expect(inventory.namespaces(named: "other").isEmpty)
    }

    /// Namespaces are looked up by name, every entry of a name given twice, also after the
    /// list is replaced.
    @Test func namespacesAreLookedUpByName() {
        var inventory = Inventory(namespaces: [
            .init(name: "b", labels: ["x": "1"]), .init(name: "a"), .init(name: "b", labels: ["x": "2"])
        ])
        #expect(inventory.namespaces(named: "a").map(\.name) == ["a"])
        #expect(inventory.namespaces(named: "b").map { $0.labels["x"] } == ["1", "2"])
        inventory.namespaces = [.init(name: "c")]
        #expect(inventory.namespaces(named: "b").isEmpty)
        #expect(inventory.namespaces(named: "c") == [.init(name: "c")])
    }

    /// A document whose group ends with `smi-spec.io` is SMI, never a workload or a Service,
    /// whatever its kind; a group that only contains it is not.
    @Test(arguments: [
        ("specs.smi-spec.io/v1alpha4", false), ("smi-spec.io/v1", false), ("x.smi-spec.io", false),
        ("smi-spec.io.example.com/v1", true), ("v1", true), ("example.com/smi-spec.io", true), ("mi-spec.io/v1", true)
    ])
    func documentsOfSMIGroupsAreNotWorkloads(apiVersion: String, read: Bool) throws {
        let text =
            "apiVersion: \(apiVersion)\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec: {containers: [{name: c}]}\n"
        let inventory = Inventory(manifests: try YAMLReader().read(text))
        #expect(inventory.workloads.count == (read ? 1 : 0))
    }
}

@Suite struct RenderingTests {
    @Test func resourcesAreSortedAndCarryTheirSource() throws {
        var rendering = Rendering(strict: true)
        let options = RenderOptions(extraLabels: ["team": "platform"])
        let source = Diagnostic.Object(kind: "TrafficTarget", namespace: "shop", name: "api")
        for (kind, name) in [("VirtualService", "b"), ("AuthorizationPolicy", "z"), ("AuthorizationPolicy", "a")] {
            let meta = RenderedMetadata.make(name: name, namespace: "shop", sources: [source], options: options)
            var node: ManifestNode = ["apiVersion": "security.istio.io/v1", "kind": ManifestNode(.string(kind))]
            if case var .mapping(m) = node.value {
                m.append("metadata", try ManifestEncoder().encode(meta))
                node = ManifestNode(.mapping(m))
            }
            rendering.add(node)
        }
        rendering.advise(Diagnostic(.warning, .matchesEverything, "advice"))
        #expect(!rendering.hasErrors, "advice stays a warning in a strict rendering")
        rendering.report(Diagnostic(.warning, .matchesEverything, "stricter"))
        #expect(rendering.hasErrors)
        #expect(rendering.diagnostics.map(\.severity) == [.warning, .error])
        let yaml = rendering.yaml()
        #expect(
            yaml.components(separatedBy: "---\n").map { $0.contains("kind: AuthorizationPolicy") } == [
                true, true, false
            ])
        #expect(
            yaml.hasPrefix(
                """
                apiVersion: security.istio.io/v1
                kind: AuthorizationPolicy
                metadata:
                  name: smi-a
                  namespace: shop
                  labels:
                    app.kubernetes.io/managed-by: smi
                    team: platform
                  annotations:
                    smi-spec.io/source: TrafficTarget shop/api

                """))
    }
}

@Suite struct InventoryPortRangeTests {
    /// Ports a kube-apiserver would reject are left out of the inventory, not used.
    @Test func portsOutsideTheRangeAreLeftOut() throws {
        let documents = try YAMLReader().read(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec:
              selector: {app: web}
              ports: [{port: 80, targetPort: 8080}, {port: 70000}, {port: 81, targetPort: -1}, {port: 0}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: shop}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec:
                  serviceAccountName: web
                  containers: [{name: a, ports: [{containerPort: 8080}, {containerPort: -9223372036854775808}, {containerPort: 65536}]}]
            """)
        let inventory = Inventory(manifests: documents)
        #expect(inventory.service(namespace: "shop", name: "web")?.ports.map(\.port) == [80])
        #expect(inventory.workloads(namespace: "shop", serviceAccount: "web").first?.ports.map(\.port) == [8080])
        #expect(inventory.workloads(namespace: "shop").map(\.name) == ["web"])
        #expect(inventory.workloads(namespace: "other").isEmpty)
    }
}

@Suite struct InventoryLabelLookupTests {
    /// The label and service-account indexes answer exactly what a scan of the namespace
    /// does, for random pods, selectors (empty, unknown labels, several labels), Services with
    /// and without one, and service accounts of no, one or several workloads.
    @Test func lookupsByLabelEqualAScan() {
        var random = SystemRandomNumberGenerator()
        let keys = ["app", "tier", "version"], values = ["a", "b", "c"]
        func labels() -> StringMap {
            StringMap(
                keys.filter { _ in Bool.random(using: &random) }.map { ($0, values.randomElement(using: &random)!) })
        }
        for _ in 0..<200 {
            let workloads = (0..<Int.random(in: 0...12, using: &random)).map { i in
                Inventory.Workload(
                    kind: "Deployment", namespace: ["x", "y"].randomElement(using: &random)!, name: "w\(i)",
                    serviceAccount: ["s", "t"].randomElement(using: &random)!, podLabels: labels())
            }
            let inventory = Inventory(workloads: workloads)
            for namespace in ["x", "y", "z"] {
                let wanted = labels()
                let scanned = inventory.workloads(namespace: namespace).filter { w in
                    wanted.allSatisfy { w.podLabels[$0.key] == $0.value }
                }
                #expect(
                    inventory.workloads(namespace: namespace, carrying: wanted) == scanned, "\(namespace) \(wanted)")
                let service = Inventory.Service(
                    namespace: namespace, name: "svc", selector: Bool.random(using: &random) ? wanted : nil, ports: [])
                #expect(
                    inventory.workloads(selectedBy: service)
                        == inventory.workloads(namespace: namespace).filter { service.selects($0.podLabels) })
                for account in ["s", "t", "u"] {
                    #expect(
                        inventory.workloads(namespace: namespace, serviceAccount: account)
                            == inventory.workloads(namespace: namespace).filter { $0.serviceAccount == account })
                }
            }
        }
    }
}

extension InventoryLabelLookupTests {
    /// A large inventory's indexes are made on two threads (from 4,096 workloads and
    /// Services): from workloads and Services in no order, with names and service accounts
    /// that repeat, they equal the indexes made one at a time (assigning the arrays again
    /// indexes them so), and lookups answer what a scan does.
    @Test func indexesMadeAtOnceEqualThoseMadeOneAtATime() {
        var random = SystemRandomNumberGenerator()
        let namespaces = ["a", "b", "c", "d", "e"]
        let workloads = (0..<5000).map { i in
            Inventory.Workload(
                kind: ["Deployment", "StatefulSet"].randomElement(using: &random)!,
                namespace: namespaces.randomElement(using: &random)!,
                name: "w\(i % 1500)", serviceAccount: "sa\(Int.random(in: 0..<40, using: &random))",
                podLabels: [
                    "app": "a\(Int.random(in: 0..<60, using: &random))",
                    "tier": ["x", "y"].randomElement(using: &random)!
                ])
        }.shuffled(using: &random)
        let services = (0..<1000).map { i in
            Inventory.Service(
                namespace: namespaces.randomElement(using: &random)!, name: "s\(i % 300)",
                selector: ["app": "a\(i % 60)"], ports: [])
        }.shuffled(using: &random)
        let inventory = Inventory(workloads: workloads, services: services)
        var oneAtATime = inventory
        oneAtATime.workloads = inventory.workloads
        oneAtATime.services = inventory.services
        #expect(oneAtATime == inventory)
        for namespace in namespaces {
            let scanned = inventory.workloads.filter { $0.namespace == namespace }
            #expect(inventory.workloads(namespace: namespace) == scanned)
            #expect(
                inventory.workloads(namespace: namespace, serviceAccount: "sa7")
                    == scanned.filter { $0.serviceAccount == "sa7" })
            #expect(
                inventory.workloads(namespace: namespace, carrying: ["app": "a3", "tier": "y"])
                    == scanned.filter { $0.podLabels["app"] == "a3" && $0.podLabels["tier"] == "y" })
            #expect(
                inventory.service(namespace: namespace, name: "s17")
                    == inventory.services.first { $0.namespace == namespace && $0.name == "s17" })
        }
    }
}

@Suite struct RenderingOutputTests {
    /// Output handed out piece by piece is the whole output: resources sorted by apiVersion,
    /// kind, namespace and name (equal keys in the order added), as YAML or one JSON line each.
    @Test func piecesMakeTheWholeSortedOutput() throws {
        var rendering = Rendering()
        let names = (0..<3_000).map { "cm-\(($0 * 7919) % 1_000)" }
        for (i, name) in names.enumerated() {
            rendering.add([
                "apiVersion": "v1", "kind": i % 2 == 0 ? "Secret" : "ConfigMap",
                "metadata": ["name": ManifestNode(.string(name)), "namespace": "a"],
                "data": ["i": ManifestNode(.int(i))]
            ])
        }
        let sorted = rendering.resources.enumerated().sorted { a, b in
            func key(_ node: ManifestNode) -> [String] {
                [
                    node.value.mappingValue?["kind"]?.value.stringValue ?? "",
                    node.node(at: "metadata.name")?.value.stringValue ?? ""
                ]
            }
            return key(a.element) != key(b.element)
                ? key(a.element).lexicographicallyPrecedes(key(b.element)) : a.offset < b.offset
        }.map(\.element)
        #expect(rendering.sorted().resources == sorted)

        var json: [UInt8] = []
        for resource in sorted {
            try JSONWriter().write(resource, into: &json)
            json.append(0x0A)
        }
        var pieces: [[UInt8]] = []
        try rendering.writeJSON { pieces.append(Array($0)) }
        #expect(pieces.flatMap { $0 } == json)
        #expect(pieces.count > 1)
        #expect(try rendering.json() == String(decoding: json, as: UTF8.self))

        var yaml: [UInt8] = []
        rendering.writeYAML { yaml.append(contentsOf: $0) }
        #expect(String(decoding: yaml, as: UTF8.self) == YAMLWriter().write(documents: sorted))
        #expect(rendering.yaml() == YAMLWriter().write(documents: sorted))
    }
}

@Suite struct RenderingTypedResourceTests {
    struct Note: KubernetesResource {
        var apiVersion = "v1"
        var kind = "ConfigMap"
        var metadata: ObjectMeta
        var data: [String: String]

        func writeFields(to writer: inout FieldWriter) {
            writer.field("apiVersion", apiVersion)
            writer.field("kind", kind)
            writer.field("metadata", metadata)
            writer.field("data") { entries in
                for key in data.keys.sorted() { entries.field(key, data[key]) }
            }
        }
    }

    /// Typed resources are sorted with manifests by what they say of themselves, encoded
    /// when asked for, and written as their manifests are.
    @Test func typedResourcesSortAndWriteAsTheirManifests() throws {
        var rendering = Rendering()
        rendering.add(Note(metadata: ObjectMeta(name: "b", namespace: "x"), data: ["k": "typed b"]))
        rendering.add(["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "a", "namespace": "x"]])
        rendering.add(Note(metadata: ObjectMeta(name: "a", namespace: "x"), data: ["k": "typed a"]))
        rendering.add(Note(kind: "Alpha", metadata: ObjectMeta(name: "z", namespace: "x"), data: [:]))
        #expect(rendering.resourceCount == 4)
        let encoded = try ManifestEncoder().encode(
            Note(metadata: ObjectMeta(name: "b", namespace: "x"), data: ["k": "typed b"]))
        #expect(rendering.resources.first == encoded)
        let sorted = rendering.sorted().resources
        #expect(
            sorted.map { $0.node(at: "kind")?.value.stringValue } == ["Alpha", "ConfigMap", "ConfigMap", "ConfigMap"])
        #expect(sorted.map { $0.node(at: "metadata.name")?.value.stringValue } == ["z", "a", "a", "b"])
        #expect(
            sorted[1].node(at: "data") == nil && sorted[2].node(at: "data.k") == "typed a",
            "equal keys keep the order they were added in")
        #expect(rendering.yaml() == YAMLWriter().write(documents: sorted))
        #expect(try rendering.json() == sorted.map { try JSONWriter().write($0) + "\n" }.joined())
        #expect(
            rendering.sorted().diagnostics.map(\.description) == [
                "error[SMI2601]: ConfigMap x/a: 2 rendered resources are ConfigMap x/a: applied together, the last would replace the others; rename the SMI objects they come from"
            ], "the manifest and the typed ConfigMap x/a have one name")
    }

    /// Resources of one name in different namespaces, or of different kinds, are no collision.
    @Test func distinctResourcesAreNoCollision() {
        var rendering = Rendering()
        rendering.add(Note(metadata: ObjectMeta(name: "a", namespace: "x"), data: [:]))
        rendering.add(Note(metadata: ObjectMeta(name: "a", namespace: "y"), data: [:]))
        rendering.add(Note(kind: "Secret", metadata: ObjectMeta(name: "a", namespace: "x"), data: [:]))
        #expect(rendering.sorted().diagnostics.isEmpty)
        rendering.add(Note(metadata: ObjectMeta(name: "a", namespace: "y"), data: ["k": "v"]))
        rendering.add(Note(metadata: ObjectMeta(name: "a", namespace: "y"), data: ["k": "w"]))
        #expect(
            rendering.sorted().diagnostics.map(\.message) == [
                "3 rendered resources are ConfigMap y/a: applied together, the last would replace the others; rename the SMI objects they come from"
            ])
    }
}
