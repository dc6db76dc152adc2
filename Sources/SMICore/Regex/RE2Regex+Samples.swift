extension RE2Regex {
    /// A text the pattern matches whole, made by a random walk of its syntax tree: each
    /// repetition taken `min` to `min + 2` times, each class read at a random scalar (printable
    /// ASCII where it has some).
    ///
    /// Nil when the walk's text does not match (assertions it cannot meet, `a^b`). For tests
    /// that need strings at a pattern's edges, not for output.
    package func sample(using random: inout some RandomNumberGenerator) -> String? {
        var scalars: [Unicode.Scalar] = []
        Self.walk(root, into: &scalars, using: &random)
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return matches(text, anchoring: .full) ? text : nil
    }

    private static func walk(
        _ node: RE2Node, into out: inout [Unicode.Scalar], using random: inout some RandomNumberGenerator
    ) {
        switch node {
        case .empty, .assertion:
            return
        case let .set(set):
            if let scalar = pick(from: set, using: &random) { out.append(scalar) }
        case let .concat(items):
            for item in items { walk(item, into: &out, using: &random) }
        case let .alternate(items):
            if let item = items.randomElement(using: &random) { walk(item, into: &out, using: &random) }
        case let .repetition(body, min, max):
            let upper = Swift.min(max ?? min + 2, min + 2)
            for _ in 0..<Int.random(in: min...Swift.max(min, upper), using: &random) {
                walk(body, into: &out, using: &random)
            }
        }
    }

    /// A scalar of `set`: printable ASCII when the set has some (a path or header value stays
    /// readable), else any valid scalar of its ranges.
    private static func pick(from set: RE2CharacterSet, using random: inout some RandomNumberGenerator) -> Unicode
        .Scalar?
    {
        let printable = set.ranges.compactMap { range -> ClosedRange<UInt32>? in
            let lower = Swift.max(range.lowerBound, 0x21), upper = Swift.min(range.upperBound, 0x7E)
            return lower <= upper ? lower...upper : nil
        }
        let ranges = printable.isEmpty ? set.ranges : printable
        guard let range = ranges.randomElement(using: &random) else { return nil }
        for _ in 0..<8 {
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &random)) { return scalar }
        }
        return Unicode.Scalar(range.lowerBound)
    }
}
