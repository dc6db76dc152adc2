/// The syntax tree of an RE2 pattern, after flags are applied (a case-insensitive literal
/// is already a set of its case variants, `.` already knows whether it matches `\n`).
indirect enum RE2Node: Sendable, Equatable {
    /// Matches the empty string.
    case empty
    /// One scalar from the set.
    case set(RE2CharacterSet)
    /// Zero-width assertions.
    case assertion(RE2Assertion)
    /// Each part in turn.
    case concat([RE2Node])
    /// Any one of the alternatives.
    case alternate([RE2Node])
    /// `min` to `max` (nil: unbounded) repetitions.
    ///
    /// Greediness does not change what matches, only which match a search reports, so it is not
    /// kept.
    case repetition(RE2Node, min: Int, max: Int?)

    /// The node for a single literal scalar.
    static func literal(_ v: UInt32, caseInsensitive: Bool) -> RE2Node {
        let set = RE2CharacterSet([v...v])
        return .set(caseInsensitive ? set.caseFolded : set)
    }
}

/// Positions a pattern can require without consuming text.
enum RE2Assertion: Sendable, Equatable {
    /// `^` without `m`, `\A`: the start of the text.
    case beginText
    /// `$` without `m`, `\z`: the end of the text.
    case endText
    /// `^` with `m`: the start of the text or after `\n`.
    case beginLine
    /// `$` with `m`: the end of the text or before `\n`.
    case endLine
    /// `\b`: between an ASCII word character and a non-word one.
    case wordBoundary
    /// `\B`: not at a word boundary.
    case notWordBoundary
}
