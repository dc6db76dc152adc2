public import SMICore

/// How the simulation decides an HTTPRoute `RegularExpression` against a path or header value.
///
/// Linkerd's proxy takes the leftmost-first match of Rust's `regex` crate and admits the text
/// when that match spans all of it.
///
/// The default reads the pattern with RE2 as a whole match, which agrees wherever the adapter's
/// patterns are concerned (the Linkerd dialect test checks that against Rust itself); tests
/// that can run Rust's engine pass its verdicts in.
public struct LinkerdRegexEngine: Sendable {
    /// Whether the pattern admits the whole text.
    public let admits: @Sendable (_ pattern: String, _ text: String) -> Bool

    /// An engine deciding by `admits`.
    public init(_ admits: @escaping @Sendable (_ pattern: String, _ text: String) -> Bool) {
        self.admits = admits
    }

    /// RE2, whole-text matching; an invalid pattern admits nothing.
    public static let re2 = LinkerdRegexEngine { pattern, text in
        (try? RE2Regex(pattern))?.matches(text, anchoring: .full) ?? false
    }
}
