import Foundation
import IstioAdapter
import SMICore
import SMITestSupport
import Testing

/// Random splits and requests: where Istio sends a request by the rendered VirtualServices
/// (first matching route, weights as shares) must be where SMI sends it, share for share.
@Suite struct IstioSplitDifferentialTests {
    /// Istio's routing of one request to a root host: the first HTTP route whose match list
    /// is absent or has a request matching (every field of it), or for TCP the first TCP route
    /// matching the port; without a route, the root Service itself.
    static func shares(_ services: [Istio.NetworkingV1.VirtualService], host: String, request: AccessRequest)
        -> [String: Double]
    {
        guard let service = services.first(where: { $0.spec.hosts.contains(host) }) else { return [host: 1] }
        let route: [Istio.NetworkingV1.VirtualService.RouteDestination]?
        if request.protocol == .http {
            route =
                (service.spec.http ?? []).first { http in
                    guard let match = http.match else { return true }
                    return match.contains { matches($0, request) }
                }?.route
        } else {
            route =
                (service.spec.tcp ?? []).first { tcp in
                    tcp.match?.contains { $0.port == nil || $0.port == request.port } ?? true
                }?.route
        }
        guard let route else { return [host: 1] }
        let total = Double(route.reduce(0) { $0 + ($1.weight ?? 1) })
        var out: [String: Double] = [:]
        for destination in route where (destination.weight ?? 1) > 0 {
            out[destination.destination.host, default: 0] += Double(destination.weight ?? 1) / total
        }
        return out
    }

    static func matches(_ match: Istio.NetworkingV1.VirtualService.HTTPMatchRequest, _ request: AccessRequest) -> Bool {
        if let port = match.port, port != request.port { return false }
        if let method = match.method?.exact, method != request.method { return false }
        if let pattern = match.uri?.regex {
            guard let regex = try? RE2Regex(pattern), regex.matches(request.pathOnly, anchoring: .full) else {
                return false
            }
        }
        for (name, condition) in match.headers ?? [:] {
            let values = request.values(ofHeader: name)
            guard !values.isEmpty, let pattern = condition.regex, let regex = try? RE2Regex(pattern),
                regex.matches(values.joined(separator: ","), anchoring: .full)
            else { return false }
        }
        return true
    }

    @Test func istioRoutesAsSMIDoes() throws {
        let (compared, split) = try IstioConformanceTests.suite.expectRoutesAsSMI(bundles: 150, requests: 60) {
            resources, request, namespace, root in
            let services = resources.compactMap {
                try? ManifestDecoder().decode(Istio.NetworkingV1.VirtualService.self, from: $0)
            }.filter { $0.kind == "VirtualService" }
            return Self.shares(services, host: "\(root).\(namespace).svc.cluster.local", request: request)
        }
        // Enough of the requests must actually be split for the comparison to mean something.
        #expect(split > compared / 8, "\(split) of \(compared) split")
    }
}
