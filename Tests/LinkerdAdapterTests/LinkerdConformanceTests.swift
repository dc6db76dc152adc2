import Foundation
import LinkerdAdapter
import LinkerdSimulation
import SMICore
import SMITestSupport
import Testing

/// The shared adapter conformance suite, for Linkerd (with the default inbound policy the
/// rendering's warning asks for: deny).
@Suite struct LinkerdConformanceTests {
    static let suite = suite(regexes: .re2)

    /// The suite with the model deciding HTTPRoute regexes by `regexes`.
    static func suite(regexes: LinkerdRegexEngine) -> AdapterConformance<LinkerdAdapter> {
        AdapterConformance(
            adapter: LinkerdAdapter(), unenforced: [.udp],
            reportedUnguarded: { diagnostics, _ in reportedProbes(diagnostics) }
        ) { resources, inventory in
            LinkerdAccessModel(
                resources: resources, inventory: inventory, installation: LinkerdAdapter().installation,
                regexes: regexes)
        }
    }

    /// The access differential with Linkerd's own regex engine: a first run records every regex
    /// question the model asks (RE2 answering), Rust's regex crate answers them all
    /// (`rust_regex_oracle.py`: the leftmost-first match must span the text, as the proxy
    /// decides), and a second run over the same bundles decides with Rust's answers.
    ///
    /// Rust must compile every pattern the renderings wrote, and no request may pass that SMI
    /// denies.
    @Test func rustRegexesNeverAllowsWhatSMIDenies() throws {
        let seed = SMIBundleGenerator.seed &+ 5_151
        let questions = RegexQuestions()
        _ = try Self.suite(
            regexes: LinkerdRegexEngine { pattern, text in
                questions.record(pattern, text)
                return LinkerdRegexEngine.re2.admits(pattern, text)
            }
        ).differential(bundles: 30, requests: 100, seed: seed)
        let cases = questions.cases
        guard let verdicts = try LinkerdRegexDialectTests.rust(cases) else {
            #expect(!SharedReference.required, "the regex-rs Python package is missing (pip install regex-rs)")
            return
        }
        var answers: [String: [String: Bool]] = [:]
        var differing = 0
        for (question, verdict) in zip(cases, verdicts) {
            #expect(verdict != nil, "Rust's regex crate refuses the rendered pattern \(question.pattern)")
            let rust = verdict ?? question.texts.map { _ in false }
            differing +=
                zip(question.texts, rust).filter { LinkerdRegexEngine.re2.admits(question.pattern, $0) != $1 }
                .count
            answers[question.pattern] = Dictionary(uniqueKeysWithValues: zip(question.texts, rust))
        }
        print(
            "rust regexes: \(cases.count) patterns, \(cases.reduce(0) { $0 + $1.texts.count }) texts, \(differing) verdicts differ from RE2"
        )
        // The generator's path and header regexes, wrapped as the adapter writes them.
        #expect(cases.count >= 10 && cases.reduce(0) { $0 + $1.texts.count } >= 5_000)
        let table = answers
        try Self.suite(regexes: LinkerdRegexEngine { pattern, text in table[pattern]?[text] ?? false })
            .expectNeverMorePermissive(
                bundles: 30, requests: 100, minimumPairs: 5_000, seed: seed, minimumKept: 0.8, label: "Rust regexes")
    }

    /// The kubelet's probes the rendering reports Linkerd letting through for every client
    /// (SMI4009): on Servers without routes Linkerd's own probe route, and with
    /// `--allow-probes` the routes rendered for them.
    ///
    /// Requests to them are the user's choice or the mesh's, and said; any other request must
    /// still be decided as SMI does.
    static func reportedProbes(_ diagnostics: [Diagnostic]) -> @Sendable (AccessRequest) -> Bool {
        var reported = Set<String>()
        for diagnostic in diagnostics where diagnostic.code == .linkerdProbes && diagnostic.severity == .warning {
            guard let head = diagnostic.message.firstMatch(of: #/^(\S+) port (\d+): /#),
                let what = diagnostic.message.firstMatch(of: #/lets (.+?) \(the kubelet's probes\) through/#)
            else { continue }
            for part in what.1.split(separator: " and ") {
                if part == "the gRPC health check" {
                    reported.insert("\(head.1) \(head.2) POST /grpc.health.v1.Health/Check")
                } else if part.hasPrefix("GET ") {
                    for path in part.dropFirst(4).split(separator: ", ") {
                        reported.insert("\(head.1) \(head.2) GET \(path)")
                    }
                }
            }
        }
        return { [reported] request in
            reported.contains("\(request.destination) \(request.port) \(request.method ?? "") \(request.pathOnly)")
        }
    }

    /// Thousands of generated bundles and requests: whatever Linkerd allows under the rendered
    /// objects, SMI must allow (UDP aside, which Linkerd cannot enforce and reports), and every
    /// request it denies that SMI allows is explained by a diagnostic.
    @Test func linkerdNeverAllowsWhatSMIDenies() throws {
        try Self.suite.expectNeverMorePermissive(bundles: 100, requests: 100, minimumPairs: 30_000, minimumKept: 0.85)
    }

    /// Equal text of other bytes keeps its own bytes in each target's grant.
    @Test func eachTargetKeepsItsOwnBytes() throws {
        try Self.suite.expectEachTargetKeepsItsOwnBytes()
    }

    @Test func capabilitiesCoverEveryFeatureAndCode() throws {
        try Self.suite.expectCapabilitiesComplete(goldenTarget: "LinkerdAdapterTests")
    }

    /// With whole-path anchoring too (86-98% of SMI's allows kept over the fixed and dated seeds).
    ///
    /// Whole-path regexes admit fewer requests: SMI allows 32-45% of the pairs, so the floor is
    /// 30%.
    @Test func fullPathAnchoringNeverOverPermits() throws {
        try Self.suite.expectNeverMorePermissive(
            bundles: 60, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 777,
            options: RenderOptions(pathAnchoring: .full), minimumKept: 0.8, minimumAllowRate: 0.3)
    }

    /// Under Linkerd's real default inbound policy (`all-unauthenticated`, a stock
    /// installation's), ports and pods without a Server admit everyone.
    ///
    /// The rendering cannot close them (the default is the cluster's or the namespace's
    /// setting) and names them: the namespaces whose unlisted ports keep it (SMI4007), the
    /// workloads no selector picks (SMI4004, SMI4007). Every other request must still be
    /// decided as SMI does: a port the inventory lists, or a pod, that no Server of ours covers
    /// unreported is an over-permit.
    @Test func realDefaultPolicyNeverOverPermitsUnreported() throws {
        let suite = AdapterConformance(
            adapter: LinkerdAdapter(), unenforced: [.udp],
            reportedUnguarded: { diagnostics, inventory in
                let messages = diagnostics.filter { [.linkerdDenyScope, .linkerdSelector].contains($0.code) }.map(
                    \.message)
                let namespaces = Set(
                    messages.flatMap { message in
                        message.firstMatch(of: /inbound-policy: deny on ([^(]+) \(/).map {
                            $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                        } ?? []
                    })
                let workloads = Set(
                    messages.compactMap {
                        $0.firstMatch(of: /the pods of (\w+ [^ ]+) \(running as/).map { String($0.1) }
                    })
                let probes = Self.reportedProbes(diagnostics)
                return { request in
                    guard !probes(request) else { return true }
                    let pods = inventory.workloads(
                        namespace: request.destination.namespace, serviceAccount: request.destination.serviceAccount)
                    return pods.contains { workloads.contains($0.description) }
                        || namespaces.contains(request.destination.namespace)
                            && !pods.contains { $0.ports.contains { $0.protocol == "TCP" && $0.port == request.port } }
                }
            }
        ) { resources, inventory in
            LinkerdAccessModel(
                resources: resources, inventory: inventory, installation: LinkerdAdapter().installation,
                defaultPolicy: "all-unauthenticated")
        }
        try suite.expectNeverMorePermissive(
            bundles: 60, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 1_313, minimumKept: 0.85,
            label: "default all-unauthenticated")
    }

    /// With `--allow-probes`, the probe routes let exactly the reported probe requests
    /// through: a probe route, or the catch-all a TCP grant then needs, that admits anything
    /// more is an over-permit.
    @Test func allowedProbesNeverOverPermitsUnreported() throws {
        let suite = AdapterConformance(
            adapter: LinkerdAdapter(configuration: LinkerdConfiguration(allowsProbes: true)), unenforced: [.udp],
            reportedUnguarded: { diagnostics, _ in Self.reportedProbes(diagnostics) }
        ) { resources, inventory in
            LinkerdAccessModel(resources: resources, inventory: inventory, installation: LinkerdAdapter().installation)
        }
        try suite.expectNeverMorePermissive(
            bundles: 60, requests: 100, minimumPairs: 15_000, seed: SMIBundleGenerator.seed &+ 2_027, minimumKept: 0.8,
            label: "allow-probes")
    }

    /// The proof can fail: loosening the rendered output one restriction at a time (a header
    /// dropped, a start anchor lost, a principal added, a deny removed ...), the differential's
    /// own requests catch at least 95% of the mutants that over-permit some request.
    @Test func differentialCatchesWideningMutants() throws {
        try Self.suite.expectSensitive(bundles: 12, requests: 600, probes: 3_000)
    }
}

/// The regex questions a run of the Linkerd model asks, by pattern, for Rust's engine to answer
/// in one batch.
///
/// Models may be asked from several tasks, so the record is locked.
final class RegexQuestions: @unchecked Sendable {
    private let lock = NSLock()
    private var asked: [String: Set<String>] = [:]

    /// Records that `text` was decided against `pattern`.
    func record(_ pattern: String, _ text: String) {
        lock.withLock { _ = asked[pattern, default: []].insert(text) }
    }

    /// Every pattern asked about, with its texts, sorted.
    var cases: [(pattern: String, texts: [String])] {
        lock.withLock { asked.sorted { $0.key < $1.key }.map { ($0.key, $0.value.sorted()) } }
    }
}
