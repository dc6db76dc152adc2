import SMICore

/// The RE2 engine on arbitrary patterns: parsing succeeds or throws, and the shape an
/// adapter relies on (literal, prefix, suffix, everything) agrees with matching, on texts from
/// the input and texts built from the shape itself.
enum RegexFuzzing {
    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        // The first line is the pattern; the following lines are texts to match.
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        guard let pattern = lines.first, let regex = try? RE2Regex(pattern) else { return nil }
        for anchoring in [RE2Regex.Anchoring.full, .prefix] {
            let shape = regex.shape(anchoring: anchoring)
            var texts = Array(lines.dropFirst().prefix(8)) + ["", "/", "/api/v1/items", pattern]
            switch shape {
            case let .literal(s), let .prefix(s), let .suffix(s):
                texts += [s, s + "x", "x" + s, String(s.unicodeScalars.dropLast())]
            case .matchAll, .other: break
            }
            for text in texts {
                let matched = regex.matches(text, anchoring: anchoring)
                let t = Array(text.unicodeScalars)
                let expected: Bool? =
                    switch shape {
                    case let .literal(s): t == Array(s.unicodeScalars)
                    case let .prefix(s): t.starts(with: s.unicodeScalars)
                    case let .suffix(s): t.reversed().starts(with: s.unicodeScalars.reversed())
                    case .matchAll: true
                    case .other: nil
                    }
                if let expected, expected != matched {
                    return FuzzFailure(
                        description:
                            "'\(pattern)' (\(anchoring)): shape \(shape) says \(expected) for '\(text)', matching says \(matched)"
                    )
                }
            }
        }
        return nil
    }
}
