import SMICore
import Testing

@Suite struct RE2RegexTests {
    private func re(_ pattern: String) throws -> RE2Regex { try RE2Regex(pattern) }

    @Test(arguments: [
        ("(?=a)", "look-around is not supported by RE2"),
        ("(?!a)", "look-around is not supported by RE2"),
        ("(?<=a)b", "look-around is not supported by RE2"),
        ("(?<!a)b", "look-around is not supported by RE2"),
        ("(a)\\1", "back-references are not supported by RE2"),
        ("a*+", "invalid nested repetition operator (possessive quantifiers are not supported by RE2)"),
        ("a**", "invalid nested repetition operator (possessive quantifiers are not supported by RE2)"),
        ("*a", "missing argument to repetition operator '*'"),
        ("a{1001}", "invalid repeat count"),
        ("a{3,2}", "invalid repeat count"),
        ("[z-a]", "invalid character class range"),
        ("[abc", "missing closing ']'"),
        ("(abc", "missing ')'"),
        ("abc)", "unexpected ')'"),
        ("\\q", "invalid escape sequence \\q"),
        ("a\\", "trailing backslash at end of expression"),
        ("\\Z", "\\Z is not supported by RE2; use \\z"),
        ("\\p{Greek}", "unsupported Unicode class 'Greek' (general categories and Any are supported)"),
        ("((a{100}){100}){100}", "expression too large")
    ])
    func refusesWhatRE2Refuses(pattern: String, message: String) {
        let error = #expect(throws: RE2Error.self) { try RE2Regex(pattern) }
        #expect(error?.message == message)
    }

    @Test func shorthandClassesAreASCII() throws {
        #expect(try re("\\d+").matches("0123456789"))
        #expect(try !re("\\d+").matches("١٢٣"))  // Arabic-Indic digits
        #expect(try re("\\w+").matches("a_Z9"))
        #expect(try !re("\\w").matches("é"))
        #expect(try re("\\s").matches("\t"))
        #expect(try !re("\\s").matches("\u{B}"))  // vertical tab is not \s in RE2
        #expect(try !re("\\s").matches("\u{A0}"))
        #expect(try re("\\bfoo\\b").matches("a foo b", anchoring: .search))
        #expect(try !re("\\bfoo\\b").matches("afoo", anchoring: .search))
        #expect(try re("\\pL+").matches("Grüße"))
        #expect(try !re("\\PL").matches("ü"))
        #expect(try re("\\p{Nd}").matches("١"))
    }

    @Test func anchoringDecidesHowMuchMustMatch() throws {
        let api = try re("/api")
        #expect(!api.matches("/api/v1", anchoring: .full))
        #expect(api.matches("/api/v1", anchoring: .prefix))
        #expect(!api.matches("/x/api", anchoring: .prefix))
        #expect(api.matches("/x/api", anchoring: .search))
        // The whole alternation is anchored, not only its first branch (notes D1).
        let either = try re("/a|/b")
        #expect(either.matches("/b/c", anchoring: .prefix))
        #expect(!either.matches("x/b", anchoring: .prefix))
        #expect(try re("").matches("/anything", anchoring: .prefix))
        #expect(try !re("").matches("x", anchoring: .full))
    }

    @Test func assertionsAndFlags() throws {
        #expect(try re("^a$").matches("a"))
        #expect(try !re("a$").matches("a\n", anchoring: .search))  // without (?m), $ is \z
        #expect(try re("(?m)^b$").matches("a\nb\nc", anchoring: .search))
        #expect(try !re("^b$").matches("a\nb\nc", anchoring: .search))
        #expect(try !re("a.b").matches("a\nb"))
        #expect(try re("(?s)a.b").matches("a\nb"))
        #expect(try re("(?i)get").matches("GeT"))
        #expect(try re("(?i:a)b").matches("Ab"))
        #expect(try !re("(?i:a)b").matches("AB"))
        #expect(try re("(?i)k").matches("\u{212A}"))  // Kelvin sign folds to k, as in RE2
    }

    @Test func classesRepetitionAndEscapes() throws {
        #expect(try re("[a-c]+").matches("abcab"))
        #expect(try re("[^/]+").matches("segment"))
        #expect(try !re("[^/]+").matches("a/b"))
        #expect(try re("[]a]+").matches("]a]"))
        #expect(try re("[a-]+").matches("-a-"))
        #expect(try re("[[:digit:][:upper:]]+").matches("A1B2"))
        #expect(try re("[[:^alpha:]]").matches("1"))
        #expect(try re("a{2,3}").matches("aaa"))
        #expect(try !re("a{2,3}").matches("aaaa"))
        #expect(try re("a{2,}").matches("aaaaa"))
        #expect(try re("x{").matches("x{"))  // not a repetition: literal
        #expect(try re("\\Q.*+\\E").matches(".*+"))
        #expect(try re("\\x41\\x{1F600}\\101").matches("A😀A"))
        #expect(try re("a+?b*?").matches("aab"))
        #expect(try re("(?P<name>a)(?<other>b)").matches("ab"))
        #expect(try re("(a|)+").matches("aaa"))
        #expect(try re("(a*)*b").matches(String(repeating: "a", count: 20_000) + "b"))
        #expect(try !re("(a*)*b").matches(String(repeating: "a", count: 20_000)))
    }

    @Test(arguments: [
        ("/api", RE2Regex.Anchoring.full, RE2Regex.Shape.literal("/api")),
        ("/api", .prefix, .prefix("/api")),
        ("^/api/.*", .full, .other),
        ("^/api/(?s:.*)", .full, .prefix("/api/")),
        ("/api/.*", .prefix, .prefix("/api/")),
        (".*\\.png", .full, .other),
        ("(?s).*\\.png", .full, .suffix(".png")),
        ("", .prefix, .matchAll),
        ("(?s).*", .full, .matchAll),
        ("[\\s\\S]*", .full, .matchAll),
        ("/api|/v1", .prefix, .other),
        ("(?i)/api", .full, .other),
        ("/a\\.b", .full, .literal("/a.b")),
        ("/a$", .prefix, .literal("/a")),
        ("/a", .search, .other)
    ])
    func shapesNameSimpleLanguages(pattern: String, anchoring: RE2Regex.Anchoring, shape: RE2Regex.Shape) throws {
        #expect(try re(pattern).shape(anchoring: anchoring) == shape)
    }

    @Test func withoutNewlinesDotStarIsEverything() throws {
        #expect(try re("^/api/.*").shape(assumingNoNewlines: true) == .prefix("/api/"))
        #expect(try re(".*").shape(anchoring: .full, assumingNoNewlines: true) == .matchAll)
    }

    @Test func canMatchTellsWhichCharactersAMatchMayHold() throws {
        #expect(try re("/search\\?q=.*").canMatch("?"))
        #expect(try !re("/api/[a-z]+").canMatch("?"))
        #expect(try re("/api/.*").canMatch("?"))
        #expect(try !re("a{0}\\?").canMatch("a"))
    }
}

@Suite struct RE2RequiresTests {
    @Test(arguments: [
        ("/search\\?q=.*", true), ("/a(\\?|/)", false), ("\\?+", true), ("\\?*", false), ("(a\\?|b\\?)", true),
        ("[?]", true), (".", false)
    ])
    func requiresTellsWhetherEveryMatchHoldsACharacter(pattern: String, requires: Bool) throws {
        #expect(try RE2Regex(pattern).requires("?") == requires)
    }

    /// A quoted name matches itself and nothing else it could be confused with.
    @Test func quotingMatchesTheTextOnly() throws {
        for text in ["web.v2", "a+b*(c)|[d]{1}^$?", #"back\slash"#, "plain"] {
            let regex = try RE2Regex(RE2Regex.quoting(text))
            #expect(regex.matches(text), "\(text)")
            #expect(!regex.matches(text + "x") && !regex.matches("x" + text))
        }
        #expect(!(try RE2Regex(RE2Regex.quoting("web.v2"))).matches("webXv2"))
    }
}
