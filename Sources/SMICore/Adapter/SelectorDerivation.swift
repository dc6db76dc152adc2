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

    /// Template labels that change from one release of a workload to the next (a Helm
    /// chart's version, a controller's hash of its template): a selector holding one stops
    /// selecting the pods after the next upgrade, and they fall back to the mesh's default.
    public static let churningLabels: Set<String> = [
        "helm.sh/chart", "app.kubernetes.io/version", "pod-template-hash", "controller-revision-hash",
        "pod-template-generation", "statefulset.kubernetes.io/pod-name", "batch.kubernetes.io/controller-uid",
        "controller-uid", "batch.kubernetes.io/job-name", "job-name", "chart", "version.helm.sh/chart"
    ]

    /// A label selector for the pods of the service account that no pod of another service
    /// account in the namespace satisfies: the labels their controllers' own selectors share
    /// (immutable, so true across upgrades) when those select exactly them; else the labels
    /// every pod carries (the most specific selector, which also leaves out pods the
    /// inventory does not know of as far as it can), without the labels that change with
    /// every release.
    public static func selector(namespace: String, serviceAccount: String, in inventory: Inventory) -> Result<
        StringMap, Problem
    > {
        // Positions, not workloads: only the labels and service accounts are read.
        let own = inventory.positions(namespace: namespace, serviceAccount: serviceAccount)
        guard !own.isEmpty else {
            return .failure(
                Problem(message: "no workload in the inventory runs as service account \(namespace)/\(serviceAccount)"))
        }
        let controllers = own.map { inventory.workloads[$0].controllerSelector }
        if controllers.allSatisfy({ $0 != nil }) {
            let common = intersection(controllers.compactMap { $0 })
            if !common.isEmpty,
                otherAccount(carrying: common, namespace: namespace, serviceAccount: serviceAccount, in: inventory)
                    == nil
            {
                return .success(common)
            }
        }
        let common = StringMap(
            intersection(own.map { inventory.workloads[$0].podLabels }).entries.filter {
                !churningLabels.contains($0.key)
            })
        guard !common.isEmpty else {
            return .failure(
                Problem(
                    message:
                        "the workloads running as \(namespace)/\(serviceAccount) share no pod label to select them by (labels that change with every release, such as helm.sh/chart, are not used)"
                ))
        }
        if let other = otherAccount(
            carrying: common, namespace: namespace, serviceAccount: serviceAccount, in: inventory)
        {
            return .failure(
                Problem(
                    message:
                        "every label of the pods running as \(namespace)/\(serviceAccount) is also on \(other.kind) \(namespace)/\(other.name), which runs as \(other.serviceAccount)"
                ))
        }
        return .success(common)
    }

    /// The entries every map holds, sorted by key.
    private static func intersection(_ maps: [StringMap]) -> StringMap {
        guard var common = maps.first else { return StringMap() }
        for labels in maps.dropFirst() {
            common = StringMap(common.entries.filter { labels[$0.key] == $0.value })
        }
        return StringMap(common.entries.sorted { $0.key < $1.key })
    }

    /// A workload of another service account whose pods carry every label of `labels`.
    private static func otherAccount(
        carrying labels: StringMap, namespace: String, serviceAccount: String, in inventory: Inventory
    ) -> Inventory.Workload? {
        inventory.positions(namespace: namespace, carrying: labels).first {
            inventory.workloads[$0].serviceAccount != serviceAccount
        }.map { inventory.workloads[$0] }
    }
}
