import IstioAdapter
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Istio YAML it must render and
/// the diagnostics it must report.
@Suite struct IstioGoldenTests {
    @Test(arguments: GoldenCases.cases(target: "IstioAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let problems = try GoldenCases.check(c, adapter: IstioAdapter())
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func thereAreEnoughCases() {
        #expect(GoldenCases.cases(target: "IstioAdapterTests").count >= 20)
    }
}

/// Every golden rendering, decided as Istio would, against the SMI model on a grid of
/// requests between the identities and ports the case names: never more permissive.
@Suite struct IstioGoldenAccessTests {
    @Test(arguments: GoldenCases.cases(target: "IstioAdapterTests"))
    func neverAllowsWhatSMIDenies(c: GoldenCases.Case) throws {
        let text = try String(contentsOf: c.folder.appendingPathComponent("input.yaml"), encoding: .utf8)
        let documents = try YAMLReader().read(text)
        let bundle = SMIBundle(documents)
        let inventory = Inventory(manifests: documents)
        let rendering = IstioAdapter().render(bundle, inventory: inventory, options: RenderOptions())
        let istio = IstioAccessModel(resources: rendering.resources, inventory: inventory)
        let identities = Set(inventory.workloads.map { AccessRequest.Identity(namespace: $0.namespace, serviceAccount: $0.serviceAccount) })
            .union([AccessRequest.Identity(namespace: "monitoring", serviceAccount: "prometheus")])
            .sorted { ($0.namespace, $0.serviceAccount) < ($1.namespace, $1.serviceAccount) }
        let ports = Set(inventory.workloads.flatMap { $0.ports.map(\.port) }).union([80, 9999]).sorted()
        let http: [(String, String, [String: [String]]?)] = [
            ("GET", "/", nil), ("GET", "/metrics", nil), ("POST", "/api/items", ["x-tenant": ["acme"]]), ("GET", "/books/1", nil),
            ("DELETE", "/items", nil), ("GET", "/api", ["user-agent": ["Mozilla/5.0 Android"]]), ("GET", "/healthz", nil),
        ]
        var checked = 0
        for source in identities {
            for destination in identities {
                for port in ports {
                    var requests = [AccessRequest(source: source, destination: destination, port: port, protocol: .tcp)]
                    requests += http.map { AccessRequest(source: source, destination: destination, port: port, protocol: .http, method: $0.0, path: $0.1, headers: $0.2) }
                    for request in requests {
                        checked += 1
                        if istio.allows(request) && !SMIAccessModel().decide(request, in: bundle).isAllowed {
                            Issue.record("\(c.name): Istio allows \(request), SMI denies it")
                        }
                    }
                }
            }
        }
        #expect(checked > 0)
    }
}
