import Foundation
import SMITestSupport
import Testing

@Suite struct AccessCommandTests {
    static let manifest = """
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: {name: api-routes, namespace: default}
        spec:
          matches:
          - {name: read, pathRegex: /api, methods: [GET]}
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: TCPRoute
        metadata: {name: http-port, namespace: default}
        spec: {matches: {ports: [8080]}}
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: web-to-api, namespace: default}
        spec:
          destination: {kind: ServiceAccount, name: api}
          rules:
          - {kind: TCPRoute, name: http-port}
          - {kind: HTTPRouteGroup, name: api-routes, matches: [read]}
          sources: [{kind: ServiceAccount, name: web}]
        """

    /// Every combination of source, method, path, port and protocol, with the verdict the
    /// manifest means: only web may GET paths starting with /api, over HTTP on 8080.
    static func requests() -> [(json: String, allowed: Bool)] {
        var out: [(String, Bool)] = []
        for source in ["web", "other", nil] as [String?] {
            for method in ["GET", "POST"] {
                for path in ["/api/items?x=1", "/apix", "/other"] {
                    for port in [8080, 9090] {
                        for proto in ["http", "tcp"] {
                            let src =
                                source.map { "{\"namespace\": \"default\", \"serviceAccount\": \"\($0)\"}" } ?? "null"
                            let json =
                                "{\"source\": \(src), \"destination\": {\"namespace\": \"default\", \"serviceAccount\": \"api\"}, \"port\": \(port), \"protocol\": \"\(proto)\", \"method\": \"\(method)\", \"path\": \"\(path)\", \"headers\": {\"user-agent\": \"test\"}}"
                            let allowed =
                                source == "web" && method == "GET" && path.hasPrefix("/api") && port == 8080
                                && proto == "http"
                            out.append((json, allowed))
                        }
                    }
                }
            }
        }
        return out
    }

    @Test func decidesARequestFile() throws {
        let requests = Self.requests()
        #expect(requests.count >= 50)
        let manifest = try ToolRun.file(Self.manifest, name: "app.yaml")
        let file = try ToolRun.file("[" + requests.map(\.json).joined(separator: ",\n") + "]", name: "requests.json")
        let run = ToolRun(["access", manifest, "--requests", file])
        #expect(run.status == 0, "\(run.err)")
        let lines = run.out.split(separator: "\n")
        #expect(lines.count == requests.count)
        for (line, request) in zip(lines, requests) {
            let verdict =
                line.hasPrefix("{\"verdict\":\"allow\"") ? true : line.hasPrefix("{\"verdict\":\"deny\"") ? false : nil
            #expect(verdict == request.allowed, "\(request.json) -> \(line)")
        }
        #expect(
            lines.first
                == #"{"verdict":"allow","reason":"TrafficTarget default/web-to-api rule 1 (HTTPRouteGroup api-routes, match read) admits GET /api/items"}"#
        )
    }

    @Test func decidesOneRequestFromFlags() throws {
        let manifest = try ToolRun.file(Self.manifest, name: "app.yaml")
        let allow = ToolRun([
            "access", manifest, "--from", "default/web", "--to", "default/api", "--port", "8080", "--method", "GET",
            "--path", "/api/v1"
        ])
        #expect(allow.status == 0)
        #expect(allow.out.hasPrefix(#"{"verdict":"allow""#))
        let deny = ToolRun([
            "access", manifest, "--from", "default/web", "--to", "default/api", "--port", "8080", "--protocol", "tcp"
        ])
        #expect(deny.out.hasPrefix(#"{"verdict":"deny""#))
        let strict = ToolRun([
            "access", manifest, "--from", "default/web", "--to", "default/api", "--port", "8080", "--path", "/api/v1",
            "--full-path-match"
        ])
        #expect(strict.out.hasPrefix(#"{"verdict":"deny""#))
    }

    @Test func badRequestFilesAndUsage() throws {
        let manifest = try ToolRun.file(Self.manifest, name: "app.yaml")
        let bad = try ToolRun.file(
            #"[{"destination": {"namespace": "a", "serviceAccount": "b"}, "port": "80", "protocol": "http"}]"#,
            name: "bad.json")
        let run = ToolRun(["access", manifest, "--requests", bad])
        #expect(run.status == 1)
        #expect(run.err.contains("[0].port: expected an integer, found string \"80\""))
        #expect(ToolRun(["access", manifest]).status == 2)
    }
}
