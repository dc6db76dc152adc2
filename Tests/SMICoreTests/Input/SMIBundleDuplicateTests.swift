import SMICore
import Testing

/// Objects with one kind, namespace and name: the last in input order is kept (as a second
/// `kubectl apply` would replace the first), each one replaced is reported at the one that
/// replaces it with where the one before it is, and the bundle's lists are sorted by key.
///
/// Checked over random inputs in random order against that definition.
@Suite struct SMIBundleDuplicateTests {
    static let kinds = [
        (
            "access.smi-spec.io/v1alpha3", "TrafficTarget",
            "spec: {destination: {kind: ServiceAccount, name: api, namespace: x}, sources: [{kind: ServiceAccount, name: web, namespace: x}], rules: [{kind: TCPRoute, name: db}]}"
        ),
        ("specs.smi-spec.io/v1alpha4", "HTTPRouteGroup", "spec: {matches: [{name: all, pathRegex: /}]}"),
        ("specs.smi-spec.io/v1alpha4", "TCPRoute", "spec: {matches: {ports: [5432]}}"),
        ("specs.smi-spec.io/v1alpha4", "UDPRoute", "spec: {matches: {ports: [53]}}"),
        ("split.smi-spec.io/v1alpha4", "TrafficSplit", "spec: {service: root, backends: [{service: a, weight: 1}]}")
    ]

    @Test func theLastOfEachKeyIsKeptAndEachReplacedOneReported() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            // (kind, namespace, name, marker): the marker tells documents apart.
            let documents = (0..<Int.random(in: 1...60, using: &random)).map { marker in
                (
                    kind: Int.random(in: 0..<Self.kinds.count, using: &random),
                    namespace: ["a", "b"].randomElement(using: &random)!,
                    name: "n\(Int.random(in: 0..<6, using: &random))", marker: marker
                )
            }
            let yaml = documents.map { d in
                let (apiVersion, kind, spec) = Self.kinds[d.kind]
                return
                    "apiVersion: \(apiVersion)\nkind: \(kind)\nmetadata: {name: \(d.name), namespace: \(d.namespace), labels: {marker: '\(d.marker)'}}\n\(spec)\n"
            }.joined(separator: "---\n")
            let bundle = SMIBundle(try YAMLReader().read(yaml))

            var last: [String: Int] = [:]
            var expectedWarnings: Set<String> = []
            for (position, d) in documents.enumerated() {
                let id = "\(d.kind) \(d.namespace)/\(d.name)"
                if let previous = last[id] {
                    expectedWarnings.insert(
                        "\(5 * position + 1):1 a second \(Self.kinds[d.kind].1) named \(d.namespace)/\(d.name) replaces the first (the other one is at \(5 * previous + 1):1)"
                    )
                }
                last[id] = position
            }
            func kept(_ kind: Int) -> [String] {
                documents.enumerated().filter {
                    $0.element.kind == kind && last["\(kind) \($0.element.namespace)/\($0.element.name)"] == $0.offset
                }
                .sorted { ($0.element.namespace, $0.element.name) < ($1.element.namespace, $1.element.name) }
                .map { "\($0.element.namespace)/\($0.element.name) \($0.element.marker)" }
            }
            func described(_ key: SMIBundle.Key, _ metadata: ObjectMeta) -> String {
                "\(key) \(metadata.labels?["marker"] ?? "?")"
            }
            #expect(bundle.trafficTargets.map { described($0.key, $0.object.metadata) } == kept(0))
            #expect(
                bundle.httpRouteGroups.values.map { described($0.key, $0.object.metadata) }.sorted() == kept(1).sorted()
            )
            #expect(bundle.tcpRoutes.values.map { described($0.key, $0.object.metadata) }.sorted() == kept(2).sorted())
            #expect(bundle.udpRoutes.values.map { described($0.key, $0.object.metadata) }.sorted() == kept(3).sorted())
            #expect(bundle.trafficSplits.map { described($0.key, $0.object.metadata) } == kept(4))
            #expect(bundle.httpRouteGroups.allSatisfy { $0.key == $0.value.key })
            let warnings = bundle.diagnostics.filter { $0.code == .duplicateObject }
            #expect(Set(warnings.map { "\($0.location.map(\.description) ?? "-") \($0.message)" }) == expectedWarnings)
            #expect(warnings.count == expectedWarnings.count)
            #expect(
                bundle.diagnostics.map(\.location)
                    == bundle.diagnostics.map(\.location).sorted {
                        ($0?.line ?? 0, $0?.column ?? 0) < ($1?.line ?? 0, $1?.column ?? 0)
                    })
        }
    }
}
