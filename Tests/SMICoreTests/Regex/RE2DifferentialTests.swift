import Foundation
import SMICore
import SMITestSupport
import Testing

/// Thousands of generated patterns and texts, decided by this engine and by Google's RE2
/// (through `re2_oracle.py` and the google-re2 package): validity, full, prefix and search
/// matches must all agree.
@Suite struct RE2DifferentialTests {
    static let caseCount = 4000

    static func pattern(_ rng: inout SeededGenerator, depth: Int = 0) -> String {
        let atoms = [
            "a", "b", "A", "/", "\\.", ".", "-", "\\?", "\\d", "\\w", "\\s", "\\D", "\\W", "\\S", "[a-c]",
            "[^a/]", "[[:alpha:]]", "[[:^digit:]]", "\\b", "\\B", "^", "$", "\\A", "\\z", "\\x41", "é", "\\pL",
            "\\p{Nd}", "[\\d_]", "(?i)k", "\\Qa.b\\E", "(?=a)", "\\1", "[b-a]", "\\q", "(?s).", "(?m)^", "(?m)$",
            "x{2}", "x{1,}", "x{,2}", "[]a]", "\\x{263A}", "(?P<n>a)", "[\\s\\S]", "\\\\", "\\/", "a{1001}"
        ]
        var out = ""
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            var item: String
            if depth < 2 && rng.next() % 4 == 0 {
                let inner = pattern(&rng, depth: depth + 1)
                let alt = rng.next() % 2 == 0 ? "|" + pattern(&rng, depth: depth + 1) : ""
                item = ["(", "(?:", "(?i:", "(?s:"][Int(rng.next() % 4)] + inner + alt + ")"
            } else {
                item = atoms[Int(rng.next() % UInt64(atoms.count))]
            }
            if rng.next() % 3 == 0 {
                item += ["*", "+", "?", "{1,2}", "*?", "+?", "{0}", "**", "*+"][Int(rng.next() % 9)]
            }
            out += item
        }
        if depth == 0 && rng.next() % 5 == 0 { out += "|" + pattern(&rng, depth: 1) }
        return out
    }

    static func text(_ rng: inout SeededGenerator) -> String {
        let alphabet: [String] = [
            "a", "b", "A", "B", "k", "K", "\u{212A}", "/", ".", "-", "?", "1", "٣", "\n", " ", "\t",
            "é", "É", "_", "x", "\u{263A}", "\u{B}"
        ]
        return (0..<Int(rng.next() % 7)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }

    @Test func agreesWithGoogleRE2() throws {
        var rng = SeededGenerator(seed: 2026)
        var cases: [(pattern: String, texts: [String])] = []
        for _ in 0..<Self.caseCount {
            cases.append((Self.pattern(&rng), (0..<8).map { _ in Self.text(&rng) }))
        }
        guard let list = try PythonOracle(script: "Tests/SMICoreTests/Regex/re2_oracle.py").verdicts(cases) else {
            #expect(!SharedReference.required, "the google-re2 Python package is missing (pip install google-re2)")
            return
        }
        #expect(list.count == cases.count)
        var disagreements = 0
        var validCount = 0
        for (c, verdict) in zip(cases, list) {
            let oracle = verdict.value.mappingValue
            let oracleValid = oracle?["valid"] == true
            let ours = try? RE2Regex(c.pattern)
            if (ours != nil) != oracleValid {
                disagreements += 1
                if disagreements <= 10 { Issue.record("/\(c.pattern)/: RE2 says valid=\(oracleValid)") }
                continue
            }
            guard let ours, let oracle else { continue }
            validCount += 1
            for (mode, key) in [(RE2Regex.Anchoring.full, "full"), (.prefix, "prefix"), (.search, "search")] {
                let expected = oracle[key]?.value.sequenceValue ?? []
                for (text, e) in zip(c.texts, expected) where ours.matches(text, anchoring: mode) != (e == true) {
                    disagreements += 1
                    if disagreements <= 10 {
                        Issue.record("/\(c.pattern)/ \(key) on \(text.debugDescription): RE2 says \(e.value)")
                    }
                }
            }
        }
        #expect(disagreements == 0)
        #expect(validCount > Self.caseCount / 3, "too few valid patterns to compare matches")
    }
}
