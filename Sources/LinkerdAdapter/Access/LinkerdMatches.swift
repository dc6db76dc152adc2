import SMICore

/// SMI match conditions as Linkerd HTTPRoute matches, for routing and for authorization
/// alike (Linkerd notes 4.3).
enum LinkerdMatches {
    /// The resource whose matches these are.
    typealias Route = Linkerd.PolicyV1Beta3.HTTPRoute

    /// Linkerd's limits: matches per rule, rules per route.
    static let matchesPerRule = 8
    static let rulesPerRoute = 16

    /// Matches as rules of at most `matchesPerRule` each, all with the same backends.
    static func rules(_ matches: [Route.Match], backends: [Route.BackendReference]? = nil) -> [Route.Rule] {
        stride(from: 0, to: matches.count, by: matchesPerRule).map {
            Route.Rule(matches: Array(matches[$0..<min($0 + matchesPerRule, matches.count)]), backendRefs: backends)
        }
    }

    /// One condition as a Linkerd match.
    ///
    /// Linkerd's regex must span the whole path, so SMI's start-anchored regex R becomes
    /// `^(?:R).*` (`^(?:R)$` with full anchoring); headers match a whole value.
    static func match(_ condition: SplitPlan.Condition, anchoring: RE2Regex.Anchoring) -> Route.Match {
        let path = condition.pathRegex.map {
            Route.PathMatch(type: "RegularExpression", value: anchoring == .prefix ? "^(?:\($0)).*" : "^(?:\($0))$")
        }
        let headers = condition.headers.map {
            Route.HeaderMatch(name: $0.name, type: "RegularExpression", value: "^(?:\($0.regex))$")
        }
        return Route.Match(path: path, headers: headers.isEmpty ? nil : headers, method: condition.method)
    }

    /// Why Linkerd cannot take `condition` as SMI means it, or nil: a regex Rust reads
    /// otherwise than RE2 (`HeaderMatching.rustReadsDifferently`), a header name the CRD rejects, or a
    /// value over the CRD's length limits (the whole HTTPRoute would be rejected).
    static func problem(_ condition: SplitPlan.Condition, anchoring: RE2Regex.Anchoring) -> String? {
        for regex in [condition.pathRegex].compactMap({ $0 }) + condition.headers.map(\.regex) {
            if let reason = HeaderMatching.rustReadsDifferently(regex) { return "the regex '\(regex)': \(reason)" }
        }
        if let header = condition.headers.map(\.name).first(where: { !HeaderMatching.isToken($0) }) {
            return "Linkerd cannot match the header '\(header)'"
        }
        let written = match(condition, anchoring: anchoring)
        if (written.path?.value.count ?? 0) > 1024 || (written.headers ?? []).contains(where: { $0.value.count > 4096 })
        {
            return "a regex is longer than Linkerd's HTTPRoute accepts (1024 characters for paths, 4096 for headers)"
        }
        return nil
    }
}
