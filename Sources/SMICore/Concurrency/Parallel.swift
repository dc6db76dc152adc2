import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)`, run in chunks on all cores when the array is long enough for that
    /// to pay; the results are in the array's order whatever the scheduling.
    func concurrentMap<T: Sendable>(minimumChunk: Int = 512, _ transform: @Sendable (Element) -> T) -> [T] {
        withUnsafeBufferPointer { buffer in
            let input = SendableBuffer(buffer: buffer)
            return Parallel.chunks(of: count, minimumChunk: minimumChunk) { range in input.buffer[range].map(transform) }.flatMap { $0 }
        }
    }
}

/// Work split over the cores, for the large inputs of a command-line run. Results never
/// depend on the scheduling.
package enum Parallel {
    /// `body` of consecutive ranges that cover `0..<count`, in order, run on all cores when
    /// there are at least two ranges of `minimumChunk` (at most 64 ranges).
    package static func chunks<T: Sendable>(of count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let wanted = Swift.min(count / Swift.max(minimumChunk, 1), 64)
        guard wanted > 1 else { return [body(0..<count)] }
        let size = (count + wanted - 1) / wanted
        let chunks = (count + size - 1) / size
        let results = Mutex<[T?]>(Array(repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let result = body((chunk * size)..<Swift.min((chunk + 1) * size, count))
            results.withLock { $0[chunk] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// `first()` and `second()`, run at the same time.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = Mutex<(A?, B?)>((nil, nil))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                let a = first()
                results.withLock { $0.0 = a }
            } else {
                let b = second()
                results.withLock { $0.1 = b }
            }
        }
        return results.withLock { ($0.0!, $0.1!) }
    }
}

/// A buffer of `Sendable` elements, read (never written) by the chunks of `concurrentMap`
/// while the array that owns it is alive.
private struct SendableBuffer<Element: Sendable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
