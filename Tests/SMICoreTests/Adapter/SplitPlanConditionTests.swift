import SMICore
import Testing

@Suite struct SplitPlanConditionTests {
    static func condition(_ path: String?, _ method: String? = nil) -> SplitPlan.Condition {
        SplitPlan.Condition(pathRegex: path, method: method, headers: [])
    }

    @Test(arguments: [
        ("/books(/.*)?$", "/metrics$", nil, nil, false),
        ("/books", "/books/1$", nil, nil, true),
        ("/api", "/ap", nil, nil, true),
        ("/a$", "/b$", nil, nil, false),
        ("/api", "/api", "GET", "POST", false),
        ("/api", "/api/v[0-9]+/.*", nil, nil, true),
        ("/x", nil, nil, nil, true),
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
