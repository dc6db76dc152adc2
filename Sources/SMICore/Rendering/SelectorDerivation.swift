/// The label selectors that pick the pods of one service account in one namespace, and no other
/// pod the inventory knows.
///
/// What a policy needs to protect exactly the destination of a TrafficTarget.
///
/// One selector when one covers every workload of the account; else one per workload (a
/// Deployment and a CronJob sharing `default`), and a refusal only for the workloads nothing
/// tells apart, because a wider selector would grant access to others.
public enum SelectorDerivation {
    /// Why no exact selector exists, for the account or one of its workloads.
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

    /// The selectors for one service account's pods.
    public struct Selection: Sendable, Equatable {
        /// Selectors that each pick pods of the account only, sorted.
        ///
        /// Together they pick every workload of the account but those in `unselectable`.
        /// Several when no one selector covers the workloads: a policy per selector then grants
        /// the same. Labels alone unless the selection was asked with requirements.
        public var selectors: [LabelSelector]
        /// The workloads (`Kind namespace/name`) whose selector holds pod template labels
        /// beyond the controller's own selector.
        ///
        /// A release that changes them leaves the new pods unselected, under the mesh's
        /// default.
        public var templateDependent: [String]
        /// The workloads no selector picks without picking another account's pods, and why.
        public var unselectable: [Problem]

        /// Creates a selection.
        public init(selectors: [LabelSelector], templateDependent: [String] = [], unselectable: [Problem] = []) {
            self.selectors = selectors
            self.templateDependent = templateDependent
            self.unselectable = unselectable
        }

        /// Whether some selector picks pods with `labels`.
        public func selects(_ labels: StringMap) -> Bool {
            selectors.contains { $0.matches(labels) }
        }

        /// The warning that selectors depend on template labels, about `document` (nil when
        /// none does).
        public func templateWarning(account: String, about document: SMIDocument?) -> Diagnostic? {
            guard !templateDependent.isEmpty else { return nil }
            return Diagnostic(
                .warning, .templateLabelSelector,
                "the selector for \(templateDependent.joined(separator: ", ")) (running as \(account)) holds pod template labels beyond the controller's own selector, which another workload also matches: a release that changes them leaves the new pods unselected, under the mesh's default",
                object: document?.object, file: document?.source.file, location: document?.source.location)
        }
    }

    /// Template labels that change from one release of a workload to the next.
    ///
    /// Examples are a Helm chart's version and a controller's hash of its template: a selector
    /// holding one stops selecting the pods after the next upgrade, and they fall back to the
    /// mesh's default.
    public static let churningLabels: Set<String> = [
        "helm.sh/chart", "app.kubernetes.io/version", "pod-template-hash", "controller-revision-hash",
        "pod-template-generation", "statefulset.kubernetes.io/pod-name", "batch.kubernetes.io/controller-uid",
        "controller-uid", "batch.kubernetes.io/job-name", "job-name", "chart", "version.helm.sh/chart"
    ]

    /// The selectors for the pods of the service account that no pod of another account in the
    /// namespace satisfies.
    ///
    /// The controllers' own selectors (immutable, so true across upgrades) come first: the
    /// constraints they share when those pick exactly the account's pods, else each workload's
    /// own. A workload whose controller selector another account's pods satisfy adds its
    /// template labels, without those that change with every release (reported in
    /// `templateDependent`); a workload without a controller selector (a Pod, a CronJob's jobs)
    /// is picked by those template labels. With `requirements` false (a mesh whose policies
    /// take labels alone) a controller selector with `matchExpressions` counts as none; with it
    /// true (Linkerd's Server) it is used whole. A failure only when no workload runs as the
    /// account.
    public static func selection(
        namespace: String, serviceAccount: String, in inventory: Inventory, requirements: Bool = false
    ) -> Result<Selection, Problem> {
        // Positions, not workloads: only the labels and service accounts are read.
        let own = inventory.positions(namespace: namespace, serviceAccount: serviceAccount)
        guard !own.isEmpty else {
            return .failure(
                Problem(message: "no workload in the inventory runs as service account \(namespace)/\(serviceAccount)"))
        }
        let account = Account(
            namespace: namespace, serviceAccount: serviceAccount, inventory: inventory, requirements: requirements)
        let controllers = own.map { account.controller(of: inventory.workloads[$0]) }
        if controllers.allSatisfy({ $0 != nil }) {
            let common = intersection(controllers.compactMap { $0 })
            if !common.isEmpty, account.intruder(carrying: common) == nil {
                return .success(Selection(selectors: [common]))
            }
        }
        var chosen: [LabelSelector] = []
        var selection = Selection(selectors: [])
        for position in own {
            switch account.selector(for: inventory.workloads[position]) {
            case let .success((selector, templated)):
                chosen.append(selector)
                if templated { selection.templateDependent.append(inventory.workloads[position].description) }
            case let .failure(problem): selection.unselectable.append(problem)
            }
        }
        let common = intersection(chosen)
        if selection.unselectable.isEmpty, !common.isEmpty, account.intruder(carrying: common) == nil {
            selection.selectors = [common]
        } else {
            // A selector that holds another's every constraint picks a subset of its pods: redundant.
            let distinct = Set(chosen)
            selection.selectors = distinct.filter { selector in
                !distinct.contains { $0 != selector && selector.holdsEveryConstraint(of: $0) }
            }.sorted { $0.precedes($1) }
        }
        return .success(selection)
    }

    /// One account's pods among those of its namespace.
    private struct Account {
        let namespace: String
        let serviceAccount: String
        let inventory: Inventory
        /// Whether selectors may hold label requirements.
        let requirements: Bool

        /// The workload's controller selector, where the mesh can use it.
        func controller(of workload: Inventory.Workload) -> LabelSelector? {
            guard let selector = workload.controllerSelector, requirements || selector.requirements.isEmpty else {
                return nil
            }
            return selector
        }

        /// The selector that picks `workload`'s pods and no other account's, and whether it
        /// holds template labels beyond the controller's selector.
        func selector(for workload: Inventory.Workload) -> Result<(LabelSelector, templated: Bool), Problem> {
            let template = StringMap(
                workload.podLabels.entries.filter { !churningLabels.contains($0.key) }.sorted { $0.key < $1.key })
            let what = "the pods of \(workload.description)"
            guard let controller = controller(of: workload), !controller.isEmpty else {
                guard !template.isEmpty else {
                    return .failure(
                        Problem(
                            message:
                                "\(what) have no pod label to select them by (labels that change with every release, such as helm.sh/chart, are not used)"
                        ))
                }
                let selector = LabelSelector(matchLabels: template)
                if let other = intruder(carrying: selector) { return .failure(shared(what, with: other)) }
                return .success((selector, false))
            }
            if intruder(carrying: controller) == nil {
                return .success((controller.sorted, false))
            }
            var labels = controller.labels
            for (key, value) in template where labels[key] == nil { labels[key] = value }
            let extended = LabelSelector(matchLabels: labels, matchExpressions: controller.requirements).sorted
            if let other = intruder(carrying: extended) { return .failure(shared(what, with: other)) }
            return .success((extended, true))
        }

        private func shared(_ what: String, with other: Inventory.Workload) -> Problem {
            Problem(
                message:
                    "every label of \(what) (running as \(namespace)/\(serviceAccount)) is also on \(other.description), which runs as \(other.serviceAccount)"
            )
        }

        /// A workload of another service account whose pods `selector` picks.
        func intruder(carrying selector: LabelSelector) -> Inventory.Workload? {
            inventory.positions(namespace: namespace, carrying: selector.labels).first {
                inventory.workloads[$0].serviceAccount != serviceAccount
                    && selector.matches(inventory.workloads[$0].podLabels)
            }.map { inventory.workloads[$0] }
        }
    }

    /// The constraints every selector holds, labels sorted by key.
    private static func intersection(_ selectors: [LabelSelector]) -> LabelSelector {
        guard var labels = selectors.first?.labels, var requirements = selectors.first?.requirements else {
            return LabelSelector(matchLabels: [:])
        }
        for selector in selectors.dropFirst() {
            labels = StringMap(labels.entries.filter { selector.labels[$0.key] == $0.value })
            requirements = requirements.filter(selector.requirements.contains)
        }
        return LabelSelector(matchLabels: labels, matchExpressions: requirements).sorted
    }
}
