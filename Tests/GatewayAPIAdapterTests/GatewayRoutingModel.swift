import SMICore

/// Where a mesh sends an HTTP request by the Gateway API routes attached to a Service, read
/// from the rendered manifests (not from the adapter's types), for the split differential.
///
/// Modelled: producer HTTPRoutes (parentRefs to a Service, with or without port); Exact,
/// PathPrefix (whole segments, a trailing '/' ignored) and RegularExpression (RE2, the whole
/// path) paths, methods, Exact and RegularExpression headers; weights (default 1, 0 excluded).
/// Precedence by implementation:
/// - `istio`: every match is ranked Exact > PathPrefix > RegularExpression, then by value
///   length, method, header count; stable otherwise; the first that matches wins; repeated
///   headers are matched joined by ',' (istio pilot/pkg/config/kube/gateway/conversion.go
///   `sortHTTPRoutes`, Envoy header matching).
/// - `linkerd`: the best score (path characters matched: the prefix length, or the whole path
///   for Exact and RegularExpression; then header count; then method), ties to the earlier
///   rule; each value of a repeated header matched alone (linkerd2-proxy `http-route`).
/// TCPRoutes route every other connection to their port by their one rule's weights. GRPCRoute
/// matches are read as the path conditions they stand for (`/service/method` exact, `/service`
/// segments; no match: every call), which is how Istio converts them; a gRPC call is a POST.
/// Not modelled:
/// consumer routes, hostnames, query parameters, route creation times (routes are taken in
/// name order, which is the tie-break for equal times), Rust's leftmost-first regex search
/// (RE2's whole match is used: the adapter writes regexes that span the path).
struct GatewayRoutingModel {
    enum Implementation { case istio, linkerd }

    struct Match {
        var pathType = "PathPrefix"
        var pathValue = "/"
        var method: String?
        var headers: [(type: String, name: String, value: String)] = []
    }

    struct Rule {
        var matches: [Match]
        var backends: [(name: String, weight: Int)]
    }

    struct Route {
        var kind: String
        var namespace: String
        var name: String
        var parent: String
        var parentPort: Int?
        var rules: [Rule]
    }

    let implementation: Implementation
    let routes: [Route]

    /// Reads the HTTPRoutes among `resources`.
    init(_ resources: [ManifestNode], implementation: Implementation) {
        self.implementation = implementation
        routes = resources.compactMap(Self.route).sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    static func text(_ node: ManifestNode, _ path: FieldPath) -> String? { node.node(at: path)?.value.stringValue }

    static func int(_ node: ManifestNode, _ path: FieldPath) -> Int? {
        if case let .int(value)? = node.node(at: path)?.value { return value }
        return nil
    }

    static func match(_ node: ManifestNode) -> Match {
        let headers = (node.node(at: "headers")?.value.sequenceValue ?? []).map {
            header -> (type: String, name: String, value: String) in
            (text(header, "type") ?? "Exact", text(header, "name") ?? "", text(header, "value") ?? "")
        }
        return Match(
            pathType: text(node, "path.type") ?? "PathPrefix", pathValue: text(node, "path.value") ?? "/",
            method: text(node, "method"), headers: headers)
    }

    /// A GRPCRoute match as the path condition it stands for: `/service/method` exactly, or
    /// the segments under `/service` (Istio turns them into URI matches the same way).
    static func grpcMatch(_ node: ManifestNode) -> Match {
        var match = Self.match(node)
        match.method = nil
        if let service = text(node, "method.service") {
            let method = text(node, "method.method")
            match.pathType = method == nil ? "PathPrefix" : "Exact"
            match.pathValue = "/\(service)" + (method.map { "/\($0)" } ?? "")
        } else {
            (match.pathType, match.pathValue) = ("PathPrefix", "/")
        }
        return match
    }

    static func rule(_ node: ManifestNode, grpc: Bool) -> Rule {
        let matches = (node.node(at: "matches")?.value.sequenceValue ?? []).map(grpc ? grpcMatch : match)
        let backends = (node.node(at: "backendRefs")?.value.sequenceValue ?? []).map {
            backend -> (name: String, weight: Int) in
            (text(backend, "name") ?? "", int(backend, "weight") ?? 1)
        }
        return Rule(matches: matches.isEmpty ? [Match()] : matches, backends: backends)
    }

    static func route(_ node: ManifestNode) -> Route? {
        guard ["HTTPRoute", "GRPCRoute", "TCPRoute"].contains(text(node, "kind") ?? ""),
            let parent = node.node(at: "spec.parentRefs")?.value.sequenceValue?.first,
            text(parent, "kind") == "Service", text(parent, "group") == ""
        else { return nil }
        return Route(
            kind: text(node, "kind") ?? "",
            namespace: text(node, "metadata.namespace") ?? "default", name: text(node, "metadata.name") ?? "",
            parent: text(parent, "name") ?? "", parentPort: int(parent, "port"),
            rules: (node.node(at: "spec.rules")?.value.sequenceValue ?? []).map {
                rule($0, grpc: text(node, "kind") == "GRPCRoute")
            })
    }

    /// The shares of each backend Service for `request` to Service `service` in `namespace`:
    /// the Service itself when no route is attached, none (rejected) when routes are attached
    /// and no rule matches.
    func shares(_ request: AccessRequest, namespace: String, service: String) -> [String: Double] {
        // A connection that is not HTTP is routed by the TCPRoutes of its port; an HTTP
        // request by the HTTPRoutes.
        let kinds: Set = request.protocol == .http ? ["HTTPRoute", "GRPCRoute"] : ["TCPRoute"]
        let attached = routes.filter {
            kinds.contains($0.kind) && $0.namespace == namespace && $0.parent == service
                && ($0.parentPort == nil || $0.parentPort == request.port)
        }
        guard !attached.isEmpty else { return [service: 1] }
        if request.protocol != .http { return Self.shares(of: attached[0].rules.first) }
        let candidates = attached.flatMap { route in
            route.rules.flatMap { rule in rule.matches.map { (match: $0, rule: rule) } }
        }
        let chosen: Rule?
        switch implementation {
        case .istio:
            let ranked = candidates.enumerated().sorted { left, right in
                let l = istioRank(left.element.match), r = istioRank(right.element.match)
                return l != r ? l.lexicographicallyPrecedes(r, by: >) : left.offset < right.offset
            }
            chosen = ranked.first { matches($0.element.match, request) }?.element.rule
        case .linkerd:
            var best: (score: [Int], rule: Rule)?
            for candidate in candidates {
                guard let score = linkerdScore(candidate.match, request) else { continue }
                if let current = best, !current.score.lexicographicallyPrecedes(score) { continue }
                best = (score, candidate.rule)
            }
            chosen = best?.rule
        }
        return Self.shares(of: chosen)
    }

    /// The shares of a rule's backends by weight (none when no rule was chosen: rejected).
    static func shares(of rule: Rule?) -> [String: Double] {
        guard let rule else { return [:] }
        let total = Double(rule.backends.reduce(0) { $0 + $1.weight })
        var out: [String: Double] = [:]
        for backend in rule.backends where backend.weight > 0 {
            out[backend.name, default: 0] += Double(backend.weight) / total
        }
        return out
    }

    func istioRank(_ match: Match) -> [Int] {
        let type = ["Exact": 3, "PathPrefix": 2, "RegularExpression": 1][match.pathType] ?? 0
        return [type, match.pathValue.utf8.count, match.method == nil ? 0 : 1, match.headers.count]
    }

    func linkerdScore(_ match: Match, _ request: AccessRequest) -> [Int]? {
        guard matches(match, request) else { return nil }
        let path = request.pathOnly
        let length =
            switch match.pathType {
            case "PathPrefix": match.pathValue == "/" ? 1 : trimmed(match.pathValue).utf8.count
            default: path.utf8.count
            }
        return [length, match.headers.count, match.method == nil ? 0 : 1]
    }

    func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == "/" }.reversed())
    }

    func matches(_ match: Match, _ request: AccessRequest) -> Bool {
        let path = request.pathOnly
        switch match.pathType {
        case "Exact": guard path == match.pathValue else { return false }
        case "PathPrefix":
            let prefix = trimmed(match.pathValue)
            let candidate = implementation == .linkerd ? trimmed(path) : path
            guard match.pathValue == "/" || candidate == prefix || candidate.hasPrefix(prefix + "/") else {
                return false
            }
        default:
            guard let regex = try? RE2Regex(match.pathValue), regex.matches(path, anchoring: .full) else {
                return false
            }
        }
        if let method = match.method, method != request.method { return false }
        for header in match.headers {
            let values = request.values(ofHeader: header.name)
            guard !values.isEmpty else { return false }
            let seen = implementation == .istio ? [values.joined(separator: ",")] : values
            let regex = header.type == "RegularExpression" ? try? RE2Regex(header.value) : nil
            guard seen.contains(where: { regex?.matches($0, anchoring: .full) ?? ($0 == header.value) }) else {
                return false
            }
        }
        return true
    }
}
