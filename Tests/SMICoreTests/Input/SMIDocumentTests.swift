import SMICore
import SMITestSupport
import Testing

@Suite struct SMIDocumentTests {
    private func decode(_ yaml: String, file: String = "in.yaml") throws -> [SMIDocument] {
        try YAMLReader().read(yaml, file: file).map(SMIDocument.decode)
    }

    private func single(_ yaml: String) throws -> SMIDocument {
        let documents = try decode(yaml)
        #expect(documents.count == 1)
        return try #require(documents.first)
    }

    // MARK: Every released version of every kind

    @Test func trafficTargetsOfEveryVersion() throws {
        let v1 = try single(
            """
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: api, namespace: shop}
            destination: {kind: ServiceAccount, name: api, namespace: shop, port: 8080}
            specs:
            - {kind: HTTPRouteGroup, name: routes, matches: [metrics]}
            sources:
            - {kind: ServiceAccount, name: web, namespace: shop}
            """)
        guard case let .smi(.trafficTargetV1Alpha1(t1)) = v1.content else {
            Issue.record("\(v1.diagnostics)")
            return
        }
        #expect(t1.destination.port == 8080)
        #expect(t1.specs == [Access.Rule(kind: "HTTPRouteGroup", name: "routes", matches: ["metrics"])])

        let v2 = try single(
            """
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: api}
            spec:
              destination: {kind: ServiceAccount, name: api, port: 8080}
              rules: [{kind: TCPRoute, name: tcp}]
              sources: [{kind: ServiceAccount, name: web}]
            """)
        guard case let .smi(.trafficTargetV1Alpha2(t2)) = v2.content else {
            Issue.record("\(v2.diagnostics)")
            return
        }
        #expect(t2.spec.rules?.first?.kind == "TCPRoute")

        let v3 = try single(
            """
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: api, namespace: shop}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules: [{kind: UDPRoute, name: dns}]
              sources: [{kind: ServiceAccount, name: web, namespace: front}]
            """)
        guard case let .smi(.trafficTargetV1Alpha3(t3)) = v3.content else {
            Issue.record("\(v3.diagnostics)")
            return
        }
        #expect(t3.spec.sources == [Access.Subject(name: "web", namespace: "front")])
        #expect(v3.object == Diagnostic.Object(kind: "TrafficTarget", namespace: "shop", name: "api"))
    }

    @Test func routeGroupsAndRoutesOfEveryVersion() throws {
        let documents = try decode(
            """
            apiVersion: specs.smi-spec.io/v1alpha1
            kind: HTTPRouteGroup
            metadata: {name: g1}
            matches: [{name: all, pathRegex: "/.*", methods: ["*"]}]
            ---
            apiVersion: specs.smi-spec.io/v1alpha2
            kind: HTTPRouteGroup
            metadata: {name: g2}
            matches:
            - name: android
              headers: [{user-agent: ".*Android.*"}, {x-tenant: "^a$"}]
            ---
            apiVersion: specs.smi-spec.io/v1alpha3
            kind: HTTPRouteGroup
            metadata: {name: g3}
            spec:
              matches:
              - name: api
                pathRegex: /api
                methods: [GET, POST]
                headers: {cookie: "^(.*?;)?(type=insider)(;.*)?$"}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: HTTPRouteGroup
            metadata: {name: g4}
            spec: {matches: [{name: m}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha1
            kind: TCPRoute
            metadata: {name: t1}
            ---
            apiVersion: specs.smi-spec.io/v1alpha2
            kind: TCPRoute
            metadata: {name: t2}
            ---
            apiVersion: specs.smi-spec.io/v1alpha3
            kind: TCPRoute
            metadata: {name: t3}
            spec: {}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: t4}
            spec: {matches: {ports: [5432, 5433]}}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: UDPRoute
            metadata: {name: u4}
            spec: {matches: {ports: []}}
            """)
        #expect(documents.allSatisfy { $0.diagnostics.isEmpty })
        let contents = documents.map(\.content)
        guard case let .smi(.httpRouteGroupV1Alpha2(g2)) = contents[1],
            case let .smi(.httpRouteGroupV1Alpha3(g3)) = contents[2],
            case let .smi(.tcpRouteV1Alpha4(t4)) = contents[7], case .smi(.udpRouteV1Alpha4) = contents[8],
            case .smi(.httpRouteGroupV1Alpha1) = contents[0], case .smi(.httpRouteGroupV1Alpha4) = contents[3],
            case .smi(.tcpRouteV1Alpha1) = contents[4], case .smi(.tcpRouteV1Alpha2) = contents[5],
            case .smi(.tcpRouteV1Alpha3) = contents[6]
        else {
            Issue.record("unexpected contents \(contents)")
            return
        }
        #expect(g2.matches[0].headers?.conditions.map(\.name) == ["user-agent", "x-tenant"])
        #expect(g2.matches[0].headers?.form == .list)
        #expect(g3.spec.matches[0].headers?.form == .map)
        #expect(t4.spec.matches.ports == [5432, 5433])
    }

    @Test func trafficSplitsOfEveryVersion() throws {
        let documents = try decode(
            """
            apiVersion: split.smi-spec.io/v1alpha1
            kind: TrafficSplit
            metadata: {name: s1}
            spec:
              service: web
              backends: [{service: v1, weight: 1}, {service: v2, weight: 500m}, {service: v3, weight: "250m"}]
            ---
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: {name: s2}
            spec: {service: web, backends: [{service: v1, weight: 90}]}
            ---
            apiVersion: split.smi-spec.io/v1alpha3
            kind: TrafficSplit
            metadata: {name: s3}
            spec:
              service: web
              backends: [{service: v1, weight: 90}]
              matches: [{kind: HTTPRouteGroup, name: canary}]
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s4}
            spec: {service: web, backends: []}
            """)
        #expect(documents.allSatisfy { $0.diagnostics.isEmpty })
        guard case let .smi(.trafficSplitV1Alpha1(s1)) = documents[0].content,
            case .smi(.trafficSplitV1Alpha2) = documents[1].content,
            case let .smi(.trafficSplitV1Alpha3(s3)) = documents[2].content,
            case .smi(.trafficSplitV1Alpha4) = documents[3].content
        else {
            Issue.record("unexpected \(documents.map(\.content))")
            return
        }
        #expect(Quantity.integerRatio(s1.spec.backends.map(\.weight)) == [4, 2, 1])
        #expect(s3.spec.matches == [Split.RouteReference(name: "canary")])
    }

    @Test func metricsDecodeExactly() throws {
        let document = try single(
            """
            apiVersion: metrics.smi-spec.io/v1alpha1
            kind: TrafficMetricsList
            resource: {kind: Deployment, namespace: shop, name: web}
            items:
            - apiVersion: metrics.smi-spec.io/v1alpha1
              kind: TrafficMetrics
              metadata: {name: web, namespace: shop}
              timestamp: "2026-11-27T00:00:00Z"
              window: 30s
              resource: {kind: Deployment, namespace: shop, name: web}
              edge: {direction: to, side: client, resource: {}}
              metrics:
              - {name: p99_response_latency, unit: ms, value: 296875m}
              - {name: success_count, value: 73492m}
            """)
        guard case let .smi(.trafficMetricsList(list)) = document.content else {
            Issue.record("\(document.diagnostics)")
            return
        }
        #expect(list.items[0].metrics?[0].value?.description == "296.875")
        #expect(list.items[0].edge?.resource == Metrics.ObjectReference())
    }

    // MARK: Diagnostics

    @Test(arguments: [
        // D17: out-of-version and unknown fields.
        (
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata: {name: t}\nspec:\n  destination: {kind: ServiceAccount, name: a, ⚑port: 80}\n  rules: []\n  sources: []\n",
            "in.yaml:5:48: error[SMI1002]: TrafficTarget default/t: spec.destination.port: unknown field 'port'"
        ),
        (
            "apiVersion: access.smi-spec.io/v1alpha2\nkind: TrafficTarget\nmetadata: {name: t}\nspec:\n  destination: {kind: ServiceAccount, name: a}\n  sources: [{kind: ServiceAccount, name: b, ⚑port: 1}]\n",
            "in.yaml:6:45: error[SMI1002]: TrafficTarget default/t: spec.sources[0].port: unknown field 'port'"
        ),
        (
            "apiVersion: specs.smi-spec.io/v1alpha1\nkind: HTTPRouteGroup\nmetadata: {name: g}\nmatches:\n- name: m\n  ⚑headers: [{a: b}]\n",
            "in.yaml:6:3: error[SMI1002]: HTTPRouteGroup default/g: matches[0].headers: unknown field 'headers'"
        ),
        (
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata: {name: t}\n⚑destination: {kind: ServiceAccount, name: a}\nspec: {destination: {kind: ServiceAccount, name: a}, rules: [], sources: []}\n",
            "in.yaml:4:1: error[SMI1002]: TrafficTarget default/t: destination: unknown field 'destination'"
        ),
        (
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {name: s, namespace: ns}\nspec: {service: a, backends: [], ⚑matches: []}\n",
            "in.yaml:4:34: error[SMI1002]: TrafficSplit ns/s: spec.matches: unknown field 'matches'"
        ),
        // D25: wrong types and missing fields make the object inert.
        (
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: s}\nspec:\n  service: web\n  backends:\n  - service: v1\n    weight: ⚑ten\n",
            "in.yaml:8:13: error[SMI1001]: TrafficSplit default/s: spec.backends[0].weight: expected an integer, found string \"ten\""
        ),
        (
            "apiVersion: split.smi-spec.io/v1alpha1\nkind: TrafficSplit\nmetadata: {name: s}\nspec: {service: web, backends: [{service: v1, weight: ⚑0.1}]}\n",
            "in.yaml:4:55: error[SMI1001]: TrafficSplit default/s: spec.backends[0].weight: expected an integer or a quantity string such as \"500m\" (a float is not a quantity)"
        ),
        (
            "apiVersion: specs.smi-spec.io/v1alpha2\nkind: HTTPRouteGroup\nmetadata: {name: g}\nmatches:\n- name: m\n  headers: [{x-on: ⚑on}]\n",
            "in.yaml:6:20: error[SMI1001]: HTTPRouteGroup default/g: matches[0].headers[0].x-on: expected a string, found boolean true"
        ),
        (
            "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata: {name: t}\nspec:\n  ⚑destination: {kind: ServiceAccount, name: a}\n  sources: []\n",
            "in.yaml:5:3: error[SMI1001]: TrafficTarget default/t: spec.rules: missing required field"
        ),
        // D18: unreleased pairs name the nearest released one.
        (
            "apiVersion: ⚑spec.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata: {name: g}\n",
            "in.yaml:1:13: error[SMI1003]: HTTPRouteGroup default/g: apiVersion: 'spec.smi-spec.io/v1alpha4' HTTPRouteGroup is not a released SMI apiVersion and kind; did you mean specs.smi-spec.io/v1alpha4 HTTPRouteGroup?"
        ),
        (
            "apiVersion: ⚑specs.smi-spec.io/v1alpha3\nkind: UDPRoute\nmetadata: {name: u}\n",
            "in.yaml:1:13: error[SMI1003]: UDPRoute default/u: apiVersion: 'specs.smi-spec.io/v1alpha3' UDPRoute is not a released SMI apiVersion and kind; did you mean specs.smi-spec.io/v1alpha4 UDPRoute?"
        ),
        (
            "apiVersion: ⚑access.smi-spec.io/v1alpha4\nkind: TrafficTarget\nmetadata: {name: t}\n",
            "in.yaml:1:13: error[SMI1003]: TrafficTarget default/t: apiVersion: 'access.smi-spec.io/v1alpha4' TrafficTarget is not a released SMI apiVersion and kind; did you mean access.smi-spec.io/v1alpha3 TrafficTarget?"
        ),
        (
            "apiVersion: ⚑v1alpha3\nkind: TrafficSplit\nmetadata: {name: s}\n",
            "in.yaml:1:13: error[SMI1003]: TrafficSplit default/s: apiVersion: 'v1alpha3' TrafficSplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha3 TrafficSplit?"
        ),
        (
            "apiVersion: ⚑split.smi-spec.io/v1beta1\nkind: TrafficSplit\nmetadata: {name: s}\n",
            "in.yaml:1:13: error[SMI1003]: TrafficSplit default/s: apiVersion: 'split.smi-spec.io/v1beta1' TrafficSplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha4 TrafficSplit?"
        ),
        (
            "apiVersion: ⚑split.smi-spec.io/v1alpha2\nkind: TraficSplit\nmetadata: {name: s}\n",
            "in.yaml:1:13: error[SMI1003]: TraficSplit default/s: apiVersion: 'split.smi-spec.io/v1alpha2' TraficSplit is not a released SMI apiVersion and kind; did you mean split.smi-spec.io/v1alpha2 TrafficSplit?"
        )
    ])
    func invalidObjectsAreInertWithAnExactDiagnostic(marked: String, expected: String) throws {
        let input = MarkedText(marked)
        let document = try single(input.text)
        #expect(document.content == .invalid)
        #expect(document.diagnostics.map(\.description) == [expected])
        #expect(document.diagnostics.first?.location == input.location)
    }

    @Test func wireTypesRefuseAnotherVersionOrKind() throws {
        let marked = MarkedText(
            "apiVersion: ⚑split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {name: s}\nspec: {service: a, backends: []}\n"
        )
        let node = try YAMLReader().readSingle(marked.text, file: "s.yaml")
        let error = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder(file: "s.yaml").decode(Split.V1Alpha4.TrafficSplit.self, from: node)
        }
        #expect(
            error?.description
                == "s.yaml:\(marked.location.line):\(marked.location.column): error: apiVersion: expected apiVersion 'split.smi-spec.io/v1alpha4', found 'split.smi-spec.io/v1alpha2'"
        )
        let route = try YAMLReader().readSingle(
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: UDPRoute\nmetadata: {name: r}\nspec: {matches: {ports: []}}\n"
        )
        let kindError = #expect(throws: ManifestDecodingError.self) {
            try ManifestDecoder().decode(Specs.V1Alpha4.TCPRoute.self, from: route)
        }
        #expect(kindError?.message == "expected kind 'TCPRoute', found 'UDPRoute'")
        #expect(throws: Never.self) { try ManifestDecoder().decode(Specs.V1Alpha4.UDPRoute.self, from: route) }
    }

    @Test func everyUnknownFieldIsReported() throws {
        let document = try single(
            """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s, labeles: {a: b}}
            spec: {service: web, backends: [{service: v1, weight: 1, wieght: 2}]}
            """)
        #expect(document.diagnostics.map(\.path?.description) == ["metadata.labeles", "spec.backends[0].wieght"])
    }

    @Test func otherKubernetesObjectsPassThrough() throws {
        let documents = try decode(
            "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n---\nplain: value\n")
        #expect(documents.map(\.content) == [.other, .other])
        #expect(documents.allSatisfy { $0.diagnostics.isEmpty })
        #expect(documents.map { $0.source.location?.line } == [1, 6])
    }

    // MARK: Writing

    @Test func encodedObjectsReadBackTheSame() throws {
        let yaml = """
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: HTTPRouteGroup
            metadata:
              name: g
              labels: {b: "2", a: "1"}
            spec:
              matches:
              - name: m
                pathRegex: /api
                headers: {x-a: "1", x-b: "2"}
            """
        guard case let .smi(.httpRouteGroupV1Alpha4(group)) = try single(yaml).content else {
            Issue.record("not decoded")
            return
        }
        let written = YAMLWriter().write(try ManifestEncoder().encode(group))
        #expect(
            written == """
                apiVersion: specs.smi-spec.io/v1alpha4
                kind: HTTPRouteGroup
                metadata:
                  name: g
                  labels:
                    b: "2"
                    a: "1"
                spec:
                  matches:
                  - name: m
                    pathRegex: /api
                    headers:
                    - x-a: "1"
                    - x-b: "2"

                """)
        guard case let .smi(.httpRouteGroupV1Alpha4(again)) = try single(written).content else {
            Issue.record("not decoded")
            return
        }
        // Read back, the conditions are in the list form, one per item.
        var expected = group
        expected.spec.matches[0].headers = HTTPHeaderConditions([
            .init(name: "x-a", regex: "1", item: 0), .init(name: "x-b", regex: "2", item: 1)
        ])
        #expect(again == expected)
    }

    @Test func quantityWeightsAreWrittenAsKubernetesQuantities() throws {
        let split = Split.V1Alpha1.TrafficSplit(
            metadata: ObjectMeta(name: "s"),
            spec: Split.QuantitySpec(
                service: "web",
                backends: [
                    Split.QuantityBackend(service: "a", weight: Quantity(1)),
                    Split.QuantityBackend(service: "b", weight: try Quantity(parsing: "500m"))
                ]))
        let written = YAMLWriter().write(try ManifestEncoder().encode(split))
        #expect(written.contains("weight: 1\n"))
        #expect(written.contains("weight: 500m\n"))
    }
}
