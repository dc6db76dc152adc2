import SMICore

/// SMI match conditions as Linkerd HTTPRoute matches, for routing and for authorization
/// alike (Linkerd notes 4.3).
enum LinkerdMatches {
    /// One condition as a Linkerd match. Linkerd's regex must span the whole path, so SMI's
    /// start-anchored regex R becomes `^(?:R).*` (`^(?:R)$` with full anchoring); headers
    /// match a whole value.
    static func match(_ condition: SplitPlan.Condition, anchoring: RE2Regex.Anchoring) -> HTTPRoute.Match {
        let path = condition.pathRegex.map {
            HTTPRoute.PathMatch(type: "RegularExpression", value: anchoring == .prefix ? "^(?:\($0)).*" : "^(?:\($0))$")
        }
        let headers = condition.headers.map { HTTPRoute.HeaderMatch(name: $0.name, type: "RegularExpression", value: "^(?:\($0.regex))$") }
        return HTTPRoute.Match(path: path, headers: headers.isEmpty ? nil : headers, method: condition.method)
    }

    /// The first regex of `condition` that uses a class whose meaning differs between RE2
    /// (ASCII) and Linkerd's Rust regexes (Unicode): `\d`, `\w`, `\s`, `\b`, `\p`.
    static func unicodeClassRegex(_ condition: SplitPlan.Condition) -> String? {
        ([condition.pathRegex].compactMap { $0 } + condition.headers.map(\.regex)).first(where: hasUnicodeClass)
    }

    /// A header name the HTTPRoute CRD rejects (pseudo-headers, for instance).
    static func unmatchableHeader(_ condition: SplitPlan.Condition) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-.^_`|~")
        return condition.headers.map(\.name).first { $0.isEmpty || !$0.allSatisfy(allowed.contains) }
    }

    static func hasUnicodeClass(_ regex: String) -> Bool {
        var escaped = false
        for character in regex {
            if escaped {
                if "dDwWsSbBpP".contains(character) { return true }
                escaped = false
            } else if character == "\\" {
                escaped = true
            }
        }
        return false
    }
}
