import ConsulAdapter
import Foundation
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Consul CRDs (`consul.yaml`), the
/// same objects as config entries (`consul.json`, `consul.hcl`) and the diagnostics.
/// `options.txt` may also say `consul=enterprise` (namespaces mirrored, partition `team`)
/// or `consul=no-acls`.
@Suite struct ConsulGoldenTests {
    /// The adapter a case asks for.
    static func adapter(_ c: GoldenCases.Case) -> ConsulAdapter {
        let options = (try? String(contentsOf: c.folder.appendingPathComponent("options.txt"), encoding: .utf8)) ?? ""
        if options.contains("consul=enterprise") {
            return ConsulAdapter(configuration: ConsulConfiguration(namespaces: .mirroring(prefix: ""), partition: "team"))
        }
        if options.contains("consul=no-acls") { return ConsulAdapter(configuration: ConsulConfiguration(aclsManaged: false)) }
        return ConsulAdapter()
    }

    @Test(arguments: GoldenCases.cases(target: "ConsulAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let adapter = Self.adapter(c)
        let problems = try GoldenCases.check(c, adapter: adapter, formats: ["json": "consul.json", "hcl": "consul.hcl"])
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(try GoldenCases.orderDependentCases(target: "ConsulAdapterTests", adapter: ConsulAdapter()) == [])
    }

    /// Cases whose inventory holds pods that Consul does not guard (no sidecar, excluded
    /// ports): they accept what SMI denies whatever is rendered, and the rendering says so
    /// with an error (SMI5007).
    static let unguardedPods: Set<String> = ["17-pods-outside-the-mesh"]

    /// Every golden rendering, decided as Consul would, on a grid of requests: never more
    /// permissive than SMI.
    @Test(arguments: GoldenCases.cases(target: "ConsulAdapterTests"))
    func neverAllowsWhatSMIDenies(c: GoldenCases.Case) throws {
        let adapter = Self.adapter(c)
        let suite = AdapterConformance(adapter: adapter, unenforced: [.udp]) { resources, inventory in
            ConsulAccessModel(resources: resources, inventory: inventory, configuration: adapter.configuration)
        }
        let (overPermits, checked) = try suite.gridOverPermits(c)
        #expect(checked > 0)
        #expect(overPermits.isEmpty, "\(overPermits.prefix(5).joined(separator: "\n"))")
        if Self.unguardedPods.contains(c.name) {
            // They are open, and reported: counted, they are over-permits.
            #expect(!(try suite.gridOverPermits(c, exemptingReported: false)).overPermits.isEmpty, "the model should let unguarded pods accept everything")
        }
    }
}
