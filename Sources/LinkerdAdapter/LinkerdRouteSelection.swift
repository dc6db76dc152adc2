public import SMICore

/// How a Linkerd proxy picks one HTTPRoute rule for a request (Linkerd notes 2.7): shared by
/// the access model (which route's authorizations apply) and routing tests (which backends).
public enum LinkerdRouteSelection {
    /// The route and rule Linkerd picks for `request` among `routes` (in their order): the
    /// best-scored matching match (path length, header count, method), ties to the earlier
    /// route and rule; nil when none matches (Linkerd answers 404).
    public static func best(_ routes: [HTTPRoute], _ request: AccessRequest) -> (
        route: HTTPRoute, rule: HTTPRoute.Rule
    )? {
        var best: (score: (Int, Int, Int), route: HTTPRoute, rule: HTTPRoute.Rule)?
        for route in routes {
            for rule in route.spec.rules {
                for match in rule.matches {
                    guard let score = score(match, request) else { continue }
                    if let current = best, score <= current.score { continue }
                    best = (score, route, rule)
                }
            }
        }
        return best.map { ($0.route, $0.rule) }
    }

    static func score(_ match: HTTPRoute.Match, _ request: AccessRequest) -> (Int, Int, Int)? {
        let path = request.pathOnly
        var pathScore = 1
        switch match.path?.type {
        case nil:
            pathScore = 1
        case "PathPrefix":
            let prefix = match.path?.value ?? "/"
            if prefix != "/" {
                let trimmed = String(prefix.reversed().drop(while: { $0 == "/" }).reversed())
                guard path == trimmed || path.hasPrefix(trimmed + "/") else { return nil }
                pathScore = trimmed.count
            }
        case "Exact":
            guard path == match.path?.value else { return nil }
            pathScore = path.count
        case "RegularExpression":
            guard let regex = try? RE2Regex(match.path?.value ?? ""), regex.matches(path, anchoring: .full) else {
                return nil
            }
            pathScore = path.count
        default:
            return nil
        }
        if let method = match.method, method != request.method { return nil }
        for header in match.headers ?? [] {
            let values = request.values(ofHeader: header.name)
            switch header.type {
            case "RegularExpression":
                guard let regex = try? RE2Regex(header.value),
                    values.contains(where: { regex.matches($0, anchoring: .full) })
                else { return nil }
            default:
                guard values.contains(header.value) else { return nil }
            }
        }
        return (pathScore, match.headers?.count ?? 0, match.method == nil ? 0 : 1)
    }
}
