@testable import SMICore
import SMITestSupport
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

    /// ASCII paths are parsed as bytes; that must read every text as the character reading
    /// (which other text takes) does.
    @Test func parsingBytesReadsPathsAsSpecified() {
        let pieces = [
            "a", "spec", "b-c", ".", ".", "[", "]", "[0]", "[12]", "[-3]", "[+4]", "[x]", "[]", "0", "1", " ", "\r\n",
            "\t", "é", "[1"
        ]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<20000 {
            let text = (0..<Int(rng.next() % 9)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
            #expect(
                FieldPath(stringLiteral: text).components == FieldPath.characterComponents(text),
                "\(text.debugDescription)")
        }
        #expect(
            FieldPath(stringLiteral: "a[1][x][2].b..c[").components == [
                .key("a"), .index(1), .index(2), .key("b"), .key("c[")
            ])
    }
}
