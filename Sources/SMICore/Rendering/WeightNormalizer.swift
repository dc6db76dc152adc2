/// Turns relative split weights into what a mesh accepts, deterministically and with every
/// change reported (notes D11).
///
/// Integers reduced by their greatest common divisor, or shares that sum to exactly 100 (or
/// 10,000 hundredths) by largest remainder.
public enum WeightNormalizer {
    /// The result of rounding weights to a fixed total.
    public struct Rounded: Sendable, Equatable {
        /// One rounded value per weight, summing to the total.
        public var values: [Int]
        /// Indices of weights above zero that were rounded down to zero: they get no traffic
        /// although SMI gives them some.
        public var zeroed: [Int]
        /// Indices whose value is not the exact share (the rounding changed it).
        public var changed: [Int]
    }

    /// The weights divided by their greatest common divisor (`[90, 10]` -> `[9, 1]`).
    public static func reduced(_ weights: [Int]) -> [Int] {
        let g = weights.reduce(0) { gcd($0, $1) }
        return g > 1 ? weights.map { $0 / g } : weights
    }

    /// Integer shares of `total` (100 for percentages, 10,000 for hundredths of a percent) with
    /// exactly that sum.
    ///
    /// Each weight gets the floor of its exact share, and the units left go to the largest
    /// remainders (ties to the earlier backend).
    ///
    /// Nil when the weights are empty, negative or sum to zero, or the arithmetic would
    /// overflow.
    public static func rounded(_ weights: [Int], to total: Int) -> Rounded? {
        guard !weights.isEmpty, weights.allSatisfy({ $0 >= 0 }), total > 0 else { return nil }
        var sum = 0
        for w in weights {
            let (s, o) = sum.addingReportingOverflow(w)
            if o { return nil }
            sum = s
        }
        guard sum > 0 else { return nil }
        var values: [Int] = []
        var remainders: [(index: Int, remainder: Int)] = []
        for (i, w) in weights.enumerated() {
            let (product, overflow) = w.multipliedReportingOverflow(by: total)
            if overflow { return nil }
            values.append(product / sum)
            remainders.append((i, product % sum))
        }
        var left = total - values.reduce(0, +)
        for r in remainders.sorted(by: {
            $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
        }) where left > 0 {
            values[r.index] += 1
            left -= 1
        }
        let changed = remainders.filter { $0.remainder != 0 }.map(\.index)
        let zeroed = weights.indices.filter { weights[$0] > 0 && values[$0] == 0 }
        return Rounded(values: values, zeroed: zeroed, changed: changed)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (abs(a), abs(b))
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
