@testable import SMICore
import Testing

@Suite struct ParallelTests {
    /// The ranges cover `0..<count` in order, without gaps or overlaps, whatever the count
    /// and chunk size (one range when there is too little for two).
    @Test(arguments: [(0, 1), (1, 1), (5, 10), (19, 10), (20, 10), (1000, 7), (4033, 1), (100_000, 512)])
    func chunksCoverTheRangeInOrder(count: Int, minimumChunk: Int) {
        let ranges = Parallel.chunks(of: count, minimumChunk: minimumChunk) { $0 }
        #expect(ranges.first?.lowerBound == 0)
        #expect(ranges.last?.upperBound == count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ranges.count <= 64)
        #expect(ranges.count == 1 || ranges.allSatisfy { !$0.isEmpty })
        #expect(Array(0..<count).concurrentMap(minimumChunk: minimumChunk) { $0 * 2 } == (0..<count).map { $0 * 2 })
    }

    /// Results are folded in index order however long each takes to produce, every one of
    /// them exactly once.
    @Test(arguments: [0, 1, 2, 7, 200])
    func foldFoldsEveryResultInOrder(count: Int) {
        let (folded, complete) = Parallel.fold(count, into: [Int]()) { index in
            // Uneven work, so that later results are often ready before earlier ones.
            var spin = 0
            for step in 0..<((count - index) % 5) * 20_000 { spin &+= step }
            return (index, spin)
        } fold: { folded, result in
            folded.append(result.0)
            return true
        }
        #expect(complete)
        #expect(folded == Array(0..<count))
    }

    /// Once the fold declines a result, nothing after it is folded and the fold is incomplete.
    @Test func foldStopsWhereTheFoldDeclines() {
        let (folded, complete) = Parallel.fold(100, into: [Int]()) {
            $0
        } fold: { folded, index in
            guard index != 37 else { return false }
            folded.append(index)
            return true
        }
        #expect(!complete)
        #expect(folded == Array(0..<37))
    }

    @Test func bothRunsBoth() {
        let (a, b) = Parallel.both({ (1...1000).reduce(0, +) }, { String(repeating: "x", count: 3) })
        #expect(a == 500_500)
        #expect(b == "xxx")
    }
}
