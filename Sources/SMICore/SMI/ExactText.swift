/// Whether values may share what is made of them by equality.
///
/// `String` equality is canonical equivalence: `"caf\u{E9}"` and `"cafe\u{301}"` are equal
/// though their bytes differ, and a regex, a path or a name matches bytes. A table that hands
/// the first one's result (its translation, its stored copy) to the second would write the
/// first one's bytes for the second, and grant what SMI grants the first. ASCII text, whose
/// equal values have equal bytes, is the text such tables may key by (Kubernetes names and
/// the methods and regexes of real manifests are ASCII); other values are made anew each time.
package enum ExactText {
    /// Whether every text is ASCII.
    package static func isASCII(_ texts: String?...) -> Bool {
        texts.allSatisfy { $0?.utf8.allSatisfy { $0 < 0x80 } ?? true }
    }

    /// Whether every text of the list is ASCII.
    package static func isASCII(_ texts: [String]?) -> Bool {
        texts?.allSatisfy { isASCII($0) } ?? true
    }

    /// Whether every text of the header conditions is ASCII.
    package static func isASCII(_ headers: HTTPHeaderConditions?) -> Bool {
        headers?.conditions.allSatisfy { isASCII($0.name, $0.regex) } ?? true
    }

    /// Whether every text of the match is ASCII.
    package static func isASCII(_ match: Specs.HTTPMatch) -> Bool {
        isASCII(match.name, match.pathRegex) && isASCII(match.methods) && isASCII(match.headers)
    }
}
