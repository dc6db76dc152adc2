public import SMICore

/// A small deterministic random generator (SplitMix64): cases are the same on every run, and
/// reproducible from their seed.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator that always produces the same sequence for `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next value.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Strings and values that are hard to write as YAML.
///
/// Everything some reader takes for another type, every indicator, whitespace at the edges,
/// line breaks, control and non-ASCII characters.
public enum TrickyValues {
    /// Strings that are hard to write as YAML.
    public static let strings: [String] = [
        "", " ", "  lead", "trail ", "\t", "a\tb", "tab\t",
        "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
        "true", "True", "TRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL",
        "0", "-0", "+0", "1", "-1", "+1", "12", "0777", "0o17", "0O17", "0x1F", "0X1f", "0b101", "-0b101", "1_000",
        "_1", "1_",
        "1e3", "1E3", "1e+3", "1.0e+3", "-1.5e-3", ".5", "5.", "-.5", "+.5", "1.5", "3.0e+20", "3e20", "1.2.3",
        "10.0.0.1",
        ".inf", ".Inf", ".INF", "-.inf", "+.inf", ".nan", ".NaN", ".NAN", "inf", "nan", "Infinity",
        "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-1-1", "1:20", "-1:20",
        "190:20:30.15", "1:2:3",
        "<<", "=", "-", "--", "---", "--- a", "...", "... a", "....",
        "- a", "-a", "?", "? a", "?a", ":", ": a", ":a", "a:", "a: b", "a:b", "a :b", "http://x:80/y",
        "#", "#a", "a #b", "a#b", "a# b", "@a", "`a", "!a", "!!str", "&a", "*a", "|", "|a", ">", ">a", "%a", "'a",
        "\"a", "a'b", "a\"b",
        "[", "[a]", "]a", "{", "{a: b}", "}a", ",", ",a", "a,b", "a[b]", "a{b}", "a, b",
        "a\nb", "a\n", "a\n\n", "a\n\n\n", "\nb", "\n", "\n\n", " a\nb", "a\n b", "a \nb", "a\n \n", "a\n\tb", "\ta\nb",
        "\r", "a\rb", "\r\n", "a\r\nb", "\u{85}", "a\u{85}b", "\u{2028}", "a\u{2029}b", "\u{FEFF}", "a\u{FEFF}",
        "\u{7F}", "\u{1}", "\u{0}", "\u{1B}", "\u{9F}", "\u{A0}", "a\u{A0}", "é", "naïve", "日本語", "🎉", "a🎉b",
        "\u{FFFD}",
        "apiVersion", "v1", "app.kubernetes.io/name", "kube-system", "web-v2", "80", "8080/TCP", "/api/v1/.*",
        "^/users/[0-9]+$",
        "GET", "*", "100m", "500m", "1Gi", "\\", "a\\nb", "\\x41"
    ]

    /// A random tricky string: one of `strings`, a few joined, random scalars, or many lines.
    public static func string(_ rng: inout SeededGenerator) -> String {
        switch rng.next() % 10 {
        case 0...4:
            return strings[Int(rng.next() % UInt64(strings.count))]
        case 5...7:
            var s = ""
            for _ in 0..<(1 + rng.next() % 4) { s += strings[Int(rng.next() % UInt64(strings.count))] }
            return s
        case 8:
            var s = ""
            for _ in 0..<(1 + rng.next() % 12) {
                let ranges: [ClosedRange<UInt32>] = [
                    0x20...0x7E, 0x00...0x1F, 0x7F...0xFF, 0x100...0x2FFF, 0xE000...0xFFFD, 0x1F300...0x1F64F
                ]
                let r = ranges[Int(rng.next() % UInt64(ranges.count))]
                let v = r.lowerBound + UInt32(rng.next() % UInt64(r.upperBound - r.lowerBound + 1))
                if let u = Unicode.Scalar(v) { s.unicodeScalars.append(u) }
            }
            return s
        default:
            let line = strings[Int(rng.next() % UInt64(strings.count))]
            return Array(repeating: line + " " + String(rng.next() % 1000), count: Int(1 + rng.next() % 40)).joined(
                separator: rng.next() % 2 == 0 ? "\n" : " ")
        }
    }

    /// A random scalar value.
    public static func scalar(_ rng: inout SeededGenerator, finiteOnly: Bool) -> ManifestValue {
        switch rng.next() % 12 {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .int(Int(truncatingIfNeeded: rng.next()) >> Int(rng.next() % 64))
        case 3:
            let specials: [Double] = [
                0, -0.0, 1, 0.5, 3e20, 1e-5, 1e16, 123456.789, Double.pi, Double.leastNonzeroMagnitude,
                Double.greatestFiniteMagnitude
            ]
            let d =
                rng.next() % 2 == 0
                ? specials[Int(rng.next() % UInt64(specials.count))] : Double(bitPattern: rng.next())
            if d.isNaN || d.isInfinite { return finiteOnly ? .double(1.25) : .double(d) }
            return .double(d)
        case 4 where !finiteOnly:
            return .double([Double.infinity, -Double.infinity, Double.nan][Int(rng.next() % 3)])
        default:
            return .string(string(&rng))
        }
    }

    /// A random value up to `depth` levels deep; keys are strings unless `anyKeys`.
    public static func value(_ rng: inout SeededGenerator, depth: Int, anyKeys: Bool = false, finiteOnly: Bool = false)
        -> ManifestValue
    {
        guard depth > 0 else { return scalar(&rng, finiteOnly: finiteOnly) }
        switch rng.next() % 5 {
        case 0:
            return .sequence(
                (0..<Int(rng.next() % 4)).map { _ in
                    ManifestNode(value(&rng, depth: depth - 1, anyKeys: anyKeys, finiteOnly: finiteOnly))
                })
        case 1, 2:
            var m = ManifestMapping()
            var used = Set<String>()
            for _ in 0..<Int(rng.next() % 5) {
                let key: ManifestValue =
                    anyKeys && rng.next() % 4 == 0 ? scalar(&rng, finiteOnly: true) : .string(string(&rng))
                let id = "\(key)"
                guard used.insert(id).inserted else { continue }
                if case let .double(d) = key, d == 0 { continue }
                m.entries.append(
                    .init(
                        key: ManifestNode(key),
                        value: ManifestNode(value(&rng, depth: depth - 1, anyKeys: anyKeys, finiteOnly: finiteOnly))))
            }
            return .mapping(m)
        default:
            return scalar(&rng, finiteOnly: finiteOnly)
        }
    }
}
