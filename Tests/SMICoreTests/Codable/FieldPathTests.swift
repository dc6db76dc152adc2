import SMICore
import Testing

@Suite struct FieldPathTests {
    @Test func printsAndParsesTheUsualForm() {
        let path: FieldPath = "spec.backends[1].weight"
        #expect(path.components == [.key("spec"), .key("backends"), .index(1), .key("weight")])
        #expect(path.description == "spec.backends[1].weight")
        #expect(FieldPath().appending("matches").appending(0).appending(2).description == "matches[0][2]")
    }

    @Test func findsNodesByPath() throws {
        let root = try YAMLReader().readSingle("spec:\n  rules:\n  - matches: [a, b]\n")
        #expect(root.node(at: "spec.rules[0].matches[1]") == "b")
        #expect(root.node(at: "spec.rules[1]") == nil)
        #expect(root.node(at: "spec.rules.x") == nil)
    }
}
