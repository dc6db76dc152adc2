import Foundation
@testable import LinkerdAdapter
import SMICore
import SMITestSupport
import Testing

/// The regexes the Linkerd adapter writes, run by Rust's regex crate as Linkerd's proxy runs
/// them (`rust_regex_oracle.py`: the leftmost-first match must span the whole path or value),
/// must admit exactly what SMI's RE2 reading admits, for every condition the adapter renders.
@Suite struct LinkerdRegexDialectTests {
    /// SMI regexes with the shapes that differ between engines: alternatives where the first
    /// is a prefix of the second, anchors in the middle, optional parts, repetitions with
    /// minimums, case folding, classes, escapes RE2 and Rust spell differently.
    static let patterns = [
        "/api", "/api/v[0-9]+/.*", "/metrics$", "/(a|b)/.*", ".*", "/admin", ".*/x$", "/api/.+", "/metrics/.{1,}",
        "/api.{2,}", "/metrics/(?s:.+)$", "/a|/ab", "(/a|/ab)$", "/x?", "(?i)/API", "/[a-z]+/[0-9]{2,3}$", "/caf\u{E9}",
        "/(v1|v1beta)/items", "^/root", "/end$|/other", "/a*$", "", "/[^/]+$", "/(?:x|xy)(?:y|)$", "/[[:alpha:]]+$",
        "/\\Qa.b\\E", "/a{2}", "/(?U)a+", "/\\x41", "/[a-c&&b]", "/a(?-i)b", "/\\z"
    ]

    static let headerPatterns = ["t[0-9]", "t1", ".*", ".*1", ".+", "t.+", "t.{0,}", "eu", "us-.*", "a|ab", "(?i)Tok"]

    /// Texts near `pattern`: what it accepts, and a character more or less around that.
    static func texts(_ pattern: String, _ rng: inout SeededGenerator) -> [String] {
        var out = [
            "/", "/api", "/api/", "/apix", "/ab", "/a", "/API", "/x", "/a/b", "/root", "/other", "/end", "/a.b", "/aab"
        ]
        if let regex = try? RE2Regex(pattern) {
            for _ in 0..<6 {
                guard let sample = regex.sample(using: &rng) else { continue }
                out += [
                    sample, sample + "x", sample + "/", String(sample.dropLast()), "/" + sample, sample.uppercased()
                ]
            }
        }
        return Array(Set(out)).sorted()
    }

    /// Rust's verdict on each text for each pattern; nil for a pattern Rust refuses.
    ///
    /// Nil for all when regex-rs is not installed (then the test must not be required).
    static func rust(_ cases: [(pattern: String, texts: [String])]) throws -> [[Bool]?]? {
        try PythonOracle(script: "Tests/LinkerdAdapterTests/rust_regex_oracle.py").verdicts(cases)?.map { result in
            guard result.node(at: "valid")?.value == .bool(true) else { return nil }
            return (result.node(at: "spans")?.value.sequenceValue ?? []).map { $0.value == .bool(true) }
        }
    }

    @Test(arguments: [RE2Regex.Anchoring.prefix, .full])
    func linkerdRegexesAdmitWhatSMIAdmits(anchoring: RE2Regex.Anchoring) throws {
        var rng = SeededGenerator(seed: 2026)
        var cases: [(pattern: String, texts: [String], smi: [Bool], what: String)] = []
        for pattern in Self.patterns {
            let condition = SplitPlan.Condition(pathRegex: pattern, method: nil, headers: [])
            guard LinkerdMatches.problem(condition, anchoring: anchoring) == nil, let regex = try? RE2Regex(pattern),
                let written = LinkerdMatches.match(condition, anchoring: anchoring).path?.value
            else { continue }
            let texts = Self.texts(pattern, &rng)
            cases.append((written, texts, texts.map { regex.matches($0, anchoring: anchoring) }, "path '\(pattern)'"))
        }
        for pattern in Self.headerPatterns {
            let condition = SplitPlan.Condition(
                pathRegex: nil, method: nil, headers: [.init(name: "x-h", regex: pattern)])
            guard LinkerdMatches.problem(condition, anchoring: anchoring) == nil, let regex = try? RE2Regex(pattern),
                let written = LinkerdMatches.match(condition, anchoring: anchoring).headers?.first?.value
            else { continue }
            let texts = Self.texts(pattern, &rng).map { String($0.dropFirst()) }
            cases.append((written, texts, texts.map { regex.matches($0, anchoring: .full) }, "header '\(pattern)'"))
        }
        guard let verdicts = try Self.rust(cases.map { ($0.pattern, $0.texts) }) else {
            #expect(!SharedReference.required, "the regex-rs Python package is missing (pip install regex-rs)")
            return
        }
        var compared = 0
        for (c, rust) in zip(cases, verdicts) {
            guard let rust else {
                Issue.record(
                    "Rust's regex crate refuses '\(c.pattern)', written for \(c.what): Linkerd would reject the route")
                continue
            }
            for (text, (smi, linkerd)) in zip(c.texts, zip(c.smi, rust)) where smi != linkerd {
                Issue.record(
                    "\(c.what) as '\(c.pattern)': SMI \(smi ? "admits" : "refuses") '\(text)', Linkerd \(linkerd ? "admits" : "refuses") it"
                )
            }
            compared += c.texts.count
        }
        #expect(compared > 500)
    }
}
