import ConsulSimulation
import Testing

/// The simulation reads subset filters as go-bexpr's grammar does (hashicorp/go-bexpr
/// `grammar/grammar.peg`) and decides them as its evaluator does.
@Suite struct ConsulBexprTests {
    @Test(arguments: [
        "Service.Meta.version == \"v1\"", "Service.Meta[\"app-version\"] == `v1`", "Service.Meta.version==v1",
        "Service.Meta.version != \"v1\" and Service.Service == api",
        "not Service.Meta.a == \"1\" or (Service.Tags is empty)",
        "\"blue\" in Service.Tags", "\"k\" not in Service.Meta", "Service.Meta.v matches \"^v[0-9]+$\"",
        "Service.Meta.v is not empty", "Service.Port == 8080", "Service.Meta.x == -1.5",
        " ( Service.Meta.x == \"\\u00e9\" ) ",
        "Service.Meta.team/app == \"a\"", "Service.Tags contains \"x\""
    ])
    func acceptsWhatGoBexprAccepts(filter: String) {
        #expect(ConsulBexpr(filter) != nil, "\(filter)")
    }

    @Test(arguments: [
        "Service.Meta.app-version == \"v1\"", "Service.Meta.version == \"a\\\"b\"", "Service.Meta.v == \"\\q\"",
        "Service.Meta.v == \"a\nb\"", "Service.Meta.v == 01", "Service.Meta.v == 1x", "Service.Meta.v = \"1\"",
        "Service.Nope == \"x\"", "Service.Meta.v matches \"(\"", "(Service.Meta.v == \"1\"", "Service.Meta.v ==",
        "Service.Meta[version] == \"1\"", "Service.Meta.v == \"1\" and", "notService.Meta.v == \"1\"", ""
    ])
    func refusesWhatGoBexprRefuses(filter: String) {
        #expect(ConsulBexpr(filter) == nil, "\(filter)")
    }

    @Test func decidesAsGoBexprEvaluates() throws {
        let instance = ConsulInstance(service: "api", meta: ["version": "v1", "app-version": "x\"y"], tags: ["blue"])
        let verdicts: [(String, Bool)] = [
            ("Service.Meta.version == \"v1\"", true), ("Service.Meta.version == v2", false),
            ("Service.Meta[\"app-version\"] == `x\"y`", true), ("Service.Meta.missing == \"\"", false),
            ("Service.Meta.missing != \"v1\"", true), ("Service.Meta.missing is empty", true),
            ("Service.Meta.missing is not empty", false), ("\"blue\" in Service.Tags", true),
            ("\"red\" not in Service.Tags", true), ("\"version\" in Service.Meta", true),
            ("Service.Meta.version matches \"^v\"", true), ("Service.Meta.version not matches \"1\"", false),
            ("Service.Service == api and not Service.Meta.version == v1", false),
            ("Service.Service == web or Service.Meta.version contains \"1\"", true)
        ]
        for (filter, expected) in verdicts {
            let expression = try #require(ConsulBexpr(filter), "\(filter)")
            #expect(expression.admits(instance) == expected, "\(filter)")
        }
    }
}
