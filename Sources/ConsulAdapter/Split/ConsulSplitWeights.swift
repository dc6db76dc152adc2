/// Split weights as consul-k8s admits them: its webhook adds a ServiceSplitter's weights as
/// float32, in list order, and refuses the splitter unless the sum is exactly 100 (consul-k8s
/// `ServiceSplits.validate`).
///
/// Hundredths that sum to 10,000 need not: 9.09 + 72.73 + 18.18 is 100.00001 in float32.
enum ConsulSplitWeights {
    /// The weight as Consul reads it: the float32 nearest the decimal written.
    static func float32(hundredths: Int) -> Float {
        Float(ConsulWeight(hundredths: hundredths).text) ?? Float(hundredths) / 100
    }

    /// Whether the webhook's float32 sum of the written weights (those above 0, in order) is
    /// exactly 100.
    static func sumsToHundred(_ hundredths: [Int]) -> Bool {
        var sum: Float = 0
        for value in hundredths where value > 0 { sum += float32(hundredths: value) }
        return sum == 100
    }

    /// Hundredths of a percent for `weights` (relative, at least one above 0) that sum to
    /// 10,000, stay within one hundredth of each exact share, keep every positive weight above
    /// 0, and sum to exactly 100 in float32 when written in `order` (indices of `weights`): the
    /// given order if it can, else the first of its reverse, ascending and descending weights
    /// that can (the order of a splitter's entries does not change its shares).
    ///
    /// Shares nearest their exact value are tried first; nil when no such hundredths are found
    /// within `budget` tries.
    static func hundredths(for weights: [Int], budget: Int = 200_000) -> (values: [Int], order: [Int])? {
        let total = weights.reduce(0, +)
        guard total > 0, weights.allSatisfy({ $0 >= 0 }) else { return nil }
        // Each weight's candidates: the integers within one hundredth of its exact share
        // (10,000 * w / total), nearest first; a zero weight stays 0, a positive one above 0.
        let candidates: [[Int]] = weights.map { weight in
            guard weight > 0 else { return [0] }
            let (whole, remainder) = (weight * 10_000).quotientAndRemainder(dividingBy: total)
            let values =
                remainder == 0
                ? [whole, whole - 1, whole + 1] : (2 * remainder >= total ? [whole + 1, whole] : [whole, whole + 1])
            return values.filter { $0 > 0 }
        }
        let given = Array(weights.indices)
        let orders = [
            given, given.reversed(), given.sorted { (weights[$0], $0) < (weights[$1], $1) },
            given.sorted { (weights[$0], $1) > (weights[$1], $0) }
        ]
        var tries = 0
        for order in orders {
            if let values = search(candidates, order: order, budget: budget, tries: &tries) { return (values, order) }
        }
        return nil
    }

    /// One value per weight from `candidates`, summing to 10,000, whose float32 sum in
    /// `order` is exactly 100.
    private static func search(_ candidates: [[Int]], order: [Int], budget: Int, tries: inout Int) -> [Int]? {
        let ordered = order.map { candidates[$0] }
        var minimumAfter = Array(repeating: 0, count: ordered.count + 1), maximumAfter = minimumAfter
        for index in ordered.indices.reversed() {
            minimumAfter[index] = minimumAfter[index + 1] + (ordered[index].min() ?? 0)
            maximumAfter[index] = maximumAfter[index + 1] + (ordered[index].max() ?? 0)
        }
        var chosen: [Int] = []
        func next(_ index: Int, _ sum: Int) -> Bool {
            if index == ordered.count {
                tries += 1
                return sum == 10_000 && sumsToHundred(chosen)
            }
            for value in ordered[index] where tries < budget {
                let rest = 10_000 - sum - value
                guard rest >= minimumAfter[index + 1], rest <= maximumAfter[index + 1] else { continue }
                chosen.append(value)
                if next(index + 1, sum + value) { return true }
                chosen.removeLast()
            }
            return false
        }
        guard next(0, 0) else { return nil }
        var values = Array(repeating: 0, count: candidates.count)
        for (position, index) in order.enumerated() { values[index] = chosen[position] }
        return values
    }
}
