/// The SMI HTTP matches of one render as conditions (`SplitPlan.Condition.expanding`), each
/// match worked out once: targets share route groups and groups repeat their matches, and
/// expanding a match parses its regexes again every time.
public struct MatchExpansions: Sendable {
    /// One match as conditions.
    public struct Expansion: Sendable, Equatable {
        /// The conditions, one per method; none when SMI says the match admits nothing.
        public var conditions: [SplitPlan.Condition]
        /// Whether one of the conditions admits every HTTP request.
        public var admitsEveryRequest: Bool
    }

    /// How path regexes are anchored in this render.
    public let anchoring: RE2Regex.Anchoring
    private var known: [Specs.HTTPMatch: Expansion] = [:]

    /// No match expanded yet.
    public init(anchoring: RE2Regex.Anchoring) {
        self.anchoring = anchoring
    }

    /// `match` as conditions.
    public mutating func expansion(of match: Specs.HTTPMatch) -> Expansion {
        if let expansion = known[match] { return expansion }
        let conditions = SplitPlan.Condition.expanding(match)
        let expansion = Expansion(conditions: conditions, admitsEveryRequest: conditions.contains { $0.admitsEveryRequest(anchoring: anchoring) })
        known[match] = expansion
        return expansion
    }
}
