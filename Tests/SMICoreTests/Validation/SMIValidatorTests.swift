import SMICore
import SMITestSupport
import Testing

/// Each invalid manifest with the one diagnostic it must produce, at the marker.
@Suite struct SMIValidatorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let manifest: String
        let expected: String
        var testDescription: String { id }
    }

    /// A valid route group and routes that the cases below may refer to.
    static let context = """
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: {name: routes, namespace: ns}
        spec: {matches: [{name: api, pathRegex: /api, methods: [GET]}]}
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: TCPRoute
        metadata: {name: tcp, namespace: ns}
        spec: {matches: {ports: [8080]}}
        ---

        """

    static func target(
        rules: String = "[{kind: HTTPRouteGroup, name: routes}]",
        sources: String = "[{kind: ServiceAccount, name: web, namespace: ns}]",
        destination: String = "{kind: ServiceAccount, name: api, namespace: ns}"
    ) -> String {
        "apiVersion: access.smi-spec.io/v1alpha3\nkind: TrafficTarget\nmetadata: {name: t, namespace: ns}\nspec:\n  destination: \(destination)\n  rules: \(rules)\n  sources: \(sources)\n"
    }

    static func split(_ backends: String, matches: String = "") -> String {
        "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: web, namespace: ns}\nspec:\n  service: web\n  backends: \(backends)\n\(matches)"
    }

    static func group(_ matches: String) -> String {
        "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata: {name: g, namespace: ns}\nspec:\n  matches: \(matches)\n"
    }

    static let cases: [Case] = [
        Case(
            id: "negative-weight", manifest: split("[{service: a, weight: 10}, {service: b, weight: ⚑-5}]"),
            expected: "error[SMI2001]: TrafficSplit ns/web: spec.backends[1].weight: must not be negative"),
        Case(
            id: "all-zero", manifest: split("⚑[{service: a, weight: 0}]"),
            expected:
                "error[SMI2002]: TrafficSplit ns/web: spec.backends: no backend has a weight above 0: the split cannot route; it is not rendered"
        ),
        Case(
            id: "no-backends", manifest: split("⚑[]"),
            expected:
                "error[SMI2002]: TrafficSplit ns/web: spec.backends: a TrafficSplit without backends cannot route; it is not rendered"
        ),
        Case(
            id: "duplicate-backend", manifest: split("[{service: a, weight: 1}, {service: ⚑a, weight: 2}]"),
            expected: "error[SMI2003]: TrafficSplit ns/web: spec.backends[1].service: Service 'a' is already backend 0"),
        Case(
            id: "backend-is-root", manifest: split("[{service: ⚑web, weight: 1}]"),
            expected:
                "warning[SMI2004]: TrafficSplit ns/web: spec.backends[0].service: the root Service is also a backend; its share goes to the root's own endpoints"
        ),
        Case(
            id: "split-missing-group",
            manifest: split("[{service: a, weight: 1}]", matches: "  matches: [{kind: HTTPRouteGroup, name: ⚑nope}]\n"),
            expected:
                "error[SMI2104]: TrafficSplit ns/web: spec.matches[0].name: HTTPRouteGroup ns/nope does not exist; the split is not rendered"
        ),
        Case(
            id: "no-rules", manifest: target(rules: "⚑[]"),
            expected: "error[SMI2101]: TrafficTarget ns/t: spec.rules: a TrafficTarget without rules grants nothing"),
        Case(
            id: "no-sources", manifest: target(sources: "⚑[]"),
            expected: "error[SMI2101]: TrafficTarget ns/t: spec.sources: a TrafficTarget without sources grants nothing"
        ),
        Case(
            id: "source-kind", manifest: target(sources: "[{kind: ⚑Group, name: web, namespace: ns}]"),
            expected:
                "error[SMI2102]: TrafficTarget ns/t: spec.sources[0].kind: source kind 'Group' is not ServiceAccount; this source matches nothing"
        ),
        Case(
            id: "destination-elsewhere",
            manifest: target(destination: "{kind: ServiceAccount, name: api, namespace: ⚑other}"),
            expected:
                "warning[SMI2103]: TrafficTarget ns/t: spec.destination.namespace: the destination is in namespace 'other', not the TrafficTarget's own ('ns')"
        ),
        Case(
            id: "missing-group", manifest: target(rules: "[{kind: HTTPRouteGroup, name: ⚑nope}]"),
            expected:
                "error[SMI2104]: TrafficTarget ns/t: spec.rules[0].name: HTTPRouteGroup ns/nope does not exist; this rule grants nothing"
        ),
        Case(
            id: "missing-match",
            manifest: target(rules: "[{kind: HTTPRouteGroup, name: routes, matches: [api, ⚑nope]}]"),
            expected:
                "error[SMI2104]: TrafficTarget ns/t: spec.rules[0].matches[1]: HTTPRouteGroup ns/routes has no match 'nope'; it grants nothing"
        ),
        Case(
            id: "empty-matches", manifest: target(rules: "[{kind: HTTPRouteGroup, name: routes, matches: ⚑[]}]"),
            expected:
                "info[SMI2105]: TrafficTarget ns/t: spec.rules[0].matches: 'matches: []' means every match of the group"
        ),
        Case(
            id: "tcp-rule-matches", manifest: target(rules: "[{kind: TCPRoute, name: tcp, matches: ⚑[x]}]"),
            expected:
                "error[SMI2106]: TrafficTarget ns/t: spec.rules[0].matches: matches on a TCPRoute rule have no meaning; this rule grants nothing"
        ),
        Case(
            id: "rule-kind", manifest: target(rules: "[{kind: ⚑GRPCRoute, name: x}]"),
            expected:
                "error[SMI2107]: TrafficTarget ns/t: spec.rules[0].kind: rule kind 'GRPCRoute' is not HTTPRouteGroup, TCPRoute or UDPRoute; the TrafficTarget is invalid and grants nothing"
        ),
        Case(
            id: "mixed-rules",
            manifest: target(rules: "⚑[{kind: HTTPRouteGroup, name: routes}, {kind: TCPRoute, name: tcp}]"),
            expected:
                "warning[SMI2108]: TrafficTarget ns/t: spec.rules: TCPRoute rules only narrow the ports of the HTTPRouteGroup rules here; raw TCP is not granted"
        ),
        Case(
            id: "duplicate-match", manifest: group("[{name: a, pathRegex: /a}, {name: ⚑a, pathRegex: /b}]"),
            expected:
                "error[SMI2201]: HTTPRouteGroup ns/g: spec.matches[1].name: match name 'a' is also used by match 0; rules naming it grant nothing"
        ),
        Case(
            id: "invalid-regex", manifest: group("[{name: a, pathRegex: ⚑\"(?<=x)\"}]"),
            expected:
                "error[SMI2202]: HTTPRouteGroup ns/g: spec.matches[0].pathRegex: not an RE2 regular expression: look-around is not supported by RE2; this match grants nothing"
        ),
        Case(
            id: "invalid-method", manifest: group("[{name: a, methods: [GET, ⚑get]}]"),
            expected:
                "error[SMI2203]: HTTPRouteGroup ns/g: spec.matches[0].methods[1]: 'get' is not an HTTP method of the CRD (or '*'); the HTTPRouteGroup is invalid and grants nothing"
        ),
        Case(
            id: "duplicate-header", manifest: group("[{name: a, headers: [{x-a: \"1\"}, {X-A: ⚑\"2\"}]}]"),
            expected:
                "error[SMI2204]: HTTPRouteGroup ns/g: spec.matches[0].headers[1].X-A: header 'X-A' is named twice in one match; the match grants nothing"
        ),
        Case(
            id: "multi-key-header-item", manifest: group("[{name: a, headers: [⚑{x-a: \"1\", x-b: \"2\"}]}]"),
            expected:
                "warning[SMI2205]: HTTPRouteGroup ns/g: spec.matches[0].headers[0]: this list item names 2 headers; they are all required, but the SMI SDK rejects such an item"
        ),
        Case(
            id: "matches-everything", manifest: group("[⚑{name: a}]"),
            expected:
                "warning[SMI2206]: HTTPRouteGroup ns/g: spec.matches[0]: match 'a' has no path, methods or headers: it matches every HTTP request"
        ),
        Case(
            id: "dead-query", manifest: group("[{name: a, pathRegex: ⚑\"/search\\\\?q=.*\"}]"),
            expected:
                "warning[SMI2207]: HTTPRouteGroup ns/g: spec.matches[0].pathRegex: every match needs a '?', but the path never holds the query string: this match can never match"
        ),
        Case(
            id: "port-range",
            manifest:
                "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata: {name: r, namespace: ns}\nspec: {matches: {ports: [80, ⚑70000]}}\n",
            expected:
                "error[SMI2301]: TCPRoute ns/r: spec.matches.ports[1]: port 70000 is not between 1 and 65535; it is ignored"
        ),
        Case(
            id: "route-name",
            manifest:
                "apiVersion: specs.smi-spec.io/v1alpha4\nkind: UDPRoute\nmetadata: {name: r, namespace: ns}\nspec: {matches: {name: ⚑dns, ports: [53]}}\n",
            expected:
                "warning[SMI2302]: UDPRoute ns/r: spec.matches.name: a name on the ports of a route has no meaning and is ignored"
        ),
        Case(
            id: "invalid-name",
            manifest:
                "apiVersion: specs.smi-spec.io/v1alpha4\nkind: TCPRoute\nmetadata: {name: ⚑My_Route, namespace: ns}\nspec: {matches: {ports: []}}\n",
            expected:
                "error[SMI2401]: TCPRoute ns/My_Route: metadata.name: 'My_Route' is not a valid object name (DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253)"
        ),
        Case(
            id: "root-service-fqdn",
            manifest:
                "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: s, namespace: ns}\nspec: {service: ⚑web.ns.svc.cluster.local, backends: [{service: a, weight: 1}]}\n",
            expected:
                "info[SMI2006]: TrafficSplit ns/s: spec.service: the root Service is read as 'web' in this namespace"),
        Case(
            id: "root-service-elsewhere",
            manifest:
                "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: s, namespace: ns}\nspec: {service: ⚑web.other, backends: [{service: a, weight: 1}]}\n",
            expected:
                "error[SMI2006]: TrafficSplit ns/s: spec.service: 'web.other' is not a Service in namespace 'ns'; a split's root must be one"
        ),
        Case(
            id: "repeated-method", manifest: group("[{name: a, methods: [GET, ⚑GET]}]"),
            expected: "warning[SMI2208]: HTTPRouteGroup ns/g: spec.matches[0].methods[1]: method 'GET' is listed twice"),
        Case(
            id: "pseudo-header", manifest: group("[{name: a, headers: [{\":authority\": ⚑\"x\"}]}]"),
            expected:
                "warning[SMI2209]: HTTPRouteGroup ns/g: spec.matches[0].headers[0].:authority: a condition on ':authority' may not be enforceable: SMI does not say whether it can be matched"
        ),
        Case(
            id: "v1alpha1-match-needs-path-and-methods",
            manifest:
                "apiVersion: specs.smi-spec.io/v1alpha1\nkind: HTTPRouteGroup\nmetadata: {name: g, namespace: ns}\nmatches: [⚑{name: a, pathRegex: /a}]\n",
            expected:
                "error[SMI1101]: HTTPRouteGroup ns/g: matches[0]: a v1alpha1 match requires pathRegex and methods; this one has no methods, so the group is not used"
        ),
        Case(
            id: "version-pairing",
            manifest:
                "apiVersion: specs.smi-spec.io/v1alpha2\nkind: TCPRoute\nmetadata: {name: old, namespace: ns}\n---\n"
                + target(rules: "[{kind: TCPRoute, name: ⚑old}]"),
            expected:
                "info[SMI2109]: TrafficTarget ns/t: spec.rules[0].name: access.smi-spec.io/v1alpha3 is documented with specs.smi-spec.io/v1alpha4, this refers to a specs.smi-spec.io/v1alpha2 TCPRoute; references resolve on the canonical objects all the same"
        ),
        Case(
            id: "two-splits-one-root",
            manifest: split("[{service: a, weight: 1}]")
                + "---\napiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: web2, namespace: ns}\nspec: {service: ⚑web, backends: [{service: b, weight: 1}]}\n",
            expected:
                "error[SMI2005]: TrafficSplit ns/web2: spec.service: TrafficSplit ns/web already splits Service ns/web; nothing orders two splits of one root"
        ),
        Case(
            id: "fractional-weight", manifest: split("[{service: a, weight: ⚑66.5}]"),
            expected:
                "error[SMI1001]: TrafficSplit ns/web: spec.backends[0].weight: expected an integer, found number 66.5"),
        Case(
            id: "v1alpha1-paths-as-written",
            manifest:
                "apiVersion: access.smi-spec.io/v1alpha1\nkind: TrafficTarget\nmetadata: {name: t, namespace: ns}\ndestination: {kind: ServiceAccount, name: api, namespace: ns}\nspecs: [{kind: HTTPRouteGroup, name: ⚑nope}]\nsources: [{kind: ServiceAccount, name: web, namespace: ns}]\n",
            expected:
                "error[SMI2104]: TrafficTarget ns/t: specs[0].name: HTTPRouteGroup ns/nope does not exist; this rule grants nothing"
        )
    ]

    @Test(arguments: cases)
    func reportsTheProblemAtItsField(c: Case) throws {
        let input = MarkedText(Self.context + c.manifest)
        let diagnostics = SMIValidator().validate(SMIBundle(try YAMLReader().read(input.text, file: "case.yaml")))
        let expected = "case.yaml:\(input.location.line):\(input.location.column): " + c.expected
        #expect(diagnostics.map(\.description) == [expected])
    }

    @Test func aValidBundleHasNoFindings() throws {
        let valid =
            Self.context + Self.target() + "---\n"
            + Self.split(
                "[{service: v1, weight: 90}, {service: v2, weight: 10}]",
                matches: "  matches: [{kind: HTTPRouteGroup, name: routes}]\n")
        #expect(SMIValidator().validate(SMIBundle(try YAMLReader().read(valid))).isEmpty)
    }

    @Test func everyCodeIsExplained() {
        for code in [
            DiagnosticCode.negativeWeight, .zeroWeights, .emptyTarget, .invalidRegex, .portRange, .invalidName, .schema,
            .unknownField
        ] {
            #expect(DiagnosticCode.catalogue[code] != nil, "\(code)")
        }
    }
}
