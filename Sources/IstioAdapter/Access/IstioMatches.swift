import SMICore

/// SMI HTTP matches as Istio AuthorizationPolicy operations and `when` conditions: paths as
/// exact values, prefixes `x*` or one suffix `*x` where the regex is a finite set of them,
/// headers likewise, methods as they are; a failure says why Istio cannot express a match.
struct IstioMatches {
    /// The resource whose rules these matches become.
    typealias Policy = Istio.SecurityV1.AuthorizationPolicy

    /// A match's operations and conditions, or why Istio cannot express it.
    typealias Translation = Result<([Policy.Operation], [Policy.Condition]), MatchProblem>

    /// How `pathRegex` must match the path.
    let anchoring: RE2Regex.Anchoring

    /// One SMI match as Istio operations (one per path form, all with the same methods) and
    /// `when` conditions; a failure says why Istio cannot express it exactly.
    func translate(_ match: Specs.HTTPMatch) -> Translation {
        let methods = match.methods ?? []
        let methodList: [String]? = methods.isEmpty || methods.contains("*") ? nil : methods
        var paths: [String]? = nil
        if let pattern = match.pathRegex, !pattern.isEmpty {
            guard let regex = try? RE2Regex(pattern) else { return .failure(MatchProblem("the pathRegex is not RE2")) }
            guard let forms = regex.forms(anchoring: anchoring, assumingNoNewlines: true) else {
                // Istio's one other form: `*x`, every path ending in x.
                if case let .suffix(tail) = regex.shape(anchoring: anchoring, assumingNoNewlines: true),
                    Self.isSafeSuffix(tail)
                {
                    return headerConditions(match).map {
                        ([Policy.Operation(methods: methodList, paths: ["*" + tail])], $0)
                    }
                }
                return .failure(
                    MatchProblem("pathRegex '\(pattern)' is not a finite set of exact paths, prefixes or one suffix"))
            }
            // No form at all means no path matches: leaving `paths` out would mean every path.
            guard !forms.isEmpty else {
                return .failure(MatchProblem("pathRegex '\(pattern)' matches no path, so the match grants nothing"))
            }
            var list: [String] = []
            for form in forms {
                if form.tail == .any && form.literal.isEmpty {
                    list = []
                    paths = nil
                    break
                }
                guard !form.literal.isEmpty, !form.literal.hasPrefix("*"), !form.literal.contains("{"),
                    !form.literal.contains("}")
                else {
                    return .failure(MatchProblem("pathRegex '\(pattern)' has a form Istio would misread"))
                }
                if form.tail == .end {
                    guard !form.literal.hasSuffix("*") else {
                        return .failure(
                            MatchProblem(
                                "pathRegex '\(pattern)' has an exact path ending in '*', which Istio reads as a prefix")
                        )
                    }
                    list.append(form.literal)
                } else {
                    list.append(form.literal + "*")
                }
                paths = list
            }
        }
        let conditions: [Policy.Condition]
        switch headerConditions(match) {
        case let .success(list): conditions = list
        case let .failure(problem): return .failure(problem)
        }
        // An operation that restricts nothing must still be HTTP-only, or it would open raw TCP.
        let methodsField = methodList ?? (paths == nil ? ["*"] : nil)
        return .success(([Policy.Operation(methods: methodsField, paths: paths)], conditions))
    }

    /// A suffix Istio reads as SMI means it: not empty, no glob or template characters, and
    /// (for headers, which Istio joins with commas) no comma.
    static func isSafeSuffix(_ tail: String) -> Bool {
        !tail.isEmpty && !tail.contains("*") && !tail.contains("{") && !tail.contains("}") && !tail.contains(",")
    }

    /// A match's header conditions as `when` conditions: exact values, prefixes `x*` or one
    /// suffix `*x`, or why Istio cannot express them.
    private func headerConditions(_ match: Specs.HTTPMatch) -> Result<[Policy.Condition], MatchProblem> {
        var conditions: [Policy.Condition] = []
        for condition in match.headers?.conditions ?? [] {
            if let reason = HeaderMatching.envoyCannotMatch(condition.name) {
                return .failure(MatchProblem("Istio cannot match the header '\(condition.name)': \(reason)"))
            }
            guard let regex = try? RE2Regex(condition.regex) else {
                return .failure(MatchProblem("the regex for header '\(condition.name)' is not RE2"))
            }
            guard let forms = regex.forms(anchoring: .full, assumingNoNewlines: true) else {
                if case let .suffix(tail) = regex.shape(anchoring: .full, assumingNoNewlines: true),
                    Self.isSafeSuffix(tail)
                {
                    conditions.append(
                        .init(key: "request.headers[\(condition.name.lowercased())]", values: ["*" + tail]))
                    continue
                }
                return .failure(
                    MatchProblem(
                        "the regex for header '\(condition.name)' is not a finite set of exact values, prefixes or one suffix"
                    ))
            }
            guard !forms.isEmpty else {
                return .failure(
                    MatchProblem(
                        "the regex for header '\(condition.name)' matches no value, so the match grants nothing"))
            }
            var values: [String] = []
            for form in forms {
                guard !form.literal.contains(","), !form.literal.hasPrefix("*"),
                    form.tail == .any || (!form.literal.isEmpty && !form.literal.hasSuffix("*"))
                else {
                    return .failure(
                        MatchProblem(
                            "the regex for header '\(condition.name)' has a value Istio would read differently (commas join repeated headers)"
                        ))
                }
                values.append(form.tail == .any ? form.literal + "*" : form.literal)
            }
            conditions.append(.init(key: "request.headers[\(condition.name.lowercased())]", values: values))
        }
        return .success(conditions)
    }

    /// Why Istio cannot express a match exactly.
    struct MatchProblem: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }
}

extension IstioMatches.MatchProblem: CustomStringConvertible {
    var description: String { reason }
}
