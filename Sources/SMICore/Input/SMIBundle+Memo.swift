import Synchronization

extension SMIBundle {
    /// What validating the TrafficSplits found: the findings, and which splits they make
    /// unusable.
    package struct SplitChecks: Sendable {
        /// The findings about the splits, unsorted.
        package var findings: [Diagnostic] = []
        /// The splits with at least one error: none of them routes (D25).
        package var withErrors: Set<Key> = []

        /// No findings.
        package init() {}
    }

    /// Findings worked out once per bundle and shared by its copies, which is sound because a
    /// bundle never changes once it is made: rendering (through the traffic model) and
    /// validation both need the splits' checks, and `renderAndValidate` runs them at the
    /// same time.
    package final class Memo: Sendable {
        private let splitChecks = Mutex<SplitChecks?>(nil)

        /// Nothing worked out yet.
        package init() {}

        /// The splits' checks: made by `make` the first time they are asked for; a caller
        /// that asks while they are being made waits for them.
        package func splitChecks(_ make: () -> SplitChecks) -> SplitChecks {
            splitChecks.withLock { found in
                if let found { return found }
                let made = make()
                found = made
                return made
            }
        }
    }
}
