@testable import ConsulAdapter
import ConsulSimulation
import Testing

/// Subset filters read back, under go-bexpr's grammar and evaluator (the simulation's
/// `ConsulBexpr`, written apart from the adapter), as the key and value they were made from:
/// each selects exactly the instances whose meta has that key with that value.
@Suite struct ConsulFilterTests {
    @Test(arguments: [
        ("version", "v1"), ("app-version", "v2"), ("app.version", "x"), ("2nd", "y"), ("team/app", "a b"),
        ("k", "say \"hi\""), ("k", "back\\slash"), ("quote\"key", "v"), ("ünïcode", "välue"), ("k", "tab\there"),
        ("k", "new\nline"), ("and", "or"), ("k", "")
    ])
    func filtersReadBackUnderBexprsGrammar(key: String, value: String) throws {
        let filter = try #require(ConsulFilter.metaEquals(key: key, value: value))
        let expression = try #require(ConsulBexpr(filter), "\(filter) does not parse")
        #expect(expression.admits(ConsulInstance(service: "api", meta: [key: value])), "\(filter)")
        #expect(!expression.admits(ConsulInstance(service: "api", meta: [key: value + "x"])), "\(filter)")
        #expect(!expression.admits(ConsulInstance(service: "api", meta: ["other": value])), "\(filter)")
    }

    @Test func aTextWithBothQuotesCannotBeWritten() {
        #expect(ConsulFilter.metaEquals(key: "k", value: "a\"b`c") == nil)
        #expect(ConsulFilter.metaEquals(key: "a-\"b`", value: "v") == nil)
    }
}
