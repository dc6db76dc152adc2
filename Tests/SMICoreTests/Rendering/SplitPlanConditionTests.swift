import SMICore
import Testing

@Suite struct SplitPlanConditionTests {
    static func condition(_ path: String?, _ method: String? = nil) -> SplitPlan.Condition {
        SplitPlan.Condition(pathRegex: path, method: method, headers: [])
    }

    @Test(
        arguments: [
            ("/books(/.*)?$", "/metrics$", nil, nil, false),
            ("/books", "/books/1$", nil, nil, true),
            ("/api", "/ap", nil, nil, true),
            ("/a$", "/b$", nil, nil, false),
            ("/api", "/api", "GET", "POST", false),
            ("/api", "/api/v[0-9]+/.*", nil, nil, true),
            ("/x", nil, nil, nil, true)
        ] as [(String, String?, String?, String?, Bool)])
    func overlapIsRuledOutOnlyWhenCertain(a: String, b: String?, methodA: String?, methodB: String?, expected: Bool) {
        let x = Self.condition(a, methodA)
        let y = Self.condition(b, methodB)
        #expect(x.mayOverlap(y, anchoring: .prefix) == expected)
        #expect(y.mayOverlap(x, anchoring: .prefix) == expected)
    }

    @Test func fullAnchoringSeparatesWhatPrefixAnchoringJoins() {
        #expect(Self.condition("/api").mayOverlap(Self.condition("/api/v1"), anchoring: .prefix))
        #expect(!Self.condition("/api").mayOverlap(Self.condition("/api/v1"), anchoring: .full))
    }
}

@Suite struct MatchExpansionsTests {
    /// A remembered expansion is the expansion, whichever anchoring and whatever was asked
    /// before (matches differing only in name, methods or headers are kept apart).
    @Test(arguments: [RE2Regex.Anchoring.prefix, .full])
    func rememberedExpansionsEqualFreshOnes(anchoring: RE2Regex.Anchoring) {
        let matches = [
            Specs.HTTPMatch(name: "a", pathRegex: "/api"),
            Specs.HTTPMatch(name: "a", pathRegex: "/api", methods: ["GET", "POST"]),
            Specs.HTTPMatch(name: "b", pathRegex: ".*"),
            Specs.HTTPMatch(
                name: "c", pathRegex: "/x$", headers: HTTPHeaderConditions([.init(name: "X-A", regex: "v")])),
            Specs.HTTPMatch(name: "d", pathRegex: "("),
            Specs.HTTPMatch(name: "e")
        ]
        var expansions = MatchExpansions(anchoring: anchoring) { $0.pathRegex ?? "(any)" }
        for match in matches + matches.reversed() {
            let conditions = SplitPlan.Condition.expanding(match)
            let expansion = expansions.expansion(of: match)
            #expect(expansion.conditions == conditions)
            let admitsEveryRequest = conditions.contains { $0.admitsEveryRequest(anchoring: anchoring) }
            #expect(expansion.admitsEveryRequest == admitsEveryRequest)
            #expect(expansion.translations == (admitsEveryRequest ? [] : conditions.map { $0.pathRegex ?? "(any)" }))
        }
        #expect(expansions.expansion(of: matches[2]).admitsEveryRequest)
        #expect(!expansions.expansion(of: matches[0]).admitsEveryRequest)
        #expect(expansions.expansion(of: matches[4]).conditions.isEmpty)
        #expect(expansions.expansion(of: matches[1]).conditions.count == 2)
    }
}
