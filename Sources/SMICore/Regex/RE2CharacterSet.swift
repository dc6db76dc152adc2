/// A set of Unicode scalars as sorted, disjoint, non-adjacent ranges: the meaning of a
/// character class, `.`, `\d` and friends.
struct RE2CharacterSet: Sendable, Equatable {
    static let maxScalar: UInt32 = 0x10FFFF

    private(set) var ranges: [ClosedRange<UInt32>]

    init(_ ranges: [ClosedRange<UInt32>] = []) {
        self.ranges = []
        for r in ranges { insert(r) }
    }

    static let all = RE2CharacterSet([0...maxScalar])
    static let digits = RE2CharacterSet([0x30...0x39])
    /// RE2's `\w`: ASCII letters, digits and `_`.
    static let word = RE2CharacterSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
    /// RE2's `\s`: `[\t\n\f\r ]` (no vertical tab, no Unicode spaces).
    static let space = RE2CharacterSet([0x09...0x0A, 0x0C...0x0D, 0x20...0x20])

    mutating func insert(_ range: ClosedRange<UInt32>) {
        var lower = range.lowerBound
        var upper = range.upperBound
        var result: [ClosedRange<UInt32>] = []
        var inserted = false
        for r in ranges {
            if r.upperBound &+ 1 < lower {
                result.append(r)
            } else if upper &+ 1 < r.lowerBound {
                if !inserted {
                    result.append(lower...upper)
                    inserted = true
                }
                result.append(r)
            } else {
                lower = min(lower, r.lowerBound)
                upper = max(upper, r.upperBound)
            }
        }
        if !inserted { result.append(lower...upper) }
        ranges = result
    }

    mutating func formUnion(_ other: RE2CharacterSet) {
        for r in other.ranges { insert(r) }
    }

    var inverted: RE2CharacterSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for r in ranges {
            if r.lowerBound > next { result.append(next...(r.lowerBound - 1)) }
            next = r.upperBound &+ 1
        }
        if next <= Self.maxScalar && !(ranges.last.map { $0.upperBound == Self.maxScalar } ?? false) {
            result.append(next...Self.maxScalar)
        }
        var set = RE2CharacterSet()
        set.ranges = result
        return set
    }

    func contains(_ v: UInt32) -> Bool {
        var lo = 0
        var hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < ranges[mid].lowerBound {
                hi = mid - 1
            } else if v > ranges[mid].upperBound {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    var isEmpty: Bool { ranges.isEmpty }

    /// The only scalar in the set, if it has exactly one.
    var single: UInt32? {
        if ranges.count == 1, ranges[0].lowerBound == ranges[0].upperBound { return ranges[0].lowerBound }
        return nil
    }

    /// The set with every scalar's case-folding orbit added.
    var caseFolded: RE2CharacterSet {
        var result = self
        let cased = RE2CaseFolding.cased
        for r in ranges {
            // Visit only the scalars that have case, from the first one in the range.
            var lo = 0
            var hi = cased.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cased[mid] < r.lowerBound { lo = mid + 1 } else { hi = mid }
            }
            while lo < cased.count && cased[lo] <= r.upperBound {
                for o in RE2CaseFolding.orbit(of: cased[lo]) where o != cased[lo] { result.insert(o...o) }
                lo += 1
            }
        }
        return result
    }
}
