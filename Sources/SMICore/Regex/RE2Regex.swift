/// A regular expression in RE2 syntax with RE2 semantics.
///
/// The dialect of SMI's `pathRegex` and header matches, and of Envoy, Istio, Linkerd and
/// Consul.
///
/// Swift's `Regex` and `NSRegularExpression` differ from RE2 (Unicode `\d`, look-around,
/// backtracking), so decisions about access use this type: it refuses what RE2 refuses,
/// treats `\d \w \s \b` as ASCII, and matches in linear time.
public struct RE2Regex: Sendable, Hashable, CustomStringConvertible {
    /// How much of a text a match must cover.
    public enum Anchoring: Sendable, Hashable {
        /// The whole text (header values; `pathRegex` under the "full" option).
        case full
        /// The text from its first character on.
        ///
        /// Anything may follow (SMI's `pathRegex`, notes D1: the text fully matches
        /// `(?:R)(?s:.*)`).
        case prefix
        /// Any part of the text.
        case search
    }

    /// What an adapter can say about the strings a pattern matches.
    ///
    /// With it, an adapter emits a mesh's exact or prefix match instead of a regex where that
    /// says the same.
    public enum Shape: Sendable, Hashable {
        /// Exactly this string.
        case literal(String)
        /// Every string that starts with this one.
        case prefix(String)
        /// Every string that ends with this one.
        case suffix(String)
        /// Every string.
        case matchAll
        /// None of the above.
        case other
    }

    /// A pattern that matches exactly `text`, its metacharacters escaped.
    ///
    /// For patterns built from names, for example a pod-name pattern in PromQL.
    public static func quoting(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\.+*?()|[]{}^$".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// The pattern as written.
    public let pattern: String
    let root: RE2Node
    private let program: RE2Program

    /// Parses and compiles `pattern`, or throws when it is not valid RE2.
    public init(_ pattern: String) throws(RE2Error) {
        self.pattern = pattern
        root = try RE2Parser.parse(pattern)
        program = try RE2Program(root)
    }

    /// Whether `text` matches, covering as much of it as `anchoring` says.
    public func matches(_ text: String, anchoring: Anchoring = .full) -> Bool {
        program.matches(text, anchoring: anchoring)
    }

    /// The set of texts that match under `anchoring`, when it has a simple form.
    ///
    /// - Parameters:
    ///   - anchoring: how the pattern must match the text (`.full` by default).
    ///   - assumingNoNewlines: treat `.` as matching everything, which is exact for texts that
    ///     cannot hold a line feed (HTTP paths and header values).
    public func shape(anchoring: Anchoring = .full, assumingNoNewlines: Bool = false) -> Shape {
        RE2Analysis.shape(of: root, anchoring: anchoring, assumingNoNewlines: assumingNoNewlines)
    }

    /// Whether some match can contain `scalar`.
    ///
    /// For example, whether a path regex can ever match a `?`, which only a query string holds.
    public func canMatch(_ scalar: Unicode.Scalar) -> Bool {
        RE2Analysis.canMatch(scalar.value, in: root)
    }

    /// Whether every match contains `scalar`.
    ///
    /// A path regex that requires a `?` can never match a path, whose query string is not part
    /// of it.
    public func requires(_ scalar: Unicode.Scalar) -> Bool {
        RE2Analysis.requires(scalar.value, in: root)
    }

    /// Two regexes are equal when their patterns are.
    public static func == (lhs: RE2Regex, rhs: RE2Regex) -> Bool { lhs.pattern == rhs.pattern }

    /// Hashes the pattern.
    public func hash(into hasher: inout Hasher) { hasher.combine(pattern) }

    /// The pattern.
    public var description: String { pattern }
}
