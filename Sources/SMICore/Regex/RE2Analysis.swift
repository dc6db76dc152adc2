/// Questions adapters ask about a pattern, answered from its syntax tree.
///
/// Is its language a single string, all strings with a given prefix or suffix, or everything?
enum RE2Analysis {
    static func shape(of root: RE2Node, anchoring: RE2Regex.Anchoring, assumingNoNewlines: Bool) -> RE2Regex.Shape {
        let any = RE2Node.repetition(.set(.all), min: 0, max: nil)
        var items: [RE2Node]
        switch anchoring {
        case .full: items = [root]
        case .prefix: items = [root, any]
        case .search: items = [any, root, any]
        }
        items = flatten(items)
        // `\A` after loops that can be empty pins them to nothing; so does `\z` before them.
        if let start = items.lastIndex(where: {
            if case .assertion(.beginText) = $0 { return true } else { return false }
        }),
            items[..<start].allSatisfy({ isStar($0) })
        {
            items.removeFirst(start)
        }
        if let end = items.firstIndex(where: { if case .assertion(.endText) = $0 { return true } else { return false } }
        ),
            items[(end + 1)...].allSatisfy({ isStar($0) })
        {
            items.removeLast(items.count - end - 1)
        }
        // At the ends of a full match, the start and end assertions always hold.
        while let first = items.first, case let .assertion(a) = first, a == .beginText || a == .beginLine {
            items.removeFirst()
        }
        while let last = items.last, case let .assertion(a) = last, a == .endText || a == .endLine {
            items.removeLast()
        }
        // Next to a loop over everything, any other `X*` adds nothing (`[^/]*(?s:.*)` is `(?s:.*)`).
        var merged: [RE2Node] = []
        for item in items {
            if let last = merged.last {
                if isAnything(item, assumingNoNewlines) && (isAnything(last, assumingNoNewlines) || isStar(last)) {
                    merged.removeLast()
                    while let previous = merged.last, isStar(previous) { merged.removeLast() }
                } else if isStar(item) && isAnything(last, assumingNoNewlines) {
                    continue
                }
            }
            merged.append(item)
        }
        let anyAtStart = merged.first.map { isAnything($0, assumingNoNewlines) } ?? false
        let anyAtEnd =
            merged.count > (anyAtStart ? 1 : 0) && (merged.last.map { isAnything($0, assumingNoNewlines) } ?? false)
        let middle = Array(merged.dropFirst(anyAtStart ? 1 : 0).dropLast(anyAtEnd ? 1 : 0))
        guard let text = literal(middle) else { return .other }
        switch (anyAtStart, anyAtEnd) {
        case (false, false): return .literal(text)
        case (false, true): return text.isEmpty ? .matchAll : .prefix(text)
        case (true, false): return text.isEmpty ? .matchAll : .suffix(text)
        case (true, true): return text.isEmpty ? .matchAll : .other
        }
    }

    /// The items of nested concatenations, in order.
    private static func flatten(_ items: [RE2Node]) -> [RE2Node] {
        var out: [RE2Node] = []
        for item in items {
            switch item {
            case let .concat(inner): out += flatten(inner)
            case .empty: continue
            default: out.append(item)
            }
        }
        return out
    }

    /// `X*` for a set `X`: a loop that may match nothing.
    private static func isStar(_ node: RE2Node) -> Bool {
        if case let .repetition(body, 0, nil) = node, case .set = body { return true }
        return false
    }

    /// `.*` over every scalar (or every scalar but `\n`, when texts cannot hold one).
    private static func isAnything(_ node: RE2Node, _ assumingNoNewlines: Bool) -> Bool {
        guard case let .repetition(body, 0, nil) = node, case let .set(set) = body else { return false }
        if set == .all { return true }
        return assumingNoNewlines && set == RE2CharacterSet([0...9, 11...RE2CharacterSet.maxScalar])
    }

    /// The string, when every item is a single scalar.
    private static func literal(_ items: [RE2Node]) -> String? {
        var text = ""
        for item in items {
            guard case let .set(set) = item, let v = set.single, let scalar = Unicode.Scalar(v) else { return nil }
            text.unicodeScalars.append(scalar)
        }
        return text
    }

    static func canMatch(_ v: UInt32, in node: RE2Node) -> Bool {
        switch node {
        case .empty, .assertion: return false
        case let .set(set): return set.contains(v)
        case let .concat(items), let .alternate(items): return items.contains { canMatch(v, in: $0) }
        case let .repetition(body, _, max): return max != 0 && canMatch(v, in: body)
        }
    }

    static func requires(_ v: UInt32, in node: RE2Node) -> Bool {
        switch node {
        case .empty, .assertion: return false
        case let .set(set): return set.single == v
        case let .concat(items): return items.contains { requires(v, in: $0) }
        case let .alternate(branches): return branches.allSatisfy { requires(v, in: $0) }
        case let .repetition(body, min, _): return min > 0 && requires(v, in: body)
        }
    }
}
