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
        ("/x(?s:.*)$", .full, ["/x…"])
    ])
    func expandsToExactAndPrefixForms(pattern: String, anchoring: RE2Regex.Anchoring, expected: [String]) throws {
        let forms = try #require(try RE2Regex(pattern).forms(anchoring: anchoring))
        #expect(Set(forms.map(\.description)) == Set(expected))
    }

    /// `.+` and `.{n,}` need more characters after the literal: "the literal, then anything"
    /// would admit the literal alone (an Istio `paths: ["/items/*"]` admits `/items/`).
    @Test(arguments: [
        "/api/v[0-9]+/.*", ".*x", "/a/[^/]+/b", "/(?i)[a-z]{10}", "\\bx", "(?m)^a$",
        "/items/.+", "/items/(?s:.+)", "/a.{3,}", "/a.{1,}$", "admin.+", ".+", "(?s:.+)", "/x(?s:.){2,}"
    ])
    func refusesWhatNoFiniteUnionSays(pattern: String) throws {
        #expect(try RE2Regex(pattern).forms(anchoring: .prefix) == nil)
        #expect(try RE2Regex(pattern).forms(anchoring: .prefix, assumingNoNewlines: true) == nil)
    }

    /// Forms and shapes, of generated patterns (repetitions with minimums, `.` loops, classes,
    /// alternations, anchors), accept exactly what the matcher accepts, on texts at the edges of
    /// each form (the literal alone, one character more or less) and random texts.
    @Test func formsAndShapesOfGeneratedPatternsAgreeWithTheMatcher() throws {
        var rng = SeededGenerator(seed: 23)
        let atoms = ["a", "b", "/", ".", "(?s:.)", "[ab]", "[^/]", "x", "\\."]
        let loops = ["*", "+", "?", "{2,}", "{1,3}", "{0,}", "{1}", ""]
        func pick(_ list: [String]) -> String { list[Int(rng.next() % UInt64(list.count))] }
        var checked = 0
        for _ in 0..<1500 {
            var pattern = Int(rng.next() % 4) == 0 ? "^" : ""
            for _ in 0..<Int(1 + rng.next() % 4) {
                let atom = Int(rng.next() % 5) == 0 ? "(\(pick(atoms))|\(pick(atoms))\(pick(atoms)))" : pick(atoms)
                pattern += atom + pick(loops)
            }
            if Int(rng.next() % 4) == 0 { pattern += "$" }
            guard let regex = try? RE2Regex(pattern) else { continue }
            for anchoring in [RE2Regex.Anchoring.full, .prefix] {
                let forms = regex.forms(anchoring: anchoring, assumingNoNewlines: true)
                let shape = regex.shape(anchoring: anchoring, assumingNoNewlines: true)
                var texts = (0..<12).map { _ in
                    (0..<Int(rng.next() % 6)).map { _ in pick(["a", "b", "/", "x", ".", "ab"]) }.joined()
                }
                for literal in (forms ?? []).map(\.literal) + Self.literal(of: shape) {
                    texts += [
                        literal, literal + "a", literal + "/", literal + "ab", String(literal.dropLast()), "a" + literal
                    ]
                }
                for text in texts {
                    let truth = regex.matches(text, anchoring: anchoring)
                    if let forms {
                        let byForms = forms.contains {
                            $0.tail == .end ? text == $0.literal : text.hasPrefix($0.literal)
                        }
                        #expect(
                            byForms == truth, "/\(pattern)/ \(anchoring) forms \(forms) on \(text.debugDescription)")
                    }
                    let byShape: Bool? =
                        switch shape {
                        case let .literal(l): text == l
                        case let .prefix(p): text.hasPrefix(p)
                        case let .suffix(x): text.hasSuffix(x)
                        case .matchAll: true
                        case .other: nil
                        }
                    if let byShape {
                        #expect(
                            byShape == truth, "/\(pattern)/ \(anchoring) shape \(shape) on \(text.debugDescription)")
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 20_000)
    }

    private static func literal(of shape: RE2Regex.Shape) -> [String] {
        switch shape {
        case let .literal(l), let .prefix(l), let .suffix(l): [l]
        case .matchAll, .other: []
        }
    }

    /// The forms accept exactly the texts the regex accepts, on random texts.
    @Test func formsAgreeWithTheMatcher() throws {
        let patterns = [
            "/api", "/api$", "/(a|b)/x", "/v[12]", "/item/?", "/a{1,2}", "(?i)ab", "", "/a|/b$", "/(?s:.*)", "a(b|c)d$",
            "/a(/(?s:.*))?$", "/b(?s:.*)$"
        ]
        var rng = SeededGenerator(seed: 9)
        let alphabet = ["/", "a", "b", "c", "d", "x", "A", "B", "v", "1", "2", "i", "t", "e", "m", "p"]
        for pattern in patterns {
            let regex = try RE2Regex(pattern)
            for anchoring in [RE2Regex.Anchoring.full, .prefix] {
                let forms = try #require(regex.forms(anchoring: anchoring), "\(pattern)")
                for _ in 0..<400 {
                    let text = (0..<Int(rng.next() % 7)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
                        .joined()
                    let byForms = forms.contains { $0.tail == .end ? text == $0.literal : text.hasPrefix($0.literal) }
                    #expect(
                        byForms == regex.matches(text, anchoring: anchoring),
                        "/\(pattern)/ \(anchoring) on \(text.debugDescription)")
                }
            }
        }
    }
}
