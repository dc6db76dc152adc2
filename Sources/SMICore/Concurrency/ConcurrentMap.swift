import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)`, run in chunks on all cores when the array is long enough for that
    /// to pay; the results are in the array's order whatever the scheduling.
    func concurrentMap<T: Sendable>(minimumChunk: Int = 512, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = Swift.min(count / minimumChunk, 64)
        guard chunks > 1 else { return map(transform) }
        let size = (count + chunks - 1) / chunks
        let results = Mutex<[[T]]>(Array<[T]>(repeating: [], count: chunks))
        self.withUnsafeBufferPointer { buffer in
            let input = SendableBuffer(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let range = (chunk * size)..<Swift.min((chunk + 1) * size, input.buffer.count)
                let mapped = input.buffer[range].map(transform)
                results.withLock { $0[chunk] = mapped }
            }
        }
        return results.withLock { $0.flatMap { $0 } }
    }
}

/// A buffer of `Sendable` elements, read (never written) by the chunks of `concurrentMap`
/// while the array that owns it is alive.
private struct SendableBuffer<Element: Sendable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
