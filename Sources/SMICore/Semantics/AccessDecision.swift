/// The outcome of an access decision, with the reason in words.
///
/// The TrafficTarget, rule and match that allowed the request, or why nothing did.
public struct AccessDecision: Sendable, Hashable, CustomStringConvertible {
    /// Allowed or denied.
    public enum Verdict: String, Sendable, Hashable {
        /// The request is admitted.
        case allow
        /// The request is refused.
        case deny
    }

    /// Allowed or denied.
    public var verdict: Verdict
    /// Why.
    public var reason: String

    /// Creates a decision.
    public init(_ verdict: Verdict, _ reason: String) {
        self.verdict = verdict
        self.reason = reason
    }

    /// Whether the request is admitted.
    public var isAllowed: Bool { verdict == .allow }

    /// `allow: reason` or `deny: reason`.
    public var description: String { "\(verdict.rawValue): \(reason)" }
}
