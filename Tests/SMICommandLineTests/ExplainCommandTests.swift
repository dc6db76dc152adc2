import ConsulAdapter
import GatewayAPIAdapter
import IstioAdapter
import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

@Suite struct ExplainCommandTests {
    static let adapters: [any MeshAdapter] = [IstioAdapter(), LinkerdAdapter(), ConsulAdapter(), GatewayAPIAdapter()]

    @Test func comparesEveryFeatureOnEveryMesh() {
        let run = ToolRun(["explain"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n").map(String.init)
        #expect(
            lines.first?.split(separator: " ", omittingEmptySubsequences: true) == [
                "SMI", "feature", "istio", "linkerd", "consul", "gateway-api"
            ])
        for feature in SMIFeature.allCases {
            let row = lines.first { $0.hasPrefix(feature.rawValue + " ") }
            let words = row.map { $0.dropFirst(feature.rawValue.count).split(separator: " ").map(String.init) }
            #expect(
                words == Self.adapters.map { $0.capabilities.support(for: feature)?.support.rawValue ?? "missing" },
                "\(feature)")
        }
    }

    @Test func explainsOneMeshWithReasonsAndFilters() {
        for adapter in Self.adapters {
            let run = ToolRun(["explain", "--mesh", adapter.mesh])
            #expect(run.status == 0)
            for row in adapter.capabilities.features {
                #expect(run.out.contains(row.feature.rawValue) && run.out.contains(row.reason))
            }
        }
        let filtered = ToolRun(["explain", "--mesh", "linkerd", "PATHREGEX"])
        #expect(
            filtered.out.split(separator: "\n").count == 2
                && filtered.out.contains("HTTPRouteGroup.spec.matches[].pathRegex  stricter"))
        let none = ToolRun(["explain", "--mesh", "linkerd", "gRPC"])
        #expect(none.status == 2 && none.err.contains("no feature of linkerd matches 'gRPC'"))
    }

    @Test func markdownHasOneRowPerFeature() {
        let run = ToolRun(["explain", "--markdown"])
        let rows = run.out.split(separator: "\n")
        #expect(rows.count == SMIFeature.allCases.count + 2)
        #expect(rows.first == "| SMI feature | istio | linkerd | consul | gateway-api |")
        #expect(rows.contains("| `UDPRoute` | refused | refused | refused | refused |"))
    }

    /// Every code of the validator and of each adapter is explained, and says who reports it.
    @Test func explainsEveryDiagnosticCode() {
        for (code, meaning) in DiagnosticCode.catalogue {
            #expect(ToolRun(["explain", code.rawValue]).out == "\(code) (reading and validation): \(meaning)\n")
        }
        for adapter in Self.adapters {
            #expect(!adapter.capabilities.diagnostics.isEmpty)
            for (code, meaning) in adapter.capabilities.diagnostics {
                #expect(
                    ToolRun(["explain", code.rawValue]).out
                        == "\(code) (smi render --mesh \(adapter.mesh)): \(meaning)\n")
            }
        }
        let unknown = ToolRun(["explain", "SMI9999"])
        #expect(unknown.status == 2 && unknown.out.isEmpty && unknown.err.contains("unknown diagnostic code SMI9999"))
        #expect(ToolRun(["explain", "pathRegex"]).status == 2)
    }

    /// Each adapter's DocC landing page holds the table `smi explain --mesh MESH --markdown`
    /// prints, so that the documentation says what the code does.
    @Test(arguments: [
        ("IstioAdapter", "istio"), ("LinkerdAdapter", "linkerd"), ("ConsulAdapter", "consul"),
        ("GatewayAPIAdapter", "gateway-api")
    ])
    func adapterDocumentationHoldsTheExplainTable(module: String, mesh: String) throws {
        let page = try String(
            contentsOf: SharedReference.packageRoot.appendingPathComponent(
                "Sources/\(module)/\(module).docc/\(module).md"),
            encoding: .utf8)
        let start = try #require(page.range(of: "<!-- smi explain --mesh \(mesh) --markdown -->\n"))
        let end = try #require(page.range(of: "<!-- end smi explain -->"))
        #expect(
            String(page[start.upperBound..<end.lowerBound]) == ToolRun(["explain", "--mesh", mesh, "--markdown"]).out)
    }
}
