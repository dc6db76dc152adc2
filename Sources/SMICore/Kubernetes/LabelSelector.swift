/// A Kubernetes label selector: labels a pod must carry and requirements on its labels, all of
/// them ANDed.
///
/// Controllers select their pods with one (immutable once created), and some meshes' policies
/// take one whole (Linkerd's Server); others take labels alone.
public struct LabelSelector: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// A requirement on one label.
    public struct Requirement: Sendable, Hashable, Codable {
        /// The label.
        public var key: String
        /// `In`, `NotIn`, `Exists` or `DoesNotExist`.
        public var `operator`: String
        /// The values of `In` and `NotIn`.
        public var values: [String]?

        /// A requirement that `key` be `operator` `values`.
        public init(key: String, operator: String, values: [String]? = nil) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }

        /// Whether the API server accepts it: a known operator, values for `In` and `NotIn`
        /// and none for the others.
        public var isValid: Bool {
            switch `operator` {
            case "In", "NotIn": !(values ?? []).isEmpty
            case "Exists", "DoesNotExist": (values ?? []).isEmpty
            default: false
            }
        }

        /// Whether pods with `labels` meet it.
        ///
        /// `NotIn` is met by a pod without the label, as in Kubernetes; an unknown operator by
        /// none (the API server refuses it).
        public func matches(_ labels: StringMap) -> Bool {
            let value = labels[key]
            switch `operator` {
            case "In": return value.map { (values ?? []).contains($0) } ?? false
            case "NotIn": return value.map { !(values ?? []).contains($0) } ?? true
            case "Exists": return value != nil
            case "DoesNotExist": return value == nil
            default: return false
            }
        }
    }

    /// Labels a pod must carry with these values; nil when there are none.
    public var matchLabels: StringMap?
    /// Requirements a pod's labels must meet; nil when there are none.
    public var matchExpressions: [Requirement]?

    /// A selector of `matchLabels` and `matchExpressions` (empty parts left out).
    public init(matchLabels: StringMap = [:], matchExpressions: [Requirement] = []) {
        self.matchLabels = matchLabels.isEmpty && !matchExpressions.isEmpty ? nil : matchLabels
        self.matchExpressions = matchExpressions.isEmpty ? nil : matchExpressions
    }

    /// A selector of labels alone, in the order written.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(matchLabels: StringMap(elements.map { (key: $0.0, value: $0.1) }))
    }

    /// Its labels (empty when none).
    public var labels: StringMap { matchLabels ?? [:] }
    /// Its requirements (empty when none).
    public var requirements: [Requirement] { matchExpressions ?? [] }

    /// Whether pods with `labels` are selected.
    ///
    /// An empty selector selects every pod.
    public func matches(_ labels: StringMap) -> Bool {
        self.labels.allSatisfy { labels[$0.key] == $0.value } && requirements.allSatisfy { $0.matches(labels) }
    }

    /// Whether it holds every label and requirement of `other`, so that it selects no pod
    /// that `other` does not.
    public func holdsEveryConstraint(of other: LabelSelector) -> Bool {
        other.labels.allSatisfy { labels[$0.key] == $0.value } && other.requirements.allSatisfy(requirements.contains)
    }
}

extension LabelSelector {
    /// Whether it has no label and no requirement (it would select every pod).
    public var isEmpty: Bool { labels.isEmpty && requirements.isEmpty }

    /// The same selector with its labels sorted by key (requirements as written).
    public var sorted: LabelSelector {
        LabelSelector(
            matchLabels: StringMap(labels.entries.sorted { $0.key < $1.key }), matchExpressions: requirements)
    }

    /// Whether it comes before `other` in output order: by labels (key, then value, in
    /// their order), then by requirements.
    public func precedes(_ other: LabelSelector) -> Bool {
        if labels.entries.lexicographicallyPrecedes(
            other.labels.entries, by: { ($0.key, $0.value) < ($1.key, $1.value) })
        {
            return true
        }
        if other.labels.entries.lexicographicallyPrecedes(
            labels.entries, by: { ($0.key, $0.value) < ($1.key, $1.value) })
        {
            return false
        }
        func text(_ requirement: Requirement) -> [String] {
            [requirement.key, requirement.operator] + (requirement.values ?? [])
        }
        return requirements.map(text).lexicographicallyPrecedes(other.requirements.map(text)) {
            $0.lexicographicallyPrecedes($1)
        }
    }
}
