import SMICore

/// SMI HTTP conditions as Consul HTTP matches (Consul notes 4.3), the same for intention
/// permissions and router routes: paths as `pathExact`/`pathPrefix` where a finite set of
/// literals says the same, else `pathRegex` anchored as the options say; one method per
/// condition, merged back where only methods differ; headers as `present` (a regex matching
/// every value) or `regex`.
enum ConsulMatches {
    /// Why a condition cannot be written without widening it.
    struct Problem: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    /// The matches for `condition` (several for a path written as several literals; any of
    /// them admits the request), or why it cannot be expressed.
    static func matches(_ condition: SplitPlan.Condition, anchoring: RE2Regex.Anchoring) -> Result<
        [ConsulHTTPMatch], Problem
    > {
        var headers: [ConsulHTTPMatch.Header] = []
        for header in condition.headers {
            guard let regex = try? RE2Regex(header.regex) else {
                return .failure(Problem(description: "header \(header.name): not RE2"))
            }
            if regex.shape(anchoring: .full, assumingNoNewlines: true) == .matchAll {
                headers.append(.init(name: header.name, present: true))
            } else if regex.canMatch(",") {
                // Envoy joins repeated values with ',' before matching, so values that each
                // fail could be stitched into one that matches.
                return .failure(
                    Problem(
                        description:
                            "header \(header.name)'s regex '\(header.regex)' can match ',', and Consul matches repeated values joined by ','"
                    ))
            } else {
                headers.append(.init(name: header.name, regex: header.regex))
            }
        }
        let methods = condition.method.map { [$0] }
        let header = headers.isEmpty ? nil : headers
        guard let path = condition.pathRegex, let regex = try? RE2Regex(path) else {
            return .success([ConsulHTTPMatch(methods: methods, header: header)])
        }
        if regex.shape(anchoring: anchoring, assumingNoNewlines: true) == .matchAll {
            return .success([ConsulHTTPMatch(methods: methods, header: header)])
        }
        if var forms = regex.forms(anchoring: anchoring, limit: 8, assumingNoNewlines: true), !forms.isEmpty,
            forms.allSatisfy({ $0.literal.hasPrefix("/") })
        {
            // A literal holding '?' matches no path (the path ends where the query starts), but
            // Envoy's prefix match reads the query too: `/q?x=1` would admit `/q?x=1&y=2`.
            forms.removeAll { $0.literal.contains("?") }
            guard !forms.isEmpty else {
                return .failure(
                    Problem(
                        description:
                            "pathRegex '\(path)' needs a '?', which no path holds (the query is not part of it): it matches nothing"
                    ))
            }
            return .success(
                forms.map { form in
                    form.tail == .end
                        ? ConsulHTTPMatch(pathExact: form.literal, methods: methods, header: header)
                        : ConsulHTTPMatch(pathPrefix: form.literal, methods: methods, header: header)
                })
        }
        let written = anchoring == .full ? path : "(?:\(path)).*"
        return .success([ConsulHTTPMatch(pathRegex: written, methods: methods, header: header)])
    }

    /// `matches` in order with those that differ only in their single method merged into one
    /// (first position kept, methods in the order met).
    static func merged(_ matches: [ConsulHTTPMatch]) -> [ConsulHTTPMatch] {
        var out: [ConsulHTTPMatch] = []
        for match in matches {
            var key = match
            key.methods = nil
            if let methods = match.methods,
                let index = out.firstIndex(where: { other in
                    var otherKey = other
                    otherKey.methods = nil
                    return otherKey == key && other.methods != nil
                })
            {
                for method in methods where !(out[index].methods ?? []).contains(method) {
                    out[index].methods?.append(method)
                }
            } else if !out.contains(match) {
                out.append(match)
            }
        }
        return out
    }
}
