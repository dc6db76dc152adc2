import SMICore

/// TrafficSplits as Istio VirtualServices (Istio notes 3.1, 3.2): one per split, for the root
/// Service's FQDN; per root port, only the backends exposing that port (SMI's port rule),
/// zero weights left out and the others reduced by their gcd (percentages by largest
/// remainder for Istio before 1.15); a split with `matches` gets a first HTTP route with the
/// route groups' conditions and a last one to the root, and no TCP split.
struct IstioSplitTranslator {
    let bundle: SMIBundle
    let inventory: Inventory
    let options: RenderOptions

    /// Istio before 1.15 wants percentages summing to 100 (notes 3.2).
    var needsPercentages: Bool { IstioTargetVersion(options).needsPercentages }

    /// The largest total of weights Istio adds up safely (an int32).
    static let maximumTotal = Int(Int32.max)

    func render(into rendering: inout Rendering) {
        let model = SMITrafficModel(bundle, pathAnchoring: options.pathAnchoring)
        for item in bundle.trafficSplits {
            guard model.isUsed(item.key) else {
                report(.error, .istioNotRendered, "the TrafficSplit has errors (or shares its root Service with another split) and is not rendered; traffic to the root Service is not split", item, into: &rendering)
                continue
            }
            if var service = split(item, into: &rendering) {
                service.apiVersion = IstioTargetVersion(options).networkingAPIVersion
                guard let node = try? ManifestEncoder().encode(service) else { continue }
                rendering.add(node)
            }
        }
    }

    /// Reports a finding once, however many root ports it concerns.
    private func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String, _ item: SMIBundle.Item<Split.V1Alpha4.TrafficSplit>, into rendering: inout Rendering) {
        let diagnostic = Diagnostic(severity, code, message, object: item.document.object, file: item.document.source.file, location: item.document.source.root.location)
        if !rendering.diagnostics.contains(diagnostic) { rendering.report(diagnostic) }
    }

    private func fqdn(_ service: String, _ namespace: String) -> String {
        "\(service).\(namespace).svc.\(options.clusterDomain)"
    }

    private func split(_ item: SMIBundle.Item<Split.V1Alpha4.TrafficSplit>, into rendering: inout Rendering) -> VirtualService? {
        let namespace = item.key.namespace
        guard case let .success((root, _)) = Split.rootService(item.object.spec.service, namespace: namespace) else { return nil }
        let rootHost = fqdn(root, namespace)
        if inventory.namespaces.contains(where: { $0.name == namespace && $0.labels[IstioAccessTranslator.dataplaneModeLabel] == "ambient" }) {
            report(.warning, .istioAmbient, "namespace \(namespace) is in ambient mode: the VirtualService splits traffic only when the root Service uses a waypoint", item, into: &rendering)
        }
        // nil: the root is not in the inventory, so routes cover every port.
        let ports: [Int?]
        if let service = inventory.service(namespace: namespace, name: root), !service.ports.isEmpty {
            ports = Set(service.ports.map(\.port)).sorted()
        } else {
            ports = [nil]
            report(.warning, .istioSplitPorts, "Service \(namespace)/\(root) is not in the inventory (or lists no port): the routes cover every port, and every backend is assumed to expose the ports the root has", item, into: &rendering)
        }
        var conditions: [VirtualService.HTTPMatchRequest]?
        if let references = item.object.spec.matches, !references.isEmpty {
            conditions = matchRequests(references, namespace: namespace)
            if conditions?.isEmpty ?? false {
                report(.warning, .istioSplitPorts, "no request can match the split's route groups: every request goes to the root Service, and no VirtualService is rendered", item, into: &rendering)
                return nil
            }
        }
        var http: [VirtualService.HTTPRoute] = []
        var tcp: [VirtualService.TCPRoute] = []
        for port in ports {
            guard let destinations = destinations(item, port: port, into: &rendering) else { continue }
            let portMatch = port.map { [VirtualService.HTTPMatchRequest(port: $0)] }
            let suffix = port.map { "-\($0)" } ?? ""
            if let conditions {
                let matched = conditions.map { condition -> VirtualService.HTTPMatchRequest in
                    var condition = condition
                    condition.port = port
                    return condition
                }
                http.append(.init(name: "split\(suffix)", match: matched, route: destinations))
                http.append(.init(name: "root\(suffix)", match: portMatch, route: [.init(destination: .init(host: rootHost, port: port))]))
            } else {
                http.append(.init(name: "split\(suffix)", match: portMatch, route: destinations))
                tcp.append(.init(match: port.map { [VirtualService.L4Match(port: $0)] }, route: destinations))
            }
        }
        guard !http.isEmpty else { return nil }
        let meta = RenderedMetadata.make(name: item.key.name, namespace: namespace, sources: item.document.object.map { [$0] } ?? [], options: options)
        return VirtualService(metadata: meta, spec: .init(hosts: [rootHost], http: http, tcp: tcp.isEmpty ? nil : tcp))
    }

    /// The weighted backends for one root port (nil: every port), or nil when none is left.
    private func destinations(_ item: SMIBundle.Item<Split.V1Alpha4.TrafficSplit>, port: Int?, into rendering: inout Rendering) -> [VirtualService.RouteDestination]? {
        let namespace = item.key.namespace
        var kept: [(service: String, weight: Int)] = []
        for backend in item.object.spec.backends where backend.weight > 0 {
            if let port, let service = inventory.service(namespace: namespace, name: backend.service), !service.ports.contains(where: { $0.port == port }) {
                report(.warning, .istioSplitPorts, "backend \(backend.service) has no port \(port), so it gets none of port \(port)'s traffic (SMI's port rule)", item, into: &rendering)
                continue
            }
            if let index = kept.firstIndex(where: { $0.service == backend.service }) {
                kept[index].weight += backend.weight
            } else {
                kept.append((backend.service, backend.weight))
            }
        }
        guard !kept.isEmpty else {
            let which = port.map { "port \($0)" } ?? "the root Service"
            report(.warning, .istioSplitPorts, "no backend with a positive weight takes \(which); its traffic goes to the root Service", item, into: &rendering)
            return nil
        }
        let hosts = kept.map { VirtualService.Destination(host: fqdn($0.service, namespace), port: port) }
        if kept.count == 1 { return [.init(destination: hosts[0])] }
        guard let weights = self.weights(kept.map(\.weight), services: kept.map(\.service), item, into: &rendering) else { return nil }
        return zip(hosts, weights).map { VirtualService.RouteDestination(destination: $0, weight: $1) }
    }

    /// The weights Istio gets: exact ratios reduced by their gcd, or percentages; nil (with an
    /// error) when they are too large to scale.
    private func weights(_ weights: [Int], services: [String], _ item: SMIBundle.Item<Split.V1Alpha4.TrafficSplit>, into rendering: inout Rendering) -> [Int]? {
        let reduced = WeightNormalizer.reduced(weights)
        let total = reduced.reduce(0) { $0 > Self.maximumTotal ? $0 : $0 + $1 }
        guard needsPercentages || total > Self.maximumTotal else { return reduced }
        let scale = needsPercentages ? 100 : 1_000_000
        guard let rounded = WeightNormalizer.rounded(reduced, to: scale) else {
            report(.error, .istioSplitWeights, "the weights are too large to scale to \(scale) exactly; the split is not rendered", item, into: &rendering)
            return nil
        }
        let reason = needsPercentages ? "Istio \(options.targetVersion ?? "") needs percentages summing to 100" : "the weights add up to more than Istio can hold"
        if !rounded.changed.isEmpty {
            let exact = zip(services, reduced).map { "\($0) \($1)" }.joined(separator: ", ")
            let approx = zip(services, rounded.values).map { "\($0) \($1)" }.joined(separator: ", ")
            report(.warning, .istioSplitWeights, "\(reason): the shares (\(exact)) are rounded to \(approx) of \(scale)", item, into: &rendering)
        }
        for index in rounded.zeroed {
            report(.warning, .istioSplitWeights, "backend \(services[index]) rounds to 0 and gets no traffic, although SMI gives it \(reduced[index]) of \(reduced.reduce(0, +))", item, into: &rendering)
        }
        return rounded.values
    }

    /// The split's route groups as Istio match requests: every usable match of every group,
    /// one request per method. Matches SMI says admit nothing are left out.
    private func matchRequests(_ references: [Split.RouteReference], namespace: String) -> [VirtualService.HTTPMatchRequest] {
        var out: [VirtualService.HTTPMatchRequest] = []
        for reference in references where reference.kind == "HTTPRouteGroup" {
            guard let group = bundle.httpRouteGroups[SMIBundle.Key(namespace: namespace, name: reference.name)]?.object,
                  HTTPMatchEvaluation.isUsable(group)
            else { continue }
            for match in group.spec.matches {
                guard let request = matchRequest(match) else { continue }
                let methods = match.methods ?? []
                if methods.isEmpty || methods.contains("*") {
                    out.append(request)
                } else {
                    for method in methods {
                        var one = request
                        one.method = .exact(method)
                        out.append(one)
                    }
                }
            }
        }
        return out
    }

    /// A match's path and headers, or nil when SMI says it admits nothing (a regex that is not
    /// RE2, a header named twice).
    private func matchRequest(_ match: Specs.HTTPMatch) -> VirtualService.HTTPMatchRequest? {
        var request = VirtualService.HTTPMatchRequest()
        if let pattern = match.pathRegex, !pattern.isEmpty {
            guard (try? RE2Regex(pattern)) != nil else { return nil }
            // Istio matches the whole path; SMI's regex matches from its start (notes 3.1).
            request.uri = .regex(options.pathAnchoring == .prefix ? "(?:\(pattern))(?s:.*)" : "(?:\(pattern))")
        }
        let conditions = match.headers?.conditions ?? []
        guard Set(conditions.map { $0.name.lowercased() }).count == conditions.count else { return nil }
        var headers: [String: VirtualService.StringMatch] = [:]
        for condition in conditions {
            guard (try? RE2Regex(condition.regex)) != nil else { return nil }
            headers[condition.name.lowercased()] = .regex(condition.regex)
        }
        request.headers = headers.isEmpty ? nil : headers
        return request
    }
}
