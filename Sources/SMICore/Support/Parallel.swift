import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map(transform)`, run in chunks on all cores when the array is long enough for that
    /// to pay; the results are in the array's order whatever the scheduling.
    func concurrentMap<T: Sendable>(minimumChunk: Int = 512, _ transform: @Sendable (Element) -> T) -> [T] {
        withUnsafeBufferPointer { buffer in
            let input = SendableBuffer(buffer: buffer)
            return Parallel.chunks(of: count, minimumChunk: minimumChunk) { range in input.buffer[range].map(transform)
            }.flatMap { $0 }
        }
    }
}

/// Work split over the cores, for the large inputs of a command-line run.
///
/// Results never depend on the scheduling.
package enum Parallel {
    /// `body` of consecutive ranges that cover `0..<count`, in order, run on all cores when
    /// there are at least two ranges of `minimumChunk` (at most 64 ranges).
    package static func chunks<T: Sendable>(of count: Int, minimumChunk: Int, _ body: @Sendable (Range<Int>) -> T)
        -> [T]
    {
        let wanted = Swift.min(count / Swift.max(minimumChunk, 1), 64)
        guard wanted > 1 else { return [body(0..<count)] }
        let size = (count + wanted - 1) / wanted
        let chunks = (count + size - 1) / size
        let range: @Sendable (Int) -> Range<Int> = { chunk in (chunk * size)..<Swift.min((chunk + 1) * size, count) }
        let results = Mutex<[T?]>(Array(repeating: nil, count: chunks))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let result = body(range(chunk))
            results.withLock { $0[chunk] = result }
        }
        // concurrentPerform runs each chunk once, so all are there; were one not, it is made here.
        let made = results.withLock { $0 }
        return made.indices.map { made[$0] ?? body(range($0)) }
    }

    /// `produce` of every index of `0..<count`, run on all cores, folded into `state` by `fold`
    /// in index order as soon as each result and those before it are ready: a large input's
    /// parts are gathered while later ones are still being produced, and each is freed once
    /// folded.
    ///
    /// `fold` runs on one thread at a time; when it returns `false`, no further result is
    /// folded (or produced, once that is seen). Returns the state and whether every result was
    /// folded.
    package static func fold<T: Sendable, State: Sendable>(
        _ count: Int, into state: State, produce: @Sendable (Int) -> T, fold: @Sendable (inout State, T) -> Bool
    ) -> (state: State, complete: Bool) {
        let order = Mutex(FoldOrder<T>(count: count))
        let folded = Mutex(state)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            guard !order.withLock({ $0.stopped }) else { return }
            let result = produce(index)
            // Whoever finds the next result ready folds it and those after it that are ready.
            guard order.withLock({ $0.offer(result, at: index) }) else { return }
            while let next = order.withLock({ $0.claimNext() }) {
                guard folded.withLock({ fold(&$0, next) }) else {
                    order.withLock { $0.stop() }
                    return
                }
            }
        }
        let complete = order.withLock { !$0.stopped }
        return (folded.withLock { $0 }, complete)
    }

    /// `first()` and `second()`, run at the same time.
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (
        A, B
    ) {
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
        // concurrentPerform runs each index once, so both are there; were one not, it is made here.
        let (a, b) = results.withLock { $0 }
        return (a ?? first(), b ?? second())
    }
}

/// A buffer of `Sendable` elements, read (never written) by the chunks of `concurrentMap`
/// while the array that owns it is alive.
private struct SendableBuffer<Element: Sendable>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}

/// Which results of `Parallel.fold` are ready, how many are folded, and whether a thread is
/// folding them.
private struct FoldOrder<T> {
    var ready: [T?]
    var folded = 0
    var folding = false
    var stopped = false

    init(count: Int) { ready = Array(repeating: nil, count: count) }

    /// Stores the result at `index`; true when the caller is to fold from now on.
    mutating func offer(_ result: T, at index: Int) -> Bool {
        ready[index] = result
        guard !folding, !stopped else { return false }
        folding = true
        return true
    }

    /// The next result to fold, taken out of the store; `nil` (and no longer folding) when
    /// it is not ready yet or folding stopped.
    mutating func claimNext() -> T? {
        guard !stopped, folded < ready.count, let next = ready[folded].take() else {
            folding = false
            return nil
        }
        folded += 1
        return next
    }

    /// Folds nothing more.
    mutating func stop() {
        stopped = true
        folding = false
    }
}
