import GatewayAPIAdapter
import SMICore
import Testing

/// A split whose matches do not fit one route is spread over several, each within the limits
/// of the target release's CRD (rules per route, matches per rule, the CEL total per route).
@Suite struct GatewayAPIRoutePackingTests {
    /// 15 matches of 9 methods each: 135 route matches, more than any release's one route holds.
    static var input: String {
        let services = ["web", "web-v1", "web-v2"].map {
            "apiVersion: v1\nkind: Service\nmetadata: {name: \($0), namespace: shop}\n"
                + "spec: {selector: {app: \($0)}, ports: [{name: http, port: 80}]}\n"
        }
        let matches = (0..<15).map {
            "  - {name: m\($0), pathRegex: /p\($0)$, methods: [GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH]}"
        }
        let group =
            "apiVersion: specs.smi-spec.io/v1alpha4\nkind: HTTPRouteGroup\nmetadata: {name: many, namespace: shop}\n"
            + "spec:\n  matches:\n" + matches.joined(separator: "\n") + "\n"
        let split =
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata: {name: web, namespace: shop}\n"
            + "spec: {service: web, backends: [{service: web-v1, weight: 9}, {service: web-v2, weight: 1}], "
            + "matches: [{kind: HTTPRouteGroup, name: many}]}\n"
        return (services + [group, split]).joined(separator: "---\n")
    }

    @Test(arguments: GatewayAPIRelease.minors.map { GatewayAPIRelease(minor: $0) })
    func matchesAreSpreadWithinEveryLimit(release: GatewayAPIRelease) throws {
        let translation = SMITranslation(
            yaml: Self.input, file: "split.yaml", adapter: GatewayAPIAdapter(release: release))
        #expect(!translation.hasErrors, "\(translation.diagnostics)")
        let routes = translation.rendering.resources.filter { $0.node(at: "kind")?.value.stringValue == "HTTPRoute" }
        #expect(routes.count == 2)
        var conditions = 0
        var catchAlls = 0
        for route in routes {
            let rules = route.node(at: "spec.rules")?.value.sequenceValue ?? []
            let counts = rules.map { $0.node(at: "matches")?.value.sequenceValue?.count ?? 0 }
            #expect(rules.count <= GatewayAPIRelease.rulesPerRoute)
            #expect(counts.allSatisfy { $0 <= release.httpMatchesPerRule })
            #expect(counts.reduce(0, +) <= release.matchesPerRoute ?? .max)
            for rule in rules {
                let backends = rule.node(at: "backendRefs")?.value.sequenceValue?.compactMap {
                    $0.node(at: "name")?.value.stringValue
                }
                if backends == ["web"] {
                    catchAlls += 1
                } else {
                    conditions += rule.node(at: "matches")?.value.sequenceValue?.count ?? 0
                }
            }
        }
        #expect(conditions == 135)
        #expect(catchAlls == 1)
    }
}
