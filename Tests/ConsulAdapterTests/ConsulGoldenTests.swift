import ConsulAdapter
import ConsulSimulation
import Foundation
import SMICore
import SMITestSupport
import Testing

/// Each folder of `Golden/` is one behaviour: its input, the Consul CRDs (`consul.yaml`), the
/// same objects as config entries (`consul.json`, `consul.hcl`) and the diagnostics.
///
/// The cases model an installation with `connectInject.default: true` (every pod injected
/// unless annotated "false"), so that most inputs need no annotation; `options.txt` may say
/// `consul=annotated-only` (the Helm default), `consul=enterprise` (namespaces mirrored,
/// partition `team`), `consul=no-acls`, `consul=default-deny` (the mesh-wide deny) or
/// `consul=every-namespace` (the input shows every namespace).
@Suite struct ConsulGoldenTests {
    /// The adapter a case asks for.
    static func adapter(_ c: GoldenCases.Case) -> ConsulAdapter {
        let options = (try? String(contentsOf: c.folder.appendingPathComponent("options.txt"), encoding: .utf8)) ?? ""
        var configuration = ConsulConfiguration(injectedByDefault: !options.contains("consul=annotated-only"))
        if options.contains("consul=enterprise") {
            configuration.namespaces = .mirroring(prefix: "")
            configuration.partition = "team"
        }
        if options.contains("consul=no-acls") { configuration.aclsManaged = false }
        if options.contains("consul=default-deny") { configuration.meshWideDeny = true }
        if options.contains("consul=every-namespace") { configuration.showsEveryNamespace = true }
        return ConsulAdapter(configuration: configuration)
    }

    @Test(arguments: GoldenCases.cases(target: "ConsulAdapterTests"))
    func rendersAsRecorded(c: GoldenCases.Case) throws {
        let adapter = Self.adapter(c)
        let problems = try GoldenCases.check(
            c, adapter: adapter, formats: [.configEntriesJSON: "consul.json", .configEntriesHCL: "consul.hcl"])
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func renderingDoesNotDependOnInputOrder() throws {
        #expect(
            try GoldenCases.orderDependentCases(
                target: "ConsulAdapterTests",
                adapter: ConsulAdapter(configuration: ConsulConfiguration(injectedByDefault: true))) == [])
    }

    /// Cases whose inventory holds pods that Consul does not guard (no sidecar, excluded
    /// ports): they accept what SMI denies whatever is rendered, and the rendering says so
    /// with an error (SMI2703).
    static let unguardedPods: Set<String> = ["17-pods-outside-the-mesh"]

    /// Every golden rendering, decided as Consul would, on a grid of requests: never more
    /// permissive than SMI.
    @Test(arguments: GoldenCases.cases(target: "ConsulAdapterTests"))
    func goldenNeverAllowsWhatSMIDenies(c: GoldenCases.Case) throws {
        let adapter = Self.adapter(c)
        let suite = AdapterConformance(adapter: adapter, unenforced: [.udp]) { resources, inventory in
            ConsulAccessModel(resources: resources, inventory: inventory, cluster: ConsulCluster(adapter.configuration))
        }
        let (overPermits, checked) = try suite.gridOverPermits(c)
        #expect(checked > 0)
        #expect(overPermits.isEmpty, "\(overPermits.prefix(5).joined(separator: "\n"))")
        if Self.unguardedPods.contains(c.name) {
            // They are open, and reported: counted, they are over-permits.
            #expect(
                !(try suite.gridOverPermits(c, exemptingReported: false)).overPermits.isEmpty,
                "the model should let unguarded pods accept everything")
        }
    }
}
