import SMICore

/// TrafficSplits as Istio VirtualServices (Istio notes 3.1, 3.2): one per split, for the root
/// Service's FQDN; per root port, only the backends exposing that port (SMI's port rule),
/// zero weights left out and the others reduced by their gcd (percentages by largest
/// remainder for Istio before 1.15); a split with `matches` gets a first HTTP route with the
/// route groups' conditions and a last one to the root, and no TCP split.
struct IstioSplitTranslator {
    /// The resource this translator writes.
    typealias Route = Istio.NetworkingV1.VirtualService

    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions

    /// The largest total of weights Istio adds up safely (an int32).
    static let maximumTotal = Int(Int32.max)

    func render(into rendering: inout Rendering) {
        let diagnostics = SplitPlan.forEach(in: bundle, inventory: inventory) { plan in
            guard var service = virtualService(plan, into: &rendering) else { return }
            service.apiVersion = IstioTargetVersion(options).networkingAPIVersion
            rendering.add(service)
        }
        for diagnostic in diagnostics { rendering.advise(diagnostic) }
    }

    /// Reports a finding about a split at its document (once, however many ports it concerns).
    private func report(
        _ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ plan: SplitPlan,
        into rendering: inout Rendering
    ) {
        rendering.report(severity, code, message, about: plan.document)
    }

    /// `<service>.<namespace>.svc.<cluster domain>`.
    private func fqdn(_ service: String, _ namespace: String) -> String {
        options.serviceHost(service, namespace: namespace)
    }

    private func virtualService(_ plan: SplitPlan, into rendering: inout Rendering) -> Route? {
        let namespace = plan.key.namespace
        let rootHost = fqdn(plan.root, namespace)
        if IstioAmbient(inventory: inventory).isAmbient(namespace) {
            report(
                .warning, .istioAmbient,
                "namespace \(namespace) is in ambient mode: the VirtualService splits traffic only when the root Service uses a waypoint",
                plan, into: &rendering)
        }
        if plan.ports.contains(where: { $0.port == nil }) {
            report(
                .warning, .istioSplitRouting,
                "the routes cover every port, and every backend is assumed to expose the ports the root has", plan,
                into: &rendering)
        }
        let headers = (plan.conditions ?? []).flatMap(\.headers)
        if let (name, reason) = headers.lazy.compactMap({ header in
            HeaderMatching.envoyCannotMatch(header.name).map { (header.name, $0) }
        }).first {
            report(
                .error, .istioSplitRouting,
                "the split is not rendered: its matches name header '\(name)', and \(reason)", plan, into: &rendering)
            return nil
        }
        // Envoy matches the comma-joined value of repeated headers; SMI matches each value.
        for name in Set(headers.filter { (try? RE2Regex($0.regex))?.canMatch(",") ?? false }.map(\.name)).sorted() {
            report(
                .warning, .istioSplitRouting,
                "header '\(name)': Envoy matches the values of repeated '\(name)' headers joined by ',', which this regex can match: such a request may be routed otherwise than SMI routes it",
                plan, into: &rendering)
        }
        let conditions = plan.conditions.map { $0.map(matchRequest) }
        if let long = (conditions ?? []).flatMap(Self.regexes).first(where: { $0.utf8.count > Self.maximumRegexBytes })
        {
            report(
                .error, .istioSplitRouting,
                "the split is not rendered: a match's regex as Istio needs it is \(long.utf8.count) bytes long, and Istio's validation refuses a VirtualService regex over \(Self.maximumRegexBytes)",
                plan, into: &rendering)
            return nil
        }
        var http: [Route.HTTPRoute] = []
        var tcp: [Route.TCPRoute] = []
        for portPlan in plan.ports {
            let port = portPlan.port
            guard
                let destinations = destinations(portPlan, namespace: namespace, plan, into: &rendering)
            else { continue }
            let portMatch = port.map { [Route.HTTPMatchRequest(port: $0)] }
            let suffix = port.map { "-\($0)" } ?? ""
            if let conditions {
                let matched = conditions.map { condition -> Route.HTTPMatchRequest in
                    var condition = condition
                    condition.port = port
                    return condition
                }
                http.append(.init(name: "split\(suffix)", match: matched, route: destinations))
                http.append(
                    .init(
                        name: "root\(suffix)", match: portMatch,
                        route: [.init(destination: .init(host: rootHost, port: port))]))
            } else {
                http.append(.init(name: "split\(suffix)", match: portMatch, route: destinations))
                tcp.append(.init(match: port.map { [Route.L4Match(port: $0)] }, route: destinations))
            }
        }
        guard !http.isEmpty else { return nil }
        let meta = RenderedMetadata.make(
            name: plan.key.name, namespace: namespace, sources: plan.document.object.map { [$0] } ?? [],
            options: options)
        return Route(metadata: meta, spec: .init(hosts: [rootHost], http: http, tcp: tcp.isEmpty ? nil : tcp))
    }

    /// The weighted destinations of one root port, or nil when the weights cannot be written.
    private func destinations(
        _ portPlan: SplitPlan.PortPlan, namespace: String, _ plan: SplitPlan,
        into rendering: inout Rendering
    ) -> [Route.RouteDestination]? {
        let hosts = portPlan.backends.map {
            Route.Destination(host: fqdn($0.service, namespace), port: portPlan.port)
        }
        if hosts.count == 1 { return [.init(destination: hosts[0])] }
        guard let weights = self.weights(portPlan.backends, plan, into: &rendering) else { return nil }
        return zip(hosts, weights).map { Route.RouteDestination(destination: $0, weight: $1) }
    }

    /// The weights Istio gets: exact ratios reduced by their gcd, or percentages before 1.15,
    /// or a rescale when the total would not fit Istio's int32; nil when they cannot be written.
    private func weights(_ backends: [SplitPlan.Backend], _ plan: SplitPlan, into rendering: inout Rendering) -> [Int]?
    {
        let percentages = IstioTargetVersion(options).needsPercentages
        let (values, messages) = SplitPlan.weights(
            backends, scale: percentages ? 100 : 1_000_000,
            reason: percentages
                ? "Istio \(options.releaseName) needs percentages summing to 100"
                : "the weights add up to more than Istio can hold",
            fits: { !percentages && $0.reduce(0) { $0 > Self.maximumTotal ? $0 : $0 + $1 } <= Self.maximumTotal })
        for message in messages {
            report(values == nil ? .error : .warning, .istioSplitRouting, message, plan, into: &rendering)
        }
        return values
    }

    /// The longest regex Istio's VirtualService validation accepts, in bytes (Istio notes 5).
    static let maximumRegexBytes = 1024

    /// The regexes of a match request: its path's and its headers'.
    private static func regexes(_ request: Route.HTTPMatchRequest) -> [String] {
        ([request.uri?.regex] + (request.headers ?? [:]).values.map(\.regex)).compactMap { $0 }
    }

    /// One planned condition as an Istio match request; Istio matches the whole path, and
    /// SMI's regex matches from its start (notes 3.1).
    private func matchRequest(_ condition: SplitPlan.Condition) -> Route.HTTPMatchRequest {
        var request = Route.HTTPMatchRequest()
        if let pattern = condition.pathRegex {
            request.uri = .regex(options.pathAnchoring == .prefix ? "(?:\(pattern))(?s:.*)" : "(?:\(pattern))")
        }
        request.method = condition.method.map(Route.StringMatch.exact)
        let headers = Dictionary(
            uniqueKeysWithValues: condition.headers.map { ($0.name, Route.StringMatch.regex($0.regex)) })
        request.headers = headers.isEmpty ? nil : headers
        return request
    }
}
