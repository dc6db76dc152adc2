@testable import SMICore
import Testing

/// `earlierRepeats` gives, for each element, the first earlier one with its key, for short
/// lists (compared pairwise) and long ones (hashed) alike.
@Suite struct CollectionRepeatsTests {
    @Test(arguments: [0, 1, 5, 16, 17, 40, 300])
    func eachElementPointsAtTheFirstWithItsKey(count: Int) {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let keys = (0..<count).map { _ in Int.random(in: 0..<max(count / 2, 1), using: &random) }
            let expected = keys.indices.map { i in keys.indices.first { $0 < i && keys[$0] == keys[i] } }
            #expect(keys.earlierRepeats(by: { $0 }) == expected)
            #expect(keys.map(String.init).earlierRepeats(by: { $0 }) == expected)
        }
    }
}
