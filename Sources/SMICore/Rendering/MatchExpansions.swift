/// The SMI HTTP matches of one render as conditions (`SplitPlan.Condition.expanding`), and what
/// an adapter makes of each.
///
/// Each match is worked out once: targets share route groups and groups repeat their matches,
/// and every expansion and translation parses the regexes again.
public struct MatchExpansions<Translation: Sendable>: Sendable {
    /// One match as conditions.
    public struct Expansion: Sendable {
        /// The conditions, one per method; none when SMI says the match admits nothing.
        public var conditions: [SplitPlan.Condition]
        /// What the adapter made of each condition, in the same order.
        ///
        /// None when one of the conditions admits every request (the match needs no translation
        /// then).
        public var translations: [Translation]
        /// Whether one of the conditions admits every HTTP request.
        public var admitsEveryRequest: Bool
    }

    /// How path regexes are anchored in this render.
    public let anchoring: RE2Regex.Anchoring
    private let translate: @Sendable (SplitPlan.Condition) -> Translation
    private var known = MadeOnce<Specs.HTTPMatch, Expansion>()

    /// No match expanded yet; `translate` is what the adapter makes of a condition.
    public init(anchoring: RE2Regex.Anchoring, translate: @escaping @Sendable (SplitPlan.Condition) -> Translation) {
        self.anchoring = anchoring
        self.translate = translate
    }

    /// `match` as conditions, and their translations.
    ///
    /// Only matches in ASCII are remembered: equal text of other bytes must not share them
    /// (`ExactText`).
    public mutating func expansion(of match: Specs.HTTPMatch) -> Expansion {
        let (anchoring, translate) = (anchoring, translate)
        return known.value(for: match, remembering: ExactText.isASCII(match)) {
            let conditions = SplitPlan.Condition.expanding(match)
            let admitsEveryRequest = conditions.contains { $0.admitsEveryRequest(anchoring: anchoring) }
            return Expansion(
                conditions: conditions, translations: admitsEveryRequest ? [] : conditions.map(translate),
                admitsEveryRequest: admitsEveryRequest)
        }
    }
}

/// What an adapter makes of each SMI HTTP match of one render, worked out once per match.
///
/// Targets share route groups, and groups repeat matches: the one place below the adapters
/// where translations are shared, so that the rule that keeps equal text of other bytes apart
/// (`ExactText`) lives here and not in each translator.
public struct MatchTranslations<Translation: Sendable>: Sendable {
    private let translate: @Sendable (Specs.HTTPMatch) -> Translation
    private var known = MadeOnce<Specs.HTTPMatch, Translation>()

    /// No match translated yet; `translate` is what the adapter makes of a match.
    public init(translate: @escaping @Sendable (Specs.HTTPMatch) -> Translation) {
        self.translate = translate
    }

    /// The translation of `match`.
    ///
    /// Only matches in ASCII are remembered.
    public mutating func translation(of match: Specs.HTTPMatch) -> Translation {
        let translate = translate
        return known.value(for: match, remembering: ExactText.isASCII(match)) { translate(match) }
    }
}
