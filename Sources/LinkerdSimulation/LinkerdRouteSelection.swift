public import SMICore

/// How a Linkerd proxy picks one HTTPRoute rule for a request (Linkerd notes 2.7), over the
/// applied routes.
///
/// The access model (which route's authorizations apply) and routing tests (which backends)
/// both ask it.
///
/// Regexes are decided by a `LinkerdRegexEngine`: RE2 unless Rust's own verdicts are given.
public enum LinkerdRouteSelection {
    /// The route and rule Linkerd picks for `request` among `routes` (in their order).
    ///
    /// The best-scored matching match (path length, header count, method), ties to the earlier
    /// route and rule; nil when none matches (Linkerd answers 404).
    public static func best(
        _ routes: [LinkerdApplied.HTTPRoute], _ request: AccessRequest, regexes: LinkerdRegexEngine = .re2
    ) -> (
        route: LinkerdApplied.HTTPRoute, rule: LinkerdApplied.HTTPRoute.Rule
    )? {
        var best: (score: (Int, Int, Int), route: LinkerdApplied.HTTPRoute, rule: LinkerdApplied.HTTPRoute.Rule)?
        for route in routes {
            for rule in route.spec.rules ?? [] {
                // A rule without matches matches every request, as `PathPrefix /` does.
                for match in rule.matches.map({ $0.map(Optional.some) }) ?? [nil] {
                    guard let score = score(match, request, regexes) else { continue }
                    if let current = best, score <= current.score { continue }
                    best = (score, route, rule)
                }
            }
        }
        return best.map { ($0.route, $0.rule) }
    }

    /// The rank of a match for the request, nil when it does not match.
    static func score(
        _ match: LinkerdApplied.HTTPRoute.Match?, _ request: AccessRequest, _ regexes: LinkerdRegexEngine
    ) -> (Int, Int, Int)? {
        let path = request.pathOnly
        var pathScore = 1
        let value = match?.path?.value ?? "/"
        switch match?.path?.type ?? "PathPrefix" {
        case "PathPrefix":
            if value != "/" {
                let trimmed = String(value.reversed().drop(while: { $0 == "/" }).reversed())
                guard path == trimmed || path.hasPrefix(trimmed + "/") else { return nil }
                pathScore = trimmed.count
            }
        case "Exact":
            guard path == value else { return nil }
            pathScore = path.count
        case "RegularExpression":
            guard regexes.admits(value, path) else { return nil }
            pathScore = path.count
        default:
            return nil
        }
        if let method = match?.method, method != request.method { return nil }
        for header in match?.headers ?? [] {
            let values = request.values(ofHeader: header.name)
            switch header.type ?? "Exact" {
            case "RegularExpression":
                guard values.contains(where: { regexes.admits(header.value, $0) }) else { return nil }
            case "Exact":
                guard values.contains(header.value) else { return nil }
            default:
                return nil
            }
        }
        return (pathScore, match?.headers?.count ?? 0, match?.method == nil ? 0 : 1)
    }
}
