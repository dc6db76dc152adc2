/// The `metadata` of a Kubernetes object, with every field Kubernetes defines.
///
/// Strict decoding then reports only fields that really are unknown.
///
/// Almost all metadata a translation reads or writes is a name, a namespace, labels and
/// annotations; the other fields (set by servers, rarely written) live in one shared box that
/// is absent when none of them is set. A mesh holds hundreds of thousands of these values
/// (each object twice: as written and in the canonical version), so they are kept small.
public struct ObjectMeta: Sendable, Equatable, Codable {
    /// The object's name.
    public var name: String?
    /// The namespace; absent means `default` (notes D15).
    public var namespace: String?
    /// Labels, in the order written.
    public var labels: StringMap?
    /// Annotations, in the order written.
    public var annotations: StringMap?
    private var rare: SharedValue<RareFields>?

    /// A prefix for a server-generated name.
    public var generateName: String? {
        get { rare?.value.generateName }
        set { change { $0.generateName = newValue } }
    }
    /// Server-set and rarely written fields, kept as they are.
    public var uid: String? {
        get { rare?.value.uid }
        set { change { $0.uid = newValue } }
    }
    /// Server-set.
    public var resourceVersion: String? {
        get { rare?.value.resourceVersion }
        set { change { $0.resourceVersion = newValue } }
    }
    /// Server-set.
    public var generation: Int? {
        get { rare?.value.generation }
        set { change { $0.generation = newValue } }
    }
    /// Server-set.
    public var selfLink: String? {
        get { rare?.value.selfLink }
        set { change { $0.selfLink = newValue } }
    }
    /// Server-set (RFC 3339).
    public var creationTimestamp: String? {
        get { rare?.value.creationTimestamp }
        set { change { $0.creationTimestamp = newValue } }
    }
    /// Server-set (RFC 3339).
    public var deletionTimestamp: String? {
        get { rare?.value.deletionTimestamp }
        set { change { $0.deletionTimestamp = newValue } }
    }
    /// Server-set.
    public var deletionGracePeriodSeconds: Int? {
        get { rare?.value.deletionGracePeriodSeconds }
        set { change { $0.deletionGracePeriodSeconds = newValue } }
    }
    /// Owners, kept as written.
    public var ownerReferences: [ManifestNode]? {
        get { rare?.value.ownerReferences }
        set { change { $0.ownerReferences = newValue } }
    }
    /// Finalizers.
    public var finalizers: [String]? {
        get { rare?.value.finalizers }
        set { change { $0.finalizers = newValue } }
    }
    /// Server-side apply bookkeeping, kept as written.
    public var managedFields: [ManifestNode]? {
        get { rare?.value.managedFields }
        set { change { $0.managedFields = newValue } }
    }

    /// Creates metadata with a name and, optionally, a namespace, labels and annotations.
    public init(name: String, namespace: String? = nil, labels: StringMap? = nil, annotations: StringMap? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }

    /// Metadata with every field given.
    init(name: String?, namespace: String?, labels: StringMap?, annotations: StringMap?, rare fields: RareFields) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
        rare = Self.shared(fields)
    }

    /// The fields other than the name, namespace, labels and annotations.
    struct RareFields: Sendable, Equatable {
        var generateName: String?
        var uid: String?
        var resourceVersion: String?
        var generation: Int?
        var selfLink: String?
        var creationTimestamp: String?
        var deletionTimestamp: String?
        var deletionGracePeriodSeconds: Int?
        var ownerReferences: [ManifestNode]?
        var finalizers: [String]?
        var managedFields: [ManifestNode]?
    }

    /// Changes the rare fields: a new shared box, or none when no rare field is left set.
    private mutating func change(_ update: (inout RareFields) -> Void) {
        var fields = rare?.value ?? RareFields()
        update(&fields)
        rare = Self.shared(fields)
    }

    /// `fields` in a box that copies share; nil when none of them is set.
    private static func shared(_ fields: RareFields) -> SharedValue<RareFields>? {
        fields == RareFields() ? nil : SharedValue(fields)
    }

    /// Every field, in the order Kubernetes documents them and `writeFields` writes them.
    private enum CodingKeys: String, CodingKey {
        case name, generateName, namespace, labels, annotations, uid, resourceVersion, generation, selfLink
        case creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, ownerReferences, finalizers,
            managedFields
    }

    /// Decodes every field that is present, in `CodingKeys` order.
    ///
    /// Of two wrong fields, the first written in that order is reported.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decodeIfPresent(String.self, forKey: .name)
        var rare = RareFields()
        rare.generateName = try c.decodeIfPresent(String.self, forKey: .generateName)
        let namespace = try c.decodeIfPresent(String.self, forKey: .namespace)
        let labels = try c.decodeIfPresent(StringMap.self, forKey: .labels)
        let annotations = try c.decodeIfPresent(StringMap.self, forKey: .annotations)
        rare.uid = try c.decodeIfPresent(String.self, forKey: .uid)
        rare.resourceVersion = try c.decodeIfPresent(String.self, forKey: .resourceVersion)
        rare.generation = try c.decodeIfPresent(Int.self, forKey: .generation)
        rare.selfLink = try c.decodeIfPresent(String.self, forKey: .selfLink)
        rare.creationTimestamp = try c.decodeIfPresent(String.self, forKey: .creationTimestamp)
        rare.deletionTimestamp = try c.decodeIfPresent(String.self, forKey: .deletionTimestamp)
        rare.deletionGracePeriodSeconds = try c.decodeIfPresent(Int.self, forKey: .deletionGracePeriodSeconds)
        rare.ownerReferences = try c.decodeIfPresent([ManifestNode].self, forKey: .ownerReferences)
        rare.finalizers = try c.decodeIfPresent([String].self, forKey: .finalizers)
        rare.managedFields = try c.decodeIfPresent([ManifestNode].self, forKey: .managedFields)
        self.init(name: name, namespace: namespace, labels: labels, annotations: annotations, rare: rare)
    }
}
