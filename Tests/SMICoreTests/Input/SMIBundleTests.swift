import SMICore
import Testing

/// What a bundle indexes and what it keeps of objects it leaves out.
@Suite struct SMIBundleTests {
    static func bundle(_ yaml: String) throws -> SMIBundle {
        SMIBundle(try YAMLReader().read(yaml))
    }

    /// An invalid TrafficTarget grants nothing, but its namespaces stay in `namespaces`, so an
    /// adapter still closes them: leaving them open would allow what SMI denies.
    @Test func namespacesIncludeInvalidObjects() throws {
        let bundle = try Self.bundle(
            """
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: t, namespace: team}
            spec:
              destination: {kind: ServiceAccount, name: api, namespace: shop, port: 70000}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: old, namespace: legacy}
            destination: {kind: ServiceAccount, name: db, namespace: data, port: "5432"}
            specs: [{kind: HTTPRouteGroup, name: routes}]
            sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: tcp}
            spec: {matches: {ports: [5432]}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: elsewhere}
            """)
        #expect(bundle.trafficTargets.isEmpty)
        #expect(bundle.namespaces == ["team", "shop", "legacy", "data", "default"])
        #expect(
            bundle.diagnostics.contains {
                $0.description
                    == "5:73: error[SMI2301]: TrafficTarget team/t: spec.destination.port: destination port 70000 is not in 1-65535, so this target grants nothing"
            })
    }

    /// Items share their parts, but are values: changing a copy leaves the original as it was.
    @Test func itemsAreValues() throws {
        let bundle = try Self.bundle(
            """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: 1}]}
            """)
        let original = try #require(bundle.trafficSplits.first)
        var copy = original
        copy.object.spec.service = "other"
        copy.key = SMIBundle.Key(namespace: "elsewhere", name: "t")
        copy.document.apiVersion = "x/v1"
        #expect(original.object.spec.service == "web" && original.key.description == "shop/s")
        #expect(original.document.apiVersion == "split.smi-spec.io/v1alpha4")
        #expect(
            copy.object.spec.service == "other" && copy.key.description == "elsewhere/t"
                && copy.document.apiVersion == "x/v1")
        #expect(copy.object.spec.backends == original.object.spec.backends)
    }

    /// An item's document holds the object in its canonical version (which is `object`),
    /// and says how it was written; the object as written is not kept beside it.
    @Test func anItemsDocumentHoldsTheCanonicalObject() throws {
        let bundle = try Self.bundle(
            """
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: {name: s, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: 1}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha1
            kind: HTTPRouteGroup
            metadata: {name: g, namespace: shop}
            matches: [{name: m, pathRegex: /a, methods: [GET]}]
            """)
        var split = try #require(bundle.trafficSplits.first)
        let group = try #require(bundle.httpRouteGroups[SMIBundle.Key(namespace: "shop", name: "g")])
        #expect(split.document.content == .smi(.trafficSplitV1Alpha4(split.object)))
        #expect(
            split.document.apiVersion == "split.smi-spec.io/v1alpha2"
                && split.document.object?.description == "TrafficSplit shop/s")
        #expect(group.document.content == .smi(.httpRouteGroupV1Alpha4(group.object)))
        #expect(group.document.apiVersion == "specs.smi-spec.io/v1alpha1")
        var changed = split.object
        changed.spec.service = "api"
        var document = split.document
        document.content = .smi(.trafficSplitV1Alpha4(changed))
        split.document = document
        #expect(split.object.spec.service == "api", "a content of the item's kind sets the object")
        document.content = .invalid
        split.document = document
        #expect(split.object.spec.service == "api" && split.document.content == .smi(.trafficSplitV1Alpha4(changed)))
        split.key = SMIBundle.Key(namespace: "other", name: "renamed")
        #expect(split.document.object?.description == "TrafficSplit shop/s", "the document names the object as written")
        document.object = Diagnostic.Object(kind: "TrafficSplit", namespace: nil, name: "as-written")
        split.document = document
        #expect(split.document.object == document.object && split.key.name == "renamed")
        #expect(
            split.document.source.location == document.source.location
                && split.document.apiVersion == "split.smi-spec.io/v1alpha2")
    }

    /// Equal methods lists, header conditions and rule match names of different objects are
    /// one storage in the bundle (a mesh repeats them tens of thousands of times), and the
    /// values are those written.
    @Test func repeatedValuesAreStoredOnce() throws {
        let group = { (name: String) in
            """
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: HTTPRouteGroup
            metadata: {name: \(name), namespace: shop}
            spec:
              matches:
              - {name: read, methods: [GET, HEAD], headers: [{x-team: "^(a|b)$"}]}
              - {name: write, methods: [POST]}
            """
        }
        let target = { (name: String) in
            """
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: \(name), namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api, namespace: shop}
              rules: [{kind: HTTPRouteGroup, name: g1, matches: [read, write]}]
              sources: [{kind: ServiceAccount, name: web, namespace: shop}]
            """
        }
        let bundle = try Self.bundle(
            [group("g1"), group("g2"), target("t1"), target("t2")].joined(separator: "\n---\n"))
        let groups = try ["g1", "g2"].map {
            try #require(bundle.httpRouteGroups[SMIBundle.Key(namespace: "shop", name: $0)]?.object.spec.matches)
        }
        func storage<T>(_ array: [T]?) -> UnsafeRawPointer? {
            array?.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
        #expect(groups[0][0].methods == ["GET", "HEAD"] && groups[0][1].methods == ["POST"])
        #expect(groups[0][0].headers?.conditions.map(\.regex) == ["^(a|b)$"])
        #expect(storage(groups[0][0].methods) == storage(groups[1][0].methods))
        #expect(storage(groups[0][1].methods) == storage(groups[1][1].methods))
        #expect(storage(groups[0][0].methods) != storage(groups[0][1].methods))
        #expect(storage(groups[0][0].headers?.conditions) == storage(groups[1][0].headers?.conditions))
        let rules = bundle.trafficTargets.map { $0.object.spec.rules[0].matches }
        #expect(rules[0] == ["read", "write"] && storage(rules[0]) == storage(rules[1]))
        // Equal text of other bytes keeps its own bytes (a regex matches bytes).
        let accented = try Self.bundle(
            ["caf\u{E9}", "cafe\u{301}"].enumerated().map { i, text in
                """
                apiVersion: specs.smi-spec.io/v1alpha4
                kind: HTTPRouteGroup
                metadata: {name: a\(i), namespace: shop}
                spec: {matches: [{name: m, headers: [{x: "\(text)"}]}]}
                """
            }.joined(separator: "\n---\n"))
        let regexes = try (0..<2).map {
            try #require(
                accented.httpRouteGroups[SMIBundle.Key(namespace: "shop", name: "a\($0)")]?.object.spec.matches[0]
                    .headers?.conditions[0].regex)
        }
        #expect(
            Array(regexes[0].utf8) == Array("caf\u{E9}".utf8) && Array(regexes[1].utf8) == Array("cafe\u{301}".utf8))
    }

    /// An access v1alpha1/v1alpha2 destination port is kept beside the canonical target.
    @Test func keepsTheDestinationPortOfOlderTargets() throws {
        let bundle = try Self.bundle(
            """
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: t, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api, port: 8080}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: old, namespace: shop}
            destination: {kind: ServiceAccount, name: db, port: 5432}
            specs: [{kind: TCPRoute, name: tcp}]
            sources: [{kind: ServiceAccount, name: api}]
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: new, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: ops}]
            """)
        #expect(bundle.trafficTargets.map(\.key.name) == ["new", "old", "t"])
        #expect(
            bundle.destinationPorts == [
                .init(namespace: "shop", name: "t"): 8080, .init(namespace: "shop", name: "old"): 5432
            ])
        #expect(!bundle.diagnostics.contains { $0.severity == .error })
    }

    /// A target that replaces one of the same name keeps the port it names, or none: the port
    /// of the one it replaced would narrow what it grants.
    @Test func aReplacingTargetHasItsOwnDestinationPort() throws {
        func older(port: Int) -> String {
            """
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: t, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api, port: \(port)}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: web}]
            """
        }
        let newer = """
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: web}]
            """
        let key = SMIBundle.Key(namespace: "shop", name: "t")
        #expect(try Self.bundle(older(port: 8080) + "\n---\n" + newer).destinationPorts[key] == nil)
        #expect(try Self.bundle(newer + "\n---\n" + older(port: 8080)).destinationPorts[key] == 8080)
        #expect(try Self.bundle(older(port: 8080) + "\n---\n" + older(port: 9090)).destinationPorts[key] == 9090)
    }
}
