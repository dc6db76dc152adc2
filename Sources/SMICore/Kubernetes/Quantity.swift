/// A Kubernetes resource quantity (`1`, `500m`, `1.5Gi`, `2e3`), kept as an exact decimal.
///
/// SMI's v1alpha1 split weights and the metrics API use quantities, and `1` and `500m` must
/// compare 2:1 exactly, not through floating point.
public struct Quantity: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Why a text is not a quantity.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        /// The message.
        public var description: String { message }
    }

    /// The value is `significand × 10^exponent`, with no trailing zeros in `significand`.
    public let significand: Int64
    /// The power of ten.
    public let exponent: Int

    /// Parses the Kubernetes quantity syntax.
    ///
    /// A signed decimal number, then an optional suffix (`n u m k M G T P E`, `Ki Mi Gi Ti Pi
    /// Ei`, or `e`/`E` and an exponent).
    public init(parsing text: String) throws(ParseError) {
        var s = Substring(text)
        var negative = false
        if let sign = s.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            s = s.dropFirst()
        }
        var digits: Int64 = 0
        var scale = 0
        var sawDigit = false
        var sawPoint = false
        while let c = s.first, c.isASCII, c.isNumber || c == "." {
            if c == "." {
                if sawPoint { throw ParseError(message: "'\(text)' is not a quantity: two decimal points") }
                sawPoint = true
            } else {
                sawDigit = true
                guard let d = c.wholeNumberValue else { break }
                let (m, o1) = digits.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(d))
                if o1 || o2 { throw ParseError(message: "'\(text)' has too many digits") }
                digits = a
                if sawPoint { scale -= 1 }
            }
            s = s.dropFirst()
        }
        guard sawDigit else { throw ParseError(message: "'\(text)' is not a quantity: expected a number") }
        var multiplier: Int64 = 1
        switch s {
        case "": break
        case "n": scale -= 9
        case "u": scale -= 6
        case "m": scale -= 3
        case "k": scale += 3
        case "M": scale += 6
        case "G": scale += 9
        case "T": scale += 12
        case "P": scale += 15
        case "E": scale += 18
        case "Ki": multiplier = 1 << 10
        case "Mi": multiplier = 1 << 20
        case "Gi": multiplier = 1 << 30
        case "Ti": multiplier = 1 << 40
        case "Pi": multiplier = 1 << 50
        case "Ei": multiplier = 1 << 60
        default:
            guard let e = s.first, e == "e" || e == "E", let power = Int(s.dropFirst()), abs(power) <= 1000 else {
                throw ParseError(message: "'\(text)' is not a quantity: unknown suffix '\(s)'")
            }
            scale += power
        }
        let (value, overflow) = digits.multipliedReportingOverflow(by: multiplier)
        if overflow { throw ParseError(message: "'\(text)' is too large") }
        self.init(significand: negative ? -value : value, exponent: scale)
    }

    /// An integer quantity.
    public init(_ integer: Int) {
        self.init(significand: Int64(integer), exponent: 0)
    }

    /// `significand × 10^exponent`, normalised.
    public init(significand: Int64, exponent: Int) {
        var s = significand
        var e = exponent
        if s == 0 {
            e = 0
        } else {
            while s % 10 == 0 {
                s /= 10
                e += 1
            }
        }
        self.significand = s
        self.exponent = e
    }

    /// The value when it is a whole number that fits in `Int`.
    public var integerValue: Int? {
        guard exponent >= 0 else { return nil }
        var v = significand
        for _ in 0..<exponent {
            let (m, o) = v.multipliedReportingOverflow(by: 10)
            if o { return nil }
            v = m
        }
        return Int(exactly: v)
    }

    /// The nearest `Double`, for display and metrics arithmetic.
    public var doubleValue: Double {
        var d = Double(significand)
        if exponent > 0 {
            for _ in 0..<exponent { d *= 10 }
        } else if exponent < 0 {
            for _ in 0..<(-exponent) { d /= 10 }
        }
        return d
    }

    /// Whether the value is below zero.
    public var isNegative: Bool { significand < 0 }

    /// Compares values exactly.
    public static func < (lhs: Quantity, rhs: Quantity) -> Bool {
        guard let (a, b) = commonScale(lhs, rhs) else { return lhs.doubleValue < rhs.doubleValue }
        return a < b
    }

    /// Both significands at the smaller exponent, or nil when that overflows.
    private static func commonScale(_ lhs: Quantity, _ rhs: Quantity) -> (Int64, Int64)? {
        let e = min(lhs.exponent, rhs.exponent)
        guard let a = scaled(lhs.significand, by: lhs.exponent - e),
            let b = scaled(rhs.significand, by: rhs.exponent - e)
        else {
            return nil
        }
        return (a, b)
    }

    private static func scaled(_ v: Int64, by power: Int) -> Int64? {
        var v = v
        for _ in 0..<power {
            let (m, o) = v.multipliedReportingOverflow(by: 10)
            if o { return nil }
            v = m
        }
        return v
    }

    /// The smallest non-negative integers with exactly the ratios of `quantities` (all of them
    /// non-negative).
    ///
    /// Scaled to whole numbers, then divided by their greatest common divisor.
    ///
    /// `[1, 500m, 250m, 0]` gives `[4, 2, 1, 0]`. Nil when a value is negative or the integers
    /// would not fit.
    public static func integerRatio(_ quantities: [Quantity]) -> [Int]? {
        guard !quantities.contains(where: \.isNegative) else { return nil }
        let nonZero = quantities.filter { $0.significand != 0 }
        guard let e = nonZero.map(\.exponent).min() else { return quantities.map { _ in 0 } }
        var values: [Int64] = []
        for q in quantities {
            if q.significand == 0 {
                values.append(0)
                continue
            }
            guard let v = scaled(q.significand, by: q.exponent - e) else { return nil }
            values.append(v)
        }
        let g = values.reduce(Int64(0)) { gcd($0, $1) }
        return values.map { Int(g == 0 ? 0 : $0 / g) }
    }

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (a, b) = (a, b)
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }

    /// The canonical text: an integer when whole (`2`), else a decimal (`0.5`) or an exponent
    /// (`1e21`).
    ///
    /// An exponent is used for very large or small values.
    public var description: String {
        if exponent >= 0 && exponent <= 18, let i = integerValue { return String(i) }
        if exponent < 0 && exponent >= -18 {
            let digits = String(significand.magnitude)
            let places = -exponent
            let padded = String(repeating: "0", count: max(0, places - digits.count + 1)) + digits
            let point = padded.index(padded.endIndex, offsetBy: -places)
            return (significand < 0 ? "-" : "") + padded[..<point] + "." + padded[point...]
        }
        return "\(significand)e\(exponent)"
    }
}
