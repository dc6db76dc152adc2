import SMICore
import SMITestSupport
import Testing

@Suite struct RE2ExpansionTests {
    @Test(arguments: [
        ("/api", RE2Regex.Anchoring.prefix, ["/api…"]),
        ("/api", .full, ["/api"]),
        ("/api$", .prefix, ["/api"]),
        ("^/api/(?s:.*)", .full, ["/api/…"]),
        ("/(a|b)/x", .prefix, ["/a/x…", "/b/x…"]),
        ("/v[12]", .full, ["/v1", "/v2"]),
        ("/item/?", .full, ["/item/", "/item"]),
        ("/a{1,2}", .full, ["/a", "/aa"]),
        ("(?i)ab", .full, ["AB", "Ab", "aB", "ab"]),
        ("", .prefix, ["…"]),
        ("\\.png", .full, [".png"]),
        ("/a|/b$", .prefix, ["/a…", "/b"]),
        ("/books(/(?s:.*))?$", .prefix, ["/books", "/books/…"]),
        ("/x(?s:.*)$", .full, ["/x…"]),
    ])
    func expandsToExactAndPrefixForms(pattern: String, anchoring: RE2Regex.Anchoring, expected: [String]) throws {
        let forms = try #require(try RE2Regex(pattern).forms(anchoring: anchoring))
        #expect(Set(forms.map(\.description)) == Set(expected))
    }

    @Test(arguments: ["/api/v[0-9]+/.*", ".*x", "/a/[^/]+/b", "/(?i)[a-z]{10}", "\\bx", "(?m)^a$"])
    func refusesWhatNoFiniteUnionSays(pattern: String) throws {
        #expect(try RE2Regex(pattern).forms(anchoring: .prefix) == nil)
    }

    /// The forms accept exactly the texts the regex accepts, on random texts.
    @Test func formsAgreeWithTheMatcher() throws {
        let patterns = ["/api", "/api$", "/(a|b)/x", "/v[12]", "/item/?", "/a{1,2}", "(?i)ab", "", "/a|/b$", "/(?s:.*)", "a(b|c)d$", "/a(/(?s:.*))?$", "/b(?s:.*)$"]
        var rng = SeededGenerator(seed: 9)
        let alphabet = ["/", "a", "b", "c", "d", "x", "A", "B", "v", "1", "2", "i", "t", "e", "m", "p"]
        for pattern in patterns {
            let regex = try RE2Regex(pattern)
            for anchoring in [RE2Regex.Anchoring.full, .prefix] {
                let forms = try #require(regex.forms(anchoring: anchoring), "\(pattern)")
                for _ in 0..<400 {
                    let text = (0..<Int(rng.next() % 7)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
                    let byForms = forms.contains { $0.tail == .end ? text == $0.literal : text.hasPrefix($0.literal) }
                    #expect(byForms == regex.matches(text, anchoring: anchoring), "/\(pattern)/ \(anchoring) on \(text.debugDescription)")
                }
            }
        }
    }
}
