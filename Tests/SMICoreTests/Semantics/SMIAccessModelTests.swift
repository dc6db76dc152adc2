import SMICore
import SMITestSupport
import Testing

/// The access model over the examples of the SMI notes (sections 8.1 and 9), each request
/// with its expected verdict.
@Suite struct SMIAccessModelTests {
    /// The spec's L7 example (a TCPRoute on 8080 narrowing HTTP rules) and L4 example (TCP on
    /// 8300-8302, UDP on 8301 and 8302), plus targets for methods, headers, matches and ports.
    static let manifests = """
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: {name: the-routes, namespace: default}
        spec:
          matches:
          - name: metrics
            pathRegex: "/metrics"
            methods: [GET]
          - name: everything
            pathRegex: ".*"
            methods: ["*"]
          - name: android-insiders
            headers:
            - user-agent: ".*Android.*"
            - cookie: "^(.*?;)?(type=insider)(;.*)?$"
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: TCPRoute
        metadata: {name: port-8080, namespace: default}
        spec: {matches: {ports: [8080]}}
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: path-specific, namespace: default}
        spec:
          destination: {kind: ServiceAccount, name: service-a, namespace: default}
          rules:
          - {kind: TCPRoute, name: port-8080}
          - {kind: HTTPRouteGroup, name: the-routes, matches: [metrics]}
          sources:
          - {kind: ServiceAccount, name: prometheus, namespace: default}
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: TCPRoute
        metadata: {name: tcp-ports, namespace: default}
        spec: {matches: {ports: [8300, 8301, 8302]}}
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: UDPRoute
        metadata: {name: udp-ports, namespace: default}
        spec: {matches: {ports: [8301, 8302]}}
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: protocol-specific, namespace: default}
        spec:
          destination: {kind: ServiceAccount, name: server}
          rules:
          - {kind: TCPRoute, name: tcp-ports}
          - {kind: UDPRoute, name: udp-ports}
          sources:
          - {kind: ServiceAccount, name: client, namespace: default}
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: mobile, namespace: default}
        spec:
          destination: {kind: ServiceAccount, name: web}
          rules:
          - {kind: HTTPRouteGroup, name: the-routes, matches: [android-insiders]}
          - {kind: HTTPRouteGroup, name: the-routes, matches: [metrics]}
          sources: [{kind: ServiceAccount, name: app, namespace: mobile}]
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: unknown-match, namespace: default}
        spec:
          destination: {kind: ServiceAccount, name: db}
          rules: [{kind: HTTPRouteGroup, name: the-routes, matches: [no-such-match]}]
          sources: [{kind: ServiceAccount, name: app, namespace: default}]
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: all-matches, namespace: default}
        spec:
          destination: {kind: ServiceAccount, name: admin}
          rules: [{kind: HTTPRouteGroup, name: the-routes}]
          sources: [{kind: ServiceAccount, name: ops, namespace: default}, {kind: Group, name: everyone}]
        """

    struct Case: CustomTestStringConvertible, Sendable {
        let id: String
        let request: AccessRequest
        let verdict: AccessDecision.Verdict
        var testDescription: String { id }
    }

    static func http(
        _ from: String, _ to: String, port: Int = 8080, _ method: String, _ path: String,
        headers: [String: [String]]? = nil
    ) -> AccessRequest {
        let f = from.split(separator: "/").map(String.init)
        let t = to.split(separator: "/").map(String.init)
        return AccessRequest(
            source: .init(namespace: f[0], serviceAccount: f[1]),
            destination: .init(namespace: t[0], serviceAccount: t[1]),
            port: port, protocol: .http, method: method, path: path, headers: headers)
    }

    static func l4(_ from: String, _ to: String, _ proto: AccessRequest.TrafficProtocol, _ port: Int) -> AccessRequest {
        let f = from.split(separator: "/").map(String.init)
        let t = to.split(separator: "/").map(String.init)
        return AccessRequest(
            source: .init(namespace: f[0], serviceAccount: f[1]),
            destination: .init(namespace: t[0], serviceAccount: t[1]),
            port: port, protocol: proto)
    }

    static let cases: [Case] = [
        // L7 example: GET /metrics on 8080 from prometheus only.
        Case(
            id: "l7-allowed", request: http("default/prometheus", "default/service-a", "GET", "/metrics"),
            verdict: .allow),
        Case(
            id: "l7-prefix-anchoring",
            request: http("default/prometheus", "default/service-a", "GET", "/metrics/extra?x=1"), verdict: .allow),
        Case(
            id: "l7-not-at-start", request: http("default/prometheus", "default/service-a", "GET", "/x/metrics"),
            verdict: .deny),
        Case(
            id: "l7-wrong-method", request: http("default/prometheus", "default/service-a", "POST", "/metrics"),
            verdict: .deny),
        Case(
            id: "l7-unlisted-match", request: http("default/prometheus", "default/service-a", "GET", "/other"),
            verdict: .deny),
        Case(
            id: "l7-port-narrowed",
            request: http("default/prometheus", "default/service-a", port: 9090, "GET", "/metrics"), verdict: .deny),
        Case(
            id: "l7-raw-tcp-not-granted", request: l4("default/prometheus", "default/service-a", .tcp, 8080),
            verdict: .deny),
        Case(
            id: "l7-other-source", request: http("default/web", "default/service-a", "GET", "/metrics"), verdict: .deny),
        // L4 example: TCP 8300-8302, UDP 8301-8302; UDP 8300 denied.
        Case(id: "l4-tcp-8300", request: l4("default/client", "default/server", .tcp, 8300), verdict: .allow),
        Case(
            id: "l4-http-is-tcp-content", request: http("default/client", "default/server", port: 8302, "GET", "/"),
            verdict: .allow),
        Case(id: "l4-udp-8301", request: l4("default/client", "default/server", .udp, 8301), verdict: .allow),
        Case(id: "l4-udp-8300", request: l4("default/client", "default/server", .udp, 8300), verdict: .deny),
        Case(id: "l4-tcp-9000", request: l4("default/client", "default/server", .tcp, 9000), verdict: .deny),
        // Headers are ANDed, full-match, case-insensitive names; rules are ORed.
        Case(
            id: "headers-all-match",
            request: http(
                "mobile/app", "default/web", "GET", "/",
                headers: ["User-Agent": ["Mozilla (Android 14)"], "Cookie": ["a=b;type=insider"]]), verdict: .allow),
        Case(
            id: "headers-one-missing",
            request: http("mobile/app", "default/web", "GET", "/", headers: ["User-Agent": ["Mozilla (Android 14)"]]),
            verdict: .deny),
        Case(
            id: "headers-second-value-matches",
            request: http(
                "mobile/app", "default/web", "GET", "/",
                headers: ["user-agent": ["curl", "Android"], "cookie": ["type=insider"]]), verdict: .allow),
        Case(id: "rules-or", request: http("mobile/app", "default/web", "GET", "/metrics"), verdict: .allow),
        // A rule naming a missing match grants nothing (never all matches, D7).
        Case(
            id: "missing-match-grants-nothing", request: http("default/app", "default/db", "GET", "/metrics"),
            verdict: .deny),
        // No matches listed: all of the group's matches, `*` methods.
        Case(
            id: "all-matches-star", request: http("default/ops", "default/admin", "DELETE", "/anything"),
            verdict: .allow),
        // Default deny: nothing names the destination, or the client is unmeshed.
        Case(id: "default-deny", request: http("default/ops", "default/nobody", "GET", "/"), verdict: .deny),
        Case(
            id: "unmeshed",
            request: AccessRequest(
                source: nil, destination: .init(namespace: "default", serviceAccount: "admin"), port: 80,
                protocol: .http, method: "GET", path: "/"), verdict: .deny),
        // Source namespaces default to the target's; other namespaces do not match.
        Case(id: "source-namespace", request: http("other/ops", "default/admin", "GET", "/"), verdict: .deny)
    ]

    @Test(arguments: cases)
    func decidesTheNotesExamples(c: Case) throws {
        let bundle = SMIBundle(try YAMLReader().read(Self.manifests, file: "access.yaml"))
        #expect(bundle.diagnostics.filter { $0.severity == .error }.isEmpty, "\(bundle.diagnostics)")
        let decision = SMIAccessModel().decide(c.request, in: bundle)
        #expect(decision.verdict == c.verdict, "\(decision.reason)")
    }

    @Test func reasonsNameTheTargetRuleAndMatch() throws {
        let bundle = SMIBundle(try YAMLReader().read(Self.manifests))
        let allow = SMIAccessModel().decide(
            Self.http("default/prometheus", "default/service-a", "GET", "/metrics"), in: bundle)
        #expect(
            allow.reason
                == "TrafficTarget default/path-specific rule 1 (HTTPRouteGroup the-routes, match metrics) admits GET /metrics"
        )
        let deny = SMIAccessModel().decide(Self.http("default/ops", "default/nobody", "GET", "/"), in: bundle)
        #expect(deny.reason == "no TrafficTarget has destination default/nobody")
    }

    @Test func fullPathAnchoringIsStricter() throws {
        let bundle = SMIBundle(try YAMLReader().read(Self.manifests))
        let request = Self.http("default/prometheus", "default/service-a", "GET", "/metrics/extra")
        #expect(SMIAccessModel().decide(request, in: bundle).isAllowed)
        #expect(!SMIAccessModel(pathAnchoring: .full).decide(request, in: bundle).isAllowed)
    }

    @Test func invalidPartsGrantNothing() throws {
        let manifests = """
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: HTTPRouteGroup
            metadata: {name: g, namespace: ns}
            spec:
              matches:
              - {name: bad-regex, pathRegex: "(?=x)"}
              - {name: dup, pathRegex: /a}
              - {name: dup, pathRegex: /b}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: HTTPRouteGroup
            metadata: {name: bad-method, namespace: ns}
            spec: {matches: [{name: m, methods: [get]}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: bad-ports, namespace: ns}
            spec: {matches: {ports: [0, 70000]}}
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t, namespace: ns}
            spec:
              destination: {kind: ServiceAccount, name: api}
              rules:
              - {kind: HTTPRouteGroup, name: g, matches: [bad-regex, dup]}
              - {kind: HTTPRouteGroup, name: bad-method}
              - {kind: HTTPRouteGroup, name: missing-group}
              sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: access.smi-spec.io/v1alpha3
            kind: TrafficTarget
            metadata: {name: t2, namespace: ns}
            spec:
              destination: {kind: ServiceAccount, name: db}
              rules: [{kind: TCPRoute, name: bad-ports}]
              sources: [{kind: ServiceAccount, name: web}]
            """
        let bundle = SMIBundle(try YAMLReader().read(manifests))
        let model = SMIAccessModel()
        for path in ["/x", "/a", "/b"] {
            #expect(!model.decide(Self.http("ns/web", "ns/api", "GET", path), in: bundle).isAllowed, "\(path)")
        }
        // Out-of-range ports are dropped; with none left the route grants nothing, not every port.
        for port in [0, 5432, 70000] {
            #expect(!model.decide(Self.l4("ns/web", "ns/db", .tcp, port), in: bundle).isAllowed)
        }
    }

    /// Access v1alpha1/v1alpha2: `destination.port` limits every rule to that port (notes 8.1).
    @Test func anOlderTargetsDestinationPortLimitsEveryRule() throws {
        let manifests = """
            apiVersion: specs.smi-spec.io/v1alpha3
            kind: HTTPRouteGroup
            metadata: {name: g, namespace: ns}
            spec: {matches: [{name: all, pathRegex: /}]}
            ---
            apiVersion: specs.smi-spec.io/v1alpha1
            kind: TCPRoute
            metadata: {name: tcp, namespace: ns}
            ---
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: http-on-8080, namespace: ns}
            spec:
              destination: {kind: ServiceAccount, name: api, port: 8080}
              rules: [{kind: HTTPRouteGroup, name: g}]
              sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: tcp-on-5432, namespace: ns}
            destination: {kind: ServiceAccount, name: db, port: 5432}
            specs: [{kind: TCPRoute, name: tcp}]
            sources: [{kind: ServiceAccount, name: api}]
            """
        let bundle = SMIBundle(try YAMLReader().read(manifests))
        let model = SMIAccessModel()
        var allowed = Self.http("ns/web", "ns/api", "GET", "/x")
        allowed.port = 8080
        #expect(model.decide(allowed, in: bundle).isAllowed)
        var otherPort = allowed
        otherPort.port = 9090
        #expect(!model.decide(otherPort, in: bundle).isAllowed)
        #expect(!model.decide(Self.l4("ns/web", "ns/api", .tcp, 8080), in: bundle).isAllowed)
        #expect(model.decide(Self.l4("ns/api", "ns/db", .tcp, 5432), in: bundle).isAllowed)
        #expect(!model.decide(Self.l4("ns/api", "ns/db", .tcp, 5433), in: bundle).isAllowed)
        #expect(!model.decide(Self.l4("ns/web", "ns/db", .tcp, 5432), in: bundle).isAllowed)
    }
}

@Suite struct SMIBundleReferenceTests {
    static let manifests =
        SMIAccessModelTests.manifests + """

            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s, namespace: default}
            spec:
              service: service-a
              backends: [{service: v1, weight: 1}]
              matches: [{kind: HTTPRouteGroup, name: the-routes}, {kind: HTTPRouteGroup, name: gone}]
            """

    @Test func rulesAndSplitMatchesResolve() throws {
        let bundle = SMIBundle(try YAMLReader().read(Self.manifests))
        guard
            case let .http(group, matches) = bundle.resolve(
                Access.Rule(kind: "HTTPRouteGroup", name: "the-routes", matches: ["metrics", "nope"]),
                namespace: "default")
        else {
            Issue.record("not resolved")
            return
        }
        #expect(group.metadata.name == "the-routes")
        #expect(matches.map(\.name) == ["metrics"])
        #expect(bundle.resolve(Access.Rule(kind: "TCPRoute", name: "port-8080"), namespace: "default") != .missing)
        #expect(bundle.resolve(Access.Rule(kind: "TCPRoute", name: "port-8080"), namespace: "elsewhere") == .missing)
        let split = try #require(bundle.trafficSplits.first)
        #expect(bundle.routeGroups(of: split).map { $0?.metadata.name } == ["the-routes", nil])
    }

    /// Notes D23: a TrafficSplit never grants access.
    @Test func splitsNeverGrantAccess() throws {
        let with = SMIBundle(try YAMLReader().read(Self.manifests))
        let without = SMIBundle(try YAMLReader().read(SMIAccessModelTests.manifests))
        for c in SMIAccessModelTests.cases {
            #expect(SMIAccessModel().decide(c.request, in: with) == SMIAccessModel().decide(c.request, in: without))
        }
    }
}
