import Foundation
import SMICore
import SMITestSupport
import Synchronization
import Testing

/// Swift seeds its hashing per process, so dictionaries and sets iterate in another order in
/// every run: output built in such an order is not deterministic, and a test inside one process
/// cannot see it.
///
/// These render random bundles in separate processes (one with deterministic hashing, three
/// with random seeds) and compare what they print.
@Suite struct HashSeedTests {
    /// The commands compared: rendering for every mesh and in the other output formats,
    /// validating, and converting to older versions.
    static let variants: [[String]] = [
        ["render", "--mesh", "istio"], ["render", "--mesh", "istio", "-o", "json"], ["render", "--mesh", "linkerd"],
        ["render", "--mesh", "consul"], ["render", "--mesh", "consul", "-o", "entries-hcl"], ["validate"],
        ["convert", "--to", "specs.smi-spec.io/v1alpha3"], ["convert", "--to", "access.smi-spec.io/v1alpha2"],
        ["convert", "--to", "split.smi-spec.io/v1alpha2"]
    ]

    /// Random access and split objects with an inventory, written to `count` files.
    static func bundleFiles(count: Int, seed: UInt64) throws -> [URL] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smi-hash-seed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var generator = SMIBundleGenerator(seed: seed)
        return try (0..<count).map { i in
            let access = generator.objects()
            let groups = Set(
                access.compactMap { object -> String? in
                    guard case let .httpRouteGroup(g) = object else { return nil }
                    return "\(g.metadata.namespace ?? "")/\(g.metadata.name ?? "")"
                })
            // The generator's splits probe errors (repeated backends, two splits of a root);
            // most splits here should render, so each root keeps one split of distinct backends.
            var roots = Set<String>()
            let splits = generator.splitObjects().compactMap { object -> CanonicalSMIObject? in
                switch object {
                case let .httpRouteGroup(g):
                    return groups.contains("\(g.metadata.namespace ?? "")/\(g.metadata.name ?? "")") ? nil : object
                case var .trafficSplit(split):
                    guard roots.insert("\(split.metadata.namespace ?? "")/\(split.spec.service)").inserted else {
                        return nil
                    }
                    var services = Set<String>()
                    split.spec.backends = split.spec.backends.filter { services.insert($0.service).inserted }
                    return .trafficSplit(split)
                default:
                    return object
                }
            }
            var text =
                SMIBundleGenerator.inventoryManifests
                + YAMLWriter().write(documents: try (access + splits).map { try $0.manifest() })
            // One split whose match names two headers in every run, so that Istio writes a
            // map of headers (built from a dictionary) whatever the random bundles hold.
            if i == 0 { text += Self.twoHeaderSplit }
            let file = folder.appendingPathComponent("bundle-\(i).yaml")
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file
        }
    }

    /// A split in its own namespace, with a match on two headers.
    static let twoHeaderSplit = """
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: pay, namespace: fixed}
        spec: {selector: {app: pay}, ports: [{name: http, port: 80}]}
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: {name: tenants, namespace: fixed}
        spec: {matches: [{name: eu-acme, headers: [{x-tenant: acme}, {x-region: eu}, {x-plan: gold}]}]}
        ---
        apiVersion: split.smi-spec.io/v1alpha4
        kind: TrafficSplit
        metadata: {name: pay, namespace: fixed}
        spec:
          service: pay
          backends: [{service: pay-v1, weight: 9}, {service: pay-v2, weight: 1}]
          matches: [{kind: HTTPRouteGroup, name: tenants}]

        """

    @Test func outputIsTheSameInEveryProcess() throws {
        let files = try Self.bundleFiles(count: 12, seed: SMIBundleGenerator.seed)
        defer { try? FileManager.default.removeItem(at: files[0].deletingLastPathComponent()) }
        let jobs = files.flatMap { file in Self.variants.map { $0 + [file.path] } }
        let mismatches = Mutex<[String]>([])
        let silent = Mutex<[String]>([])
        let multiHeaderMatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
            do {
                let fixed = try ProcessRun(smi: jobs[i], environment: ["SWIFT_DETERMINISTIC_HASHING": "1"])
                if fixed.out.isEmpty && fixed.err.isEmpty {
                    silent.withLock { $0.append(jobs[i].joined(separator: " ")) }
                }
                if jobs[i].dropLast() == ["render", "--mesh", "istio"] {
                    multiHeaderMatches.withLock { $0 += Self.headerMappings(withAtLeast: 2, in: fixed.out) }
                }
                for _ in 0..<3 {
                    let seeded = try ProcessRun(smi: jobs[i])
                    if seeded.out != fixed.out || seeded.err != fixed.err || seeded.status != fixed.status {
                        mismatches.withLock { $0.append(jobs[i].joined(separator: " ")) }
                        return
                    }
                }
            } catch {
                mismatches.withLock { $0.append("\(jobs[i].joined(separator: " ")): \(error)") }
            }
        }
        #expect(mismatches.withLock { $0.sorted() } == [])
        // The comparison proves something only if the commands printed something, and the
        // bundles reach a map written from a dictionary (Istio's match headers).
        #expect(silent.withLock { $0.sorted() } == [])
        #expect(multiHeaderMatches.withLock { $0 } > 0)
    }

    /// How many `headers:` mappings of YAML `text` have at least `count` entries.
    static func headerMappings(withAtLeast count: Int, in text: String) -> Int {
        let lines = text.split(separator: "\n")
        var found = 0
        for (i, line) in lines.enumerated() where line.hasSuffix("headers:") {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            let entries = lines[(i + 1)...].prefix { $0.prefix { $0 == " " }.count > indent }
                .filter { $0.prefix { $0 == " " }.count == indent + 2 }
            if entries.count >= count { found += 1 }
        }
        return found
    }
}
