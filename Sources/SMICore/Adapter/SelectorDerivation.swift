/// The label selector that picks the pods of one service account in one namespace, and no
/// other pod the inventory knows: what a policy needs to protect exactly the destination of
/// a TrafficTarget. Where none exists the answer is a refusal, because a wider selector would
/// grant access to other workloads.
public enum SelectorDerivation {
    /// Why no exact selector exists.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// What prevents it.
        public var message: String
        /// Creates a problem.
        public init(message: String) {
            self.message = message
        }

        /// The message.
        public var description: String { message }
    }

    /// The labels every pod of the service account carries (the most specific selector,
    /// which also leaves out pods the inventory does not know of as far as it can), provided
    /// that no pod of another service account in the namespace carries all of them.
    public static func selector(namespace: String, serviceAccount: String, in inventory: Inventory) -> Result<StringMap, Problem> {
        // Positions, not workloads: only the labels and service accounts are read.
        let own = inventory.positions(namespace: namespace, serviceAccount: serviceAccount)
        guard let first = own.first else {
            return .failure(Problem(message: "no workload in the inventory runs as service account \(namespace)/\(serviceAccount)"))
        }
        var common = inventory.workloads[first].podLabels
        for position in own.dropFirst() {
            let labels = inventory.workloads[position].podLabels
            common = StringMap(common.entries.filter { labels[$0.key] == $0.value })
        }
        guard !common.isEmpty else {
            return .failure(Problem(message: "the workloads running as \(namespace)/\(serviceAccount) share no pod label to select them by"))
        }
        let sorted = StringMap(common.entries.sorted { $0.key < $1.key })
        if let position = inventory.positions(namespace: namespace, carrying: sorted).first(where: { inventory.workloads[$0].serviceAccount != serviceAccount }) {
            let other = inventory.workloads[position]
            return .failure(Problem(message: "every label of the pods running as \(namespace)/\(serviceAccount) is also on \(other.kind) \(namespace)/\(other.name), which runs as \(other.serviceAccount)"))
        }
        return .success(sorted)
    }
}
