import Synchronization

extension SMIBundle {
    /// Findings worked out once per bundle and shared by its copies, which is sound because a
    /// bundle never changes once it is made: rendering (through the traffic model) and
    /// validation both need the splits' findings, and `renderAndValidate` runs them at the
    /// same time.
    package final class Memo: Sendable {
        private let splitFindings = Mutex<[Diagnostic]?>(nil)

        /// Nothing worked out yet.
        package init() {}

        /// The splits' findings: made by `make` the first time they are asked for; a caller
        /// that asks while they are being made waits for them.
        package func splitFindings(_ make: () -> [Diagnostic]) -> [Diagnostic] {
            splitFindings.withLock { found in
                if let found { return found }
                let made = make()
                found = made
                return made
            }
        }
    }
}
