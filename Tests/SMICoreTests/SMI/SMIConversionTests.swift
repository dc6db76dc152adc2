import SMICore
import SMITestSupport
import Testing

@Suite struct SMIConversionTests {
    private func document(_ yaml: String) throws -> SMIDocument {
        try SMIDocument.decode(#require(YAMLReader().read(yaml, file: "in.yaml").first))
    }

    /// Objects of every version that convert without loss, with their version.
    static let lossless: [(String, String)] = [
        (
            "access.smi-spec.io/v1alpha1",
            """
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: t, namespace: ns}
            destination: {kind: ServiceAccount, name: api, namespace: ns}
            specs: [{kind: HTTPRouteGroup, name: g, matches: [m]}]
            sources: [{kind: ServiceAccount, name: web}]
            """
        ),
        (
            "access.smi-spec.io/v1alpha2",
            """
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: t}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules: [{kind: TCPRoute, name: r}]
              sources: [{kind: ServiceAccount, name: web}]
            """
        ),
        (
            "access.smi-spec.io/v1alpha3",
            """
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules: [{kind: UDPRoute, name: r}]
              sources: [{kind: ServiceAccount, name: web}]
            """
        ),
        (
            "specs.smi-spec.io/v1alpha1",
            """
            apiVersion: specs.smi-spec.io/v1alpha1
            kind: HTTPRouteGroup
            metadata: {name: g}
            matches: [{name: m, pathRegex: /api, methods: [GET]}]
            """
        ),
        (
            "specs.smi-spec.io/v1alpha2",
            """
            apiVersion: specs.smi-spec.io/v1alpha2
            kind: HTTPRouteGroup
            metadata: {name: g}
            matches: [{name: m, headers: [{x-a: "1"}]}]
            """
        ),
        (
            "specs.smi-spec.io/v1alpha3",
            """
            apiVersion: specs.smi-spec.io/v1alpha3
            kind: HTTPRouteGroup
            metadata: {name: g}
            spec: {matches: [{name: m, methods: ["*"]}]}
            """
        ),
        ("specs.smi-spec.io/v1alpha1", "apiVersion: specs.smi-spec.io/v1alpha1\nkind: TCPRoute\nmetadata: {name: r}\n"),
        ("specs.smi-spec.io/v1alpha2", "apiVersion: specs.smi-spec.io/v1alpha2\nkind: TCPRoute\nmetadata: {name: r}\n"),
        (
            "specs.smi-spec.io/v1alpha3",
            "apiVersion: specs.smi-spec.io/v1alpha3\nkind: TCPRoute\nmetadata: {name: r}\nspec: {}\n"
        ),
        (
            "specs.smi-spec.io/v1alpha4",
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: UDPRoute\nmetadata: {name: r}\nspec: {matches: {ports: [53]}}\n"
        ),
        (
            "split.smi-spec.io/v1alpha1",
            """
            apiVersion: split.smi-spec.io/v1alpha1
            kind: TrafficSplit
            metadata: {name: s}
            spec: {service: web, backends: [{service: a, weight: 3}, {service: b, weight: 0}]}
            """
        ),
        (
            "split.smi-spec.io/v1alpha2",
            """
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplit
            metadata: {name: s}
            spec: {service: web, backends: [{service: a, weight: 90}, {service: b, weight: 10}]}
            """
        ),
        (
            "split.smi-spec.io/v1alpha3",
            """
            apiVersion: split.smi-spec.io/v1alpha3
            kind: TrafficSplit
            metadata: {name: s}
            spec: {service: web, backends: [{service: a, weight: 1}], matches: [{kind: HTTPRouteGroup, name: g}]}
            """
        ),
        // Metrics v1alpha2 (notes D24): edge.side and backend.
        (
            "metrics.smi-spec.io/v1alpha2",
            """
            apiVersion: metrics.smi-spec.io/v1alpha2
            kind: TrafficMetrics
            metadata: {name: m, namespace: shop}
            resource: {kind: TrafficSplit, namespace: shop, name: web}
            edge: {direction: to, side: client, resource: {}}
            backend: {apex: web, name: web-v2, weight: 10}
            metrics: [{name: success_count, value: "12"}]
            """
        ),
        (
            "metrics.smi-spec.io/v1alpha2",
            """
            apiVersion: metrics.smi-spec.io/v1alpha2
            kind: TrafficMetricsList
            resource: {kind: Deployment}
            items:
            - apiVersion: metrics.smi-spec.io/v1alpha2
              kind: TrafficMetrics
              metadata: {name: m}
              edge: {direction: from, side: server}
            """
        )
    ]

    @Test func metricsGoUpToV1Alpha2AndDownWhenNothingIsLost() throws {
        let v1 = try document(
            "apiVersion: metrics.smi-spec.io/v1alpha1\nkind: TrafficMetrics\nmetadata: {name: m}\nedge: {direction: to}\n"
        )
        guard case let .trafficMetrics(up)? = v1.converted(to: "metrics.smi-spec.io/v1alpha2").object else {
            Issue.record("not converted")
            return
        }
        #expect(up.apiVersion == "metrics.smi-spec.io/v1alpha2" && up.edge?.direction == "to")
        guard
            case let .trafficMetrics(down)? = try document(
                YAMLWriter().write(documents: [ManifestEncoder().encode(up)])
            )
            .converted(to: "metrics.smi-spec.io/v1alpha1").object
        else {
            Issue.record("not converted back")
            return
        }
        #expect(down.apiVersion == "metrics.smi-spec.io/v1alpha1")
    }

    @Test(arguments: lossless)
    func everyVersionGoesUpAndBackUnchanged(apiVersion: String, yaml: String) throws {
        let original = try document(yaml)
        guard case let .smi(object) = original.content else {
            Issue.record("not decoded: \(original.diagnostics)")
            return
        }
        let back = original.converted(to: apiVersion)
        #expect(back.diagnostics.isEmpty)
        #expect(back.object == object)
    }

    @Test func quantityWeightsBecomeTheirExactIntegerRatio() throws {
        let split = try document(
            """
            apiVersion: split.smi-spec.io/v1alpha1
            kind: TrafficSplit
            metadata: {name: s}
            spec: {service: web, backends: [{service: a, weight: 1}, {service: b, weight: 500m}, {service: c, weight: 250m}, {service: d, weight: 0}]}
            """)
        guard case let .trafficSplit(canonical)? = split.canonical().object else {
            Issue.record("not converted")
            return
        }
        #expect(canonical.spec.backends.map(\.weight) == [4, 2, 1, 0])
        #expect(canonical.apiVersion == "split.smi-spec.io/v1alpha4")
    }

    @Test(arguments: [
        // A destination port has no place in v1alpha3 (notes 4.4): refuse, never drop.
        (
            """
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: t, namespace: ns}
            spec:
              destination: {kind: ServiceAccount, name: api, port: ⚑8080}
              rules: [{kind: HTTPRouteGroup, name: g}]
              sources: [{kind: ServiceAccount, name: web}]
            """, "access.smi-spec.io/v1alpha3",
            "error[SMI1101]: TrafficTarget ns/t: spec.destination.port: destination port 8080 has no place in access.smi-spec.io/v1alpha3; dropping it would allow every port, so convert its rules to TCPRoutes with ports [8080] first"
        ),
        (
            """
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules: [{kind: HTTPRouteGroup, name: g}, {kind: ⚑UDPRoute, name: dns}]
              sources: [{kind: ServiceAccount, name: web}]
            """, "access.smi-spec.io/v1alpha2",
            "error[SMI1101]: TrafficTarget default/t: spec.rules[1].kind: UDPRoute rules do not exist before access.smi-spec.io/v1alpha3"
        ),
        (
            """
            apiVersion: specs.smi-spec.io/v1alpha3
            kind: HTTPRouteGroup
            metadata: {name: g}
            spec: {matches: [{name: a}, {name: b, headers: ⚑[{x: z}]}]}
            """, "specs.smi-spec.io/v1alpha1",
            "error[SMI1101]: HTTPRouteGroup default/g: spec.matches[1].headers: v1alpha1 matches have no headers; dropping them would widen the match"
        ),
        (
            """
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: r}
            spec: {matches: {ports: ⚑[5432]}}
            """, "specs.smi-spec.io/v1alpha3",
            "error[SMI1101]: TCPRoute default/r: spec.matches.ports: TCPRoutes before v1alpha4 cover every port; dropping the ports would widen the route"
        ),
        (
            """
            apiVersion: ⚑specs.smi-spec.io/v1alpha4
            kind: UDPRoute
            metadata: {name: r}
            spec: {matches: {ports: []}}
            """, "specs.smi-spec.io/v1alpha3",
            "error[SMI1101]: UDPRoute default/r: apiVersion: UDPRoute exists only in specs.smi-spec.io/v1alpha4"
        ),
        (
            """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s}
            spec: {service: web, backends: [{service: a, weight: 1}], matches: ⚑[{kind: HTTPRouteGroup, name: g}]}
            """, "split.smi-spec.io/v1alpha2",
            "error[SMI1101]: TrafficSplit default/s: spec.matches: splits before v1alpha3 apply to all traffic; dropping matches would widen the split"
        ),
        (
            """
            apiVersion: split.smi-spec.io/v1alpha1
            kind: TrafficSplit
            metadata: {name: s}
            spec: {service: web, backends: [{service: a, weight: ⚑1E}, {service: b, weight: 1n}]}
            """, "split.smi-spec.io/v1alpha4",
            "error[SMI1101]: TrafficSplit default/s: spec.backends[0].weight: weights [\"1000000000000000000\", \"1n\"] have no exact integer ratio"
        ),
        // A v1alpha1 client of the metrics API drops what v1alpha2 added.
        (
            """
            apiVersion: metrics.smi-spec.io/v1alpha2
            kind: TrafficMetrics
            metadata: {name: m}
            edge: {direction: to, side: ⚑client}
            """, "metrics.smi-spec.io/v1alpha1",
            "error[SMI1101]: TrafficMetrics default/m: edge.side: edge.side exists only from metrics.smi-spec.io/v1alpha2"
        ),
        (
            """
            apiVersion: metrics.smi-spec.io/v1alpha2
            kind: TrafficMetricsList
            items:
            - apiVersion: metrics.smi-spec.io/v1alpha2
              kind: TrafficMetrics
              metadata: {name: m}
            - apiVersion: metrics.smi-spec.io/v1alpha2
              kind: TrafficMetrics
              metadata: {name: mb}
              backend: ⚑{apex: web, name: web-v2, weight: 1}
            """, "metrics.smi-spec.io/v1alpha1",
            "error[SMI1101]: TrafficMetricsList (unnamed): items[1].backend: backend exists only from metrics.smi-spec.io/v1alpha2"
        ),
        // UDPRoute rules are outside the CRD enum of access v1alpha1 and v1alpha2 (D25).
        (
            """
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: t}
            destination: {kind: ServiceAccount, name: api}
            specs: [{kind: ⚑UDPRoute, name: dns}]
            sources: [{kind: ServiceAccount, name: web}]
            """, "access.smi-spec.io/v1alpha3",
            "error[SMI2107]: TrafficTarget default/t: specs[0].kind: rule kind 'UDPRoute' is not in access.smi-spec.io/v1alpha1, whose CRD allows HTTPRouteGroup and TCPRoute (UDPRoute rules exist from access.smi-spec.io/v1alpha3): a cluster rejects this TrafficTarget, so it grants nothing"
        )
    ])
    func lossyConversionsAreRefusedAtTheField(marked: String, apiVersion: String, expected: String) throws {
        let input = MarkedText(marked)
        let result = try document(input.text).converted(to: apiVersion)
        #expect(result.object == nil)
        let at = "in.yaml:\(input.location.line):\(input.location.column): "
        #expect(result.diagnostics.map(\.description) == [at + expected])
    }
}
