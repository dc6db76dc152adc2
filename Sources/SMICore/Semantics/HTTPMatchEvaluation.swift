/// How one HTTPRouteGroup match decides an HTTP request.
///
/// The access model and the traffic model (a split's `matches`) share it.
public enum HTTPMatchEvaluation {
    /// One match: path AND methods AND every header (D3).
    ///
    /// Invalid parts admit nothing.
    public static func admits(_ request: AccessRequest, _ match: Specs.HTTPMatch, pathAnchoring: RE2Regex.Anchoring)
        -> Bool
    {
        if let methods = match.methods, !methods.isEmpty, !methods.contains("*") {
            guard let method = request.method, methods.contains(method) else { return false }
        }
        if let pattern = match.pathRegex, !pattern.isEmpty {
            guard let regex = try? RE2Regex(pattern), regex.matches(request.pathOnly, anchoring: pathAnchoring) else {
                return false
            }
        }
        let conditions = match.headers?.conditions ?? []
        // A header named twice in one match is an error, and the match grants nothing (D4).
        guard Set(conditions.map { $0.name.lowercased() }).count == conditions.count else { return false }
        for condition in conditions {
            guard let regex = try? RE2Regex(condition.regex),
                request.values(ofHeader: condition.name).contains(where: { regex.matches($0, anchoring: .full) })
            else { return false }
        }
        return true
    }
}
