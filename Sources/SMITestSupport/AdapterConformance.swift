import Foundation
public import SMICore
import Testing

/// The checks every mesh adapter must pass, run by each adapter's tests.
///
/// The randomized differential test against the SMI access model, and determinism under
/// shuffled input.
public struct AdapterConformance<Adapter: MeshAdapter>: Sendable {
    /// What the differential test found.
    public struct DifferentialReport: Sendable {
        /// Requests decided by both models.
        public var pairs = 0
        /// Requests both models decided alike.
        public var agreements = 0
        /// Requests SMI allows.
        public var smiAllows = 0
        /// Requests SMI allows that the mesh allows too.
        ///
        /// Over `smiAllows`, the share of SMI's grants the rendering keeps (0 for a rendering
        /// that denies everything).
        public var keptAllows = 0
        /// HTTP requests whose path or a header value was made from the bundle's own regexes.
        ///
        /// Each is a string they accept, or one of its nearest rejections.
        public var boundaryRequests = 0
        /// Requests left out because the rendering reports their destination as open in the
        /// generated cluster.
        ///
        /// Such pods run no proxy, or are a control plane left alone.
        public var reportedOpen = 0

        /// Pairs, SMI's allow rate, the share of its allows kept, and the boundary share.
        public var summary: String {
            func percent(_ part: Int, _ whole: Int) -> String {
                whole == 0 ? "-" : "\((1000 * part / whole + 5) / 10)%"
            }
            let reasons = overDeniesByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
            return
                "\(pairs) pairs, SMI allows \(percent(smiAllows, pairs)), mesh keeps \(percent(keptAllows, smiAllows)) of them, "
                + "\(percent(boundaryRequests, pairs)) at a regex boundary, \(reportedOpen) to reported-open pods left out, "
                + "\(overPermitCount) over-permits, "
                + "over-denies by reason: \(reasons.isEmpty ? "none" : reasons.joined(separator: ", "))"
        }
        /// Requests the mesh allows and SMI denies, described (the first few) with their seed.
        public var overPermits: [String] = []
        /// How many requests the mesh allows and SMI denies.
        public var overPermitCount = 0
        /// Requests SMI allows and the mesh denies with no diagnostic about a TrafficTarget of
        /// that destination (the first few).
        public var unexplainedOverDenies: [String] = []
        /// How many such requests.
        public var unexplainedOverDenyCount = 0
        /// Requests SMI allows and the mesh denies, by the code of the diagnostic that explains
        /// them.
        ///
        /// The diagnostic is about the TrafficTarget that SMI says grants the request.
        public var overDeniesByReason: [String: Int] = [:]
    }

    /// The adapter under test.
    public let adapter: Adapter
    /// The mesh's decision procedure over a rendering's resources and the inventory.
    public let accessModel: @Sendable ([ManifestNode], Inventory) -> any MeshAccessModel
    /// Protocols the mesh cannot enforce (and says so), left out of the comparison.
    public let unenforced: Set<AccessRequest.TrafficProtocol>
    /// Requests the mesh leaves to a cluster setting the rendering cannot change, where the
    /// rendering says so.
    ///
    /// An example is Linkerd's default inbound policy on ports without a Server, named in
    /// SMI4007: told apart like requests to pods without a proxy. Nothing by default.
    public let reportedUnguarded: @Sendable ([Diagnostic], Inventory) -> @Sendable (AccessRequest) -> Bool

    /// A conformance suite for `adapter`.
    public init(
        adapter: Adapter, unenforced: Set<AccessRequest.TrafficProtocol> = [],
        reportedUnguarded: @escaping @Sendable ([Diagnostic], Inventory) -> @Sendable (AccessRequest) -> Bool = {
            _, _ in { _ in false }
        },
        accessModel: @escaping @Sendable ([ManifestNode], Inventory) -> any MeshAccessModel
    ) {
        self.adapter = adapter
        self.unenforced = unenforced
        self.reportedUnguarded = reportedUnguarded
        self.accessModel = accessModel
    }

    /// The cluster of the bundle generated from `seed` (`SMIBundleGenerator.clusterManifests`),
    /// drawn apart from the bundle so that each varies on its own.
    static func cluster(_ seed: UInt64, ambient: Bool = false) throws -> Inventory {
        var generator = SMIBundleGenerator(seed: seed ^ 0xC1A5_7E25)
        return try generator.cluster(ambient: ambient)
    }

    /// Whether a request goes where the cluster leaves pods open and the rendering says so: a
    /// pod of its destination runs no proxy, or lets the port bypass it (as the mesh's
    /// installation has it), and a diagnostic reports the destination open (`isReportedOpen`).
    ///
    /// The user is told of those; an open pod nobody reports is an over-permit.
    func reportedOpen(
        _ inventory: Inventory, by diagnostics: [Diagnostic], options: RenderOptions
    ) -> (AccessRequest) -> Bool {
        let installation = options.installation ?? adapter.installation
        let unguarded = reportedUnguarded(diagnostics, inventory)
        let reported = Set(
            inventory.workloads.map {
                AccessRequest.Identity(namespace: $0.namespace, serviceAccount: $0.serviceAccount)
            }
        ).filter { Self.isReportedOpen($0, by: diagnostics) }
        return { request in
            unguarded(request)
                || reported.contains(request.destination)
                    && inventory.workloads(
                        namespace: request.destination.namespace, serviceAccount: request.destination.serviceAccount
                    ).contains {
                        ProxyPresence.of($0, in: inventory, installation: installation).bypasses(request.port)
                    }
        }
    }

    /// What a user applies: the rendering written as YAML (`writeYAML`, the bytes `smi render`
    /// prints) and read back, so that the models decide over the output, not over the
    /// translator's values.
    static func applied(_ rendering: Rendering) throws -> [ManifestNode] {
        try YAMLReader().read(rendering.yaml()).map(\.root)
    }

    /// Generates bundles and requests near each, renders each bundle and compares the mesh's
    /// decisions with SMI's.
    public func differential(
        bundles: Int, requests: Int, seed: UInt64 = SMIBundleGenerator.seed, options: RenderOptions = RenderOptions(),
        ambient: Bool = false
    ) throws -> DifferentialReport {
        var report = DifferentialReport()
        for index in 0..<bundles {
            let bundleSeed = seed &+ UInt64(index)
            var generator = SMIBundleGenerator(seed: bundleSeed)
            let objects = generator.objects()
            let bundle = SMIBundle(
                try YAMLReader().read(YAMLWriter().write(documents: try objects.map { try $0.manifest() })))
            let inventory = try Self.cluster(bundleSeed, ambient: ambient)
            let rendering = adapter.render(bundle, inventory: inventory, options: options)
            let mesh = accessModel(try Self.applied(rendering), inventory)
            let smi = SMIAccessModel(pathAnchoring: options.pathAnchoring)
            let open = reportedOpen(inventory, by: rendering.diagnostics, options: options)
            let grid = generator.boundaryRequests(for: objects)
            for index in 0..<(grid.count + requests) {
                let request = index < grid.count ? grid[index] : generator.request(near: objects)
                guard !unenforced.contains(request.protocol) else { continue }
                guard !open(request) else {
                    report.reportedOpen += 1
                    continue
                }
                report.pairs += 1
                let decision = smi.decide(request, in: bundle)
                let smiAllows = decision.isAllowed
                let meshAllows = mesh.allows(request)
                if smiAllows { report.smiAllows += 1 }
                if smiAllows && meshAllows { report.keptAllows += 1 }
                if generator.lastRequestAtBoundary { report.boundaryRequests += 1 }
                if smiAllows == meshAllows {
                    report.agreements += 1
                } else if meshAllows {
                    report.overPermitCount += 1
                    if report.overPermits.count < 3 {
                        report.overPermits.append("seed \(bundleSeed): \(request)\n\(rendering.yaml())")
                    }
                } else if let code = Self.explanation(rendering.diagnostics, granting: decision) {
                    report.overDeniesByReason[code, default: 0] += 1
                } else {
                    report.unexplainedOverDenyCount += 1
                    if report.unexplainedOverDenies.count < 3 {
                        report.unexplainedOverDenies.append("seed \(bundleSeed): \(request)\n\(rendering.yaml())")
                    }
                }
            }
        }
        return report
    }

    /// How many widening mutants of the rendered output the differential's own requests catch.
    public struct MutationScore: Sendable {
        /// Per kind of mutation, the mutants that over-permit on some probe request.
        ///
        /// And those of them that the differential's requests catch.
        public var kinds: [String: (widening: Int, caught: Int)] = [:]
        /// Probe requests the unmutated rendering allows and SMI denies (each an over-permit
        /// the differential missed), described.
        public var missedOverPermits: [String] = []

        /// Caught over widening, over all kinds.
        public var score: Double {
            let widening = kinds.values.reduce(0) { $0 + $1.widening }
            return widening == 0 ? 0 : Double(kinds.values.reduce(0) { $0 + $1.caught }) / Double(widening)
        }

        /// The score, and per kind `caught/widening`.
        public var summary: String {
            let total = kinds.values.reduce(0) { $0 + $1.widening }
            let rows = kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.caught)/\($0.value.widening)" }
            return
                "\((score * 1000).rounded() / 10)% of \(total) widening mutants caught (\(rows.joined(separator: ", ")))"
        }
    }

    /// Measures how many widening mutants of the rendered output the differential's own
    /// requests catch.
    ///
    /// It renders `bundles` generated bundles, loosens each rendering one restriction at a time
    /// (`RenderedMutations`), and counts the mutants that over-permit on some of `probes` extra
    /// requests (a mutant that widens nothing past SMI is set aside) and, of those, the ones
    /// the differential's own `requests` per bundle catch: the proof's sensitivity.
    public func mutationScore(
        bundles: Int, requests: Int, probes: Int, seed: UInt64 = SMIBundleGenerator.seed,
        options: RenderOptions = RenderOptions()
    ) throws -> MutationScore {
        var score = MutationScore()
        for index in 0..<bundles {
            let bundleSeed = seed &+ 50_000 &+ UInt64(index)
            var generator = SMIBundleGenerator(seed: bundleSeed)
            let objects = generator.objects()
            let bundle = SMIBundle(
                try YAMLReader().read(YAMLWriter().write(documents: try objects.map { try $0.manifest() })))
            let inventory = try Self.cluster(bundleSeed)
            let rendering = adapter.render(bundle, inventory: inventory, options: options)
            let resources = try Self.applied(rendering)
            let reported = reportedOpen(inventory, by: rendering.diagnostics, options: options)
            let smi = SMIAccessModel(pathAnchoring: options.pathAnchoring)
            let grid = generator.boundaryRequests(for: objects)
            let made = grid + (0..<(requests + probes)).map { _ in generator.request(near: objects) }
            let decided = made.enumerated().filter {
                !unenforced.contains($0.element.protocol) && !reported($0.element)
            }
            .map {
                (
                    request: $0.element, proof: $0.offset < grid.count + requests,
                    smiAllows: smi.decide($0.element, in: bundle).isAllowed
                )
            }
            let denied = decided.filter { !$0.smiAllows }
            let original = accessModel(resources, inventory)
            let open = denied.filter { original.allows($0.request) }
            score.missedOverPermits += open.prefix(3).map { "seed \(seed &+ 50_000 &+ UInt64(index)): \($0.request)" }
            let closed = denied.filter { !original.allows($0.request) }
            for mutant in RenderedMutations.mutants(of: resources) {
                let model = accessModel(mutant.resources, inventory)
                let widened = closed.filter { model.allows($0.request) }
                guard !widened.isEmpty else { continue }
                score.kinds[mutant.kind, default: (0, 0)].widening += 1
                if widened.contains(where: \.proof) { score.kinds[mutant.kind, default: (0, 0)].caught += 1 }
            }
        }
        return score
    }

    /// Runs `mutationScore`, prints it, and records a score under `minimumScore` as a test
    /// issue.
    ///
    /// Any probe request the unmutated rendering over-permits is one too.
    public func expectSensitive(bundles: Int, requests: Int, probes: Int, minimumScore: Double = 0.95) throws {
        let score = try mutationScore(bundles: bundles, requests: requests, probes: probes)
        print("mutation score \(adapter.mesh): \(score.summary)")
        #expect(
            score.missedOverPermits.isEmpty,
            "over-permits the differential missed:\n\(score.missedOverPermits.joined(separator: "\n"))")
        #expect(score.score >= minimumScore, "\(score.summary)")
    }

    /// The code of the first adapter diagnostic about the TrafficTarget that SMI says grants
    /// the request (`decision` names it), which accounts for the mesh denying it; nil when the
    /// rendering says nothing about that target (an info counts: Istio's note on repeated
    /// headers).
    static func explanation(_ diagnostics: [Diagnostic], granting decision: AccessDecision) -> String? {
        guard let granting = decision.reason.firstMatch(of: /^TrafficTarget ([^\/ ]+)\/([^ ]+) rule/) else {
            return nil
        }
        let (namespace, name) = (String(granting.1), String(granting.2))
        let about = diagnostics.filter { diagnostic in
            ["SMI3", "SMI4", "SMI5", "SMI6"].contains(where: diagnostic.code.rawValue.hasPrefix)
                && diagnostic.object?.kind == "TrafficTarget" && diagnostic.object?.name == name
                && (diagnostic.object?.namespace ?? "default") == namespace
        }
        // The reason is best told by a diagnostic naming the granting match (or route).
        let match = decision.reason.firstMatch(of: /match ([^)]+)\)/).map { "'\($0.1)'" }
        let route = decision.reason.firstMatch(of: /\((?:HTTPRouteGroup|TCPRoute) ([^,)]+)/).map { String($0.1) }
        let named = about.first { diagnostic in
            [match, route].compactMap { $0 }.contains { diagnostic.message.contains($0) }
        }
        return (named ?? about.first)?.code.rawValue
    }

    /// The requests of a grid that the mesh allows and SMI denies, for the golden case `c`, and
    /// how many requests were decided.
    ///
    /// The grid holds every pair of identities of the case, its ports and 80 and 9999, raw TCP
    /// and a few HTTP requests. Requests to destinations the rendering reports as open in the
    /// cluster (see `isReportedOpen`) are left out unless `exemptingReported` is false.
    public func gridOverPermits(_ c: GoldenCases.Case, exemptingReported: Bool = true) throws -> (
        overPermits: [String], checked: Int
    ) {
        let text = try String(contentsOf: c.folder.appendingPathComponent("input.yaml"), encoding: .utf8)
        let documents = try YAMLReader().read(text)
        let bundle = SMIBundle(documents)
        let inventory = Inventory(manifests: documents)
        let rendering = adapter.render(bundle, inventory: inventory, options: RenderOptions())
        let mesh = accessModel(try Self.applied(rendering), inventory)
        let identities = Set(
            inventory.workloads.map {
                AccessRequest.Identity(namespace: $0.namespace, serviceAccount: $0.serviceAccount)
            }
        )
        .union([AccessRequest.Identity(namespace: "monitoring", serviceAccount: "prometheus")])
        .sorted { ($0.namespace, $0.serviceAccount) < ($1.namespace, $1.serviceAccount) }
        let ports = Set(inventory.workloads.flatMap { $0.ports.map(\.port) }).union([80, 9999]).sorted()
        let http: [(String, String, [String: [String]]?)] = [
            ("GET", "/", nil), ("GET", "/metrics", nil), ("POST", "/api/items", ["x-tenant": ["acme"]]),
            ("GET", "/books/1", nil),
            ("DELETE", "/items", nil), ("GET", "/api", ["user-agent": ["Mozilla/5.0 Android"]]),
            ("GET", "/healthz", nil)
        ]
        var overPermits: [String] = []
        var checked = 0
        for source in identities {
            for destination in identities {
                for port in ports {
                    var requests = [AccessRequest(source: source, destination: destination, port: port, protocol: .tcp)]
                    requests += http.map {
                        AccessRequest(
                            source: source, destination: destination, port: port, protocol: .http, method: $0.0,
                            path: $0.1, headers: $0.2)
                    }
                    for request in requests
                    where !unenforced.contains(request.protocol)
                        && !(exemptingReported && Self.isReportedOpen(destination, by: rendering.diagnostics))
                    {
                        checked += 1
                        if mesh.allows(request) && !SMIAccessModel().decide(request, in: bundle).isAllowed {
                            overPermits.append("\(c.name): \(adapter.mesh) allows \(request), SMI denies it")
                        }
                    }
                }
            }
        }
        return (overPermits, checked)
    }

    /// Whether the rendering's diagnostics say that nothing governs `destination` in the
    /// cluster: its namespace is the mesh's control plane, left alone (SMI2701), or its pods
    /// run no proxy or let ports bypass it (SMI2703, SMI2705).
    ///
    /// Requests there are open by the cluster's making, and reported; any other open
    /// destination is an over-permit.
    static func isReportedOpen(_ destination: AccessRequest.Identity, by diagnostics: [Diagnostic]) -> Bool {
        diagnostics.contains { diagnostic in
            switch diagnostic.code {
            case .controlPlaneLeftAlone:
                return diagnostic.message.split(separator: ":").last?.split(separator: ",")
                    .contains { $0.trimmingCharacters(in: .whitespaces) == destination.namespace } ?? false
            case .noProxy, .unprotectedWorkload:
                return diagnostic.message.contains(" runs as \(destination.namespace)/\(destination.serviceAccount) ")
            default:
                return false
            }
        }
    }

    /// Runs the differential test, prints its summary, and records every failed expectation as
    /// a test issue.
    ///
    /// Those are any over-permit, any unexplained over-deny, fewer than `minimumPairs` pairs,
    /// an SMI allow rate under `minimumAllowRate` (requests that can show an over-deny;
    /// measured 38-40% over the fixed and dated seeds, requests from outside the mesh being all
    /// denies), or a rendering that keeps `minimumKept` or less of SMI's allows: a rendering
    /// that denies everything keeps none, so it cannot pass (a mesh that is stricter by design,
    /// and says why, asks for less). With `ambient`, the cluster's namespaces are in Istio's
    /// ambient mode (`SMIBundleGenerator.clusterManifests(ambient:)`).
    public func expectNeverMorePermissive(
        bundles: Int, requests: Int, minimumPairs: Int, seed: UInt64 = SMIBundleGenerator.seed,
        options: RenderOptions = RenderOptions(), ambient: Bool = false,
        minimumKept: Double, minimumAllowRate: Double = 0.35, label: String = ""
    ) throws {
        let report = try differential(
            bundles: bundles, requests: requests, seed: seed, options: options, ambient: ambient)
        print("differential \(adapter.mesh)\(label.isEmpty ? "" : " (\(label))"), seed \(seed): \(report.summary)")
        #expect(report.pairs >= minimumPairs)
        #expect(
            report.overPermitCount == 0,
            "\(report.overPermitCount) over-permits in \(report.pairs) pairs:\n\(report.overPermits.joined(separator: "\n"))"
        )
        #expect(
            report.unexplainedOverDenyCount == 0,
            "\(report.unexplainedOverDenyCount) over-denies without a diagnostic:\n\(report.unexplainedOverDenies.joined(separator: "\n"))"
        )
        #expect(Double(report.smiAllows) / Double(max(report.pairs, 1)) >= minimumAllowRate, "\(report.summary)")
        #expect(Double(report.keptAllows) / Double(max(report.smiAllows, 1)) > minimumKept, "\(report.summary)")
    }

    /// Two targets whose route groups differ only in how a path is encoded must each keep their
    /// own bytes.
    ///
    /// The path is `é` as one scalar, and as `e` and a combining accent: equal as Swift
    /// strings, different bytes, and a proxy matches bytes. Each target's grant must carry its
    /// own group's bytes. A table keyed by equal text that handed the first one's translation
    /// to the second would grant the second target's sources the first's path, which SMI does
    /// not grant them.
    public func expectEachTargetKeepsItsOwnBytes() throws {
        let composed = "/caf\u{E9}", decomposed = "/cafe\u{301}"
        let documents = try YAMLReader().read(
            [composed, decomposed].enumerated().map { index, path in
                let i = index + 1
                return """
                    apiVersion: specs.smi-spec.io/v1alpha4
                    kind: HTTPRouteGroup
                    metadata: {name: g\(i), namespace: shop}
                    spec: {matches: [{name: m, pathRegex: "\(path)", methods: [GET]}]}
                    ---
                    apiVersion: access.smi-spec.io/v1alpha3
                    kind: TrafficTarget
                    metadata: {name: t\(i), namespace: shop}
                    spec:
                      destination: {kind: ServiceAccount, name: api\(i), namespace: shop}
                      rules: [{kind: HTTPRouteGroup, name: g\(i), matches: [m]}]
                      sources: [{kind: ServiceAccount, name: web, namespace: shop}]
                    ---
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: api\(i), namespace: shop}
                    spec:
                      selector: {matchLabels: {app: api\(i)}}
                      template:
                        metadata: {labels: {app: api\(i)}}
                        spec: {serviceAccountName: api\(i), containers: [{name: a, image: x, ports: [{containerPort: 8080}]}]}
                    ---
                    apiVersion: v1
                    kind: Service
                    metadata: {name: api\(i), namespace: shop}
                    spec: {selector: {app: api\(i)}, ports: [{name: http, port: 8080}]}
                    """
            }.joined(separator: "\n---\n"))
        let bundle = SMIBundle(documents)
        #expect(bundle.trafficTargets.count == 2 && bundle.diagnostics.isEmpty, "\(bundle.diagnostics)")
        let rendering = adapter.render(bundle, inventory: Inventory(manifests: documents), options: RenderOptions())
        let output = Array(rendering.yaml().utf8)
        func count(_ text: String) -> Int {
            let needle = Array(text.utf8)
            return output.indices.filter { output[$0...].starts(with: needle) }.count
        }
        #expect(
            count("caf\u{E9}") > 0 && count("caf\u{E9}") == count("cafe\u{301}"),
            "\(adapter.mesh):\n\(rendering.yaml())")
    }

    /// The adapter's capability table has one row per `SMIFeature`, in order, and every code
    /// its goldens report is explained.
    ///
    /// A code its golden cases (`Tests/<goldenTarget>/Golden`) report is explained by
    /// `DiagnosticCode.catalogue` or by the adapter's own catalogue, so `smi explain CODE`
    /// answers for it. Records what is missing as test issues.
    public func expectCapabilitiesComplete(goldenTarget: String) throws {
        #expect(adapter.capabilities.features.map(\.feature) == SMIFeature.allCases)
        #expect(adapter.capabilities.features.allSatisfy { !$0.reason.isEmpty })
        var reported: Set<String> = []
        for c in GoldenCases.cases(target: goldenTarget) {
            let text = try String(contentsOf: c.folder.appendingPathComponent("diagnostics.txt"), encoding: .utf8)
            reported.formUnion(text.matches(of: /\[(SMI[0-9]{4})\]/).map { String($0.1) })
        }
        let explained = Set(DiagnosticCode.catalogue.keys.map(\.rawValue)).union(
            adapter.capabilities.diagnostics.keys.map(\.rawValue))
        #expect(!reported.isEmpty)
        #expect(
            reported.subtracting(explained).isEmpty,
            "codes without an explanation: \(reported.subtracting(explained).sorted())")
    }

    /// Random TrafficSplits, rendered with `options`, must route requests as SMI does.
    ///
    /// The splits have zero weights, the root as a backend, two per root, and matches; and
    /// requests: where the mesh sends each request to a root Service, by `route` over the
    /// rendered resources (FQDN to share), must be where SMI sends it, share for share.
    /// Requests only of the `protocols` given (all when nil), each made as `shape` says (a gRPC
    /// port takes POST requests only). Shares agree within `tolerance` (a mesh whose weights
    /// are rounded, and says so, asks for more than float error). Requests SMI splits by a
    /// TrafficSplit that a diagnostic `excuses` names (the rendering says it routes them
    /// otherwise) are left out. Records mismatches as test issues; returns how many requests
    /// were compared and how many were split.
    public func expectRoutesAsSMI(
        bundles: Int, requests: Int, inventory: Inventory = Inventory(), options: RenderOptions = RenderOptions(),
        tolerance: Double = 1e-9, excuses: (Diagnostic) -> Bool = { _ in false },
        protocols: Set<AccessRequest.TrafficProtocol>? = nil, shape: (inout AccessRequest) -> Void = { _ in },
        route: ([ManifestNode], AccessRequest, _ namespace: String, _ root: String) -> [String: Double]
    ) throws -> (compared: Int, split: Int) {
        var compared = 0
        var split = 0
        for index in 0..<bundles {
            let seed = SMIBundleGenerator.seed &+ 10_000 &+ UInt64(index)
            var generator = SMIBundleGenerator(seed: seed)
            let objects = generator.splitObjects()
            let bundle = SMIBundle(
                try YAMLReader().read(YAMLWriter().write(documents: try objects.map { try $0.manifest() })))
            let rendering = adapter.render(bundle, inventory: inventory, options: options)
            let resources = try Self.applied(rendering)
            let smi = SMITrafficModel(bundle)
            let excused = Set(
                rendering.diagnostics.filter(excuses).compactMap { diagnostic in
                    diagnostic.object.flatMap { $0.kind == "TrafficSplit" ? $0 : nil }.map {
                        SMIBundle.Key(namespace: $0.namespace ?? "default", name: $0.name)
                    }
                })
            for _ in 0..<requests {
                var request = generator.request(near: objects)
                // UDP is routed like TCP by SMI; it is the comparison of TCP routing.
                if request.protocol == .udp { request.protocol = .tcp }
                if let protocols, !protocols.contains(request.protocol) { continue }
                shape(&request)
                if !inventory.services.isEmpty {
                    request.port = inventory.services[0].ports.first?.port ?? request.port
                }
                let namespace = SMIBundleGenerator.namespaces[compared % 2]
                let root = SMIBundleGenerator.rootServices[(compared / 2) % 2]
                let fqdn = { (service: String) in "\(service).\(namespace).svc.cluster.local" }
                var expected: [String: Double] = [:]
                switch smi.route(service: root, namespace: namespace, request: request) {
                case .root: expected = [fqdn(root): 1]
                case let .split(key, _) where excused.contains(key):
                    continue
                case let .split(_, shares):
                    split += 1
                    for share in shares where share.numerator > 0 {
                        expected[fqdn(share.service), default: 0] += Double(share.numerator) / Double(share.denominator)
                    }
                }
                let got = route(resources, request, namespace, root)
                let same =
                    Set(got.keys) == Set(expected.keys)
                    && got.allSatisfy { abs($0.value - (expected[$0.key] ?? -1)) <= tolerance }
                #expect(
                    same,
                    "seed \(seed): \(request) to \(namespace)/\(root): SMI \(expected), \(adapter.mesh) \(got)\n\(rendering.yaml())"
                )
                compared += 1
                if !same { return (compared, split) }
            }
        }
        return (compared, split)
    }
}
