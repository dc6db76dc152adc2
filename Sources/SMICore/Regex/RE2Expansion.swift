/// A pattern's language as a finite union of simple forms, when it has one.
///
/// Each form is a literal that the text must equal (`.end`) or start with (`.any`).
///
/// Meshes whose path and header matchers know only exact and prefix strings (Istio's
/// AuthorizationPolicy, Consul's intentions) can express exactly these patterns and no others
/// (Istio notes 3.6).
public struct RE2Form: Sendable, Hashable, CustomStringConvertible {
    /// What may follow the literal.
    public enum Tail: Sendable, Hashable {
        /// Nothing: the text is the literal.
        case end
        /// Anything: the text starts with the literal.
        case any
    }

    /// The literal.
    public var literal: String
    /// What may follow it.
    public var tail: Tail

    /// Creates a form.
    public init(_ literal: String, _ tail: Tail) {
        self.literal = literal
        self.tail = tail
    }

    /// `literal` or `literal…`.
    public var description: String { tail == .end ? literal : literal + "…" }
}

extension RE2Regex {
    /// The matched texts as at most `limit` forms, or nil when no finite union of exact and
    /// prefix literals says the same.
    ///
    /// The texts are those matched under `anchoring`, `.full` or `.prefix`: unbounded
    /// repetition before the end (`/api/v[0-9]+/.*`), "contains" (`.*x` from the start), or too
    /// many alternatives.
    ///
    /// - Parameters:
    ///   - anchoring: `.full` (the whole text) or `.prefix` (its start); `.search` has no forms.
    ///   - limit: the most forms to return before giving up.
    ///   - assumingNoNewlines: read `.` as any character, exact for texts that cannot hold a
    ///     line feed (paths, header values).
    /// - Returns: the forms, or nil when the language has none within `limit`.
    public func forms(anchoring: Anchoring = .full, limit: Int = 64, assumingNoNewlines: Bool = false) -> [RE2Form]? {
        RE2Expansion(limit: limit, assumingNoNewlines: assumingNoNewlines).forms(of: root, anchoring: anchoring)
    }
}

/// The expansion behind `RE2Regex.forms`: literal prefixes are expanded through concatenation,
/// alternation, small classes and bounded repetition; a loop over everything may only end
/// the pattern.
struct RE2Expansion {
    let limit: Int
    let assumingNoNewlines: Bool

    /// A form being built: the literal so far, and whether it is already closed by `$` or
    /// open-ended by a loop over everything.
    private struct Partial: Hashable {
        var text: [UInt32]
        var state: State
    }

    private enum State: Hashable {
        case open, end, any
    }

    func forms(of root: RE2Node, anchoring: RE2Regex.Anchoring) -> [RE2Form]? {
        guard anchoring != .search, var partials = expand(root, from: [Partial(text: [], state: .open)]) else {
            return nil
        }
        partials = partials.map { p in
            var p = p
            if p.state == .open { p.state = anchoring == .prefix ? .any : .end }
            return p
        }
        var forms: [RE2Form] = []
        var seen = Set<RE2Form>()
        for p in partials {
            var literal = ""
            for v in p.text { literal.unicodeScalars.append(Unicode.Scalar(v) ?? "?") }
            let form = RE2Form(literal, p.state == .any ? .any : .end)
            if seen.insert(form).inserted { forms.append(form) }
        }
        return forms
    }

    private func expand(_ node: RE2Node, from partials: [Partial]) -> [Partial]? {
        switch node {
        case .empty:
            return partials
        case let .assertion(a):
            switch a {
            case .beginText, .beginLine:
                // Holds only at the start: forms that have consumed something match nothing.
                return partials.filter { $0.text.isEmpty && $0.state == .open }
            case .endText:
                // Closes open forms; an open-ended form (`.*$`) stays open-ended, as `.*`
                // reaches the end by itself.
                return partials.map { p in
                    var p = p
                    if p.state == .open { p.state = .end }
                    return p
                }
            case .endLine, .wordBoundary, .notWordBoundary:
                return nil
            }
        case let .set(set):
            guard let scalars = scalars(of: set) else { return nil }
            return appending(scalars, to: partials)
        case let .concat(items):
            var current = partials
            for item in items {
                guard let next = expand(item, from: current) else { return nil }
                current = next
            }
            return current
        case let .alternate(branches):
            var out: [Partial] = []
            for branch in branches {
                guard let expanded = expand(branch, from: partials) else { return nil }
                out += expanded
                if out.count > limit { return nil }
            }
            return out
        case let .repetition(body, min, max):
            if case let .set(set) = body, isEverything(set), max == nil {
                // `.+` and `.{n,}` need at least n more characters: "the literal, then
                // anything" would also admit the literal alone, so they have no form.
                guard min == 0 else { return nil }
                // `.*`: only as the end of the pattern, where it leaves the form open-ended.
                return partials.map { p in
                    var p = p
                    if p.state == .open { p.state = .any }
                    return p
                }
            }
            guard let max else { return nil }
            var current = partials
            for _ in 0..<min {
                guard let next = expand(body, from: current) else { return nil }
                current = next
            }
            var out = current
            for _ in min..<max {
                guard let next = expand(body, from: current) else { return nil }
                current = next
                out += current
                if out.count > limit { return nil }
            }
            // Duplicates go, in first-seen order: a Set's order would change from run to run.
            var seen = Set<Partial>()
            return out.filter { seen.insert($0).inserted }
        }
    }

    /// Appends one of `scalars` to every open form; forms already closed cannot take more
    /// (after `$` nothing matches; after `.*` the pattern would need "contains").
    private func appending(_ scalars: [UInt32], to partials: [Partial]) -> [Partial]? {
        var out: [Partial] = []
        for p in partials {
            switch p.state {
            case .end: continue
            case .any: return nil
            case .open:
                for v in scalars {
                    var q = p
                    q.text.append(v)
                    out.append(q)
                }
            }
            if out.count > limit { return nil }
        }
        return out
    }

    private func isEverything(_ set: RE2CharacterSet) -> Bool {
        set == .all || (assumingNoNewlines && set == RE2CharacterSet([0...9, 11...RE2CharacterSet.maxScalar]))
    }

    /// The scalars of a small set, or nil for a large one.
    private func scalars(of set: RE2CharacterSet) -> [UInt32]? {
        var out: [UInt32] = []
        for r in set.ranges {
            guard r.upperBound - r.lowerBound < UInt32(limit) else { return nil }
            out += Array(r)
            if out.count > limit { return nil }
        }
        return out
    }
}

extension RE2Form {
    /// Whether some text has both forms.
    public func intersects(_ other: RE2Form) -> Bool {
        switch (tail, other.tail) {
        case (.end, .end): literal == other.literal
        case (.end, .any): literal.hasPrefix(other.literal)
        case (.any, .end): other.literal.hasPrefix(literal)
        case (.any, .any): literal.hasPrefix(other.literal) || other.literal.hasPrefix(literal)
        }
    }
}
