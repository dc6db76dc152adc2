/// The `metadata` of a Kubernetes object, with every field Kubernetes defines, so that strict
/// decoding reports only fields that really are unknown.
public struct ObjectMeta: Sendable, Equatable, Codable {
    /// The object's name.
    public var name: String?
    /// A prefix for a server-generated name.
    public var generateName: String?
    /// The namespace; absent means `default` (notes D15).
    public var namespace: String?
    /// Labels, in the order written.
    public var labels: StringMap?
    /// Annotations, in the order written.
    public var annotations: StringMap?
    /// Server-set and rarely written fields, kept as they are.
    public var uid: String?
    /// Server-set.
    public var resourceVersion: String?
    /// Server-set.
    public var generation: Int?
    /// Server-set.
    public var selfLink: String?
    /// Server-set (RFC 3339).
    public var creationTimestamp: String?
    /// Server-set (RFC 3339).
    public var deletionTimestamp: String?
    /// Server-set.
    public var deletionGracePeriodSeconds: Int?
    /// Owners, kept as written.
    public var ownerReferences: [ManifestNode]?
    /// Finalizers.
    public var finalizers: [String]?
    /// Server-side apply bookkeeping, kept as written.
    public var managedFields: [ManifestNode]?

    /// Creates metadata with a name and, optionally, a namespace, labels and annotations.
    public init(name: String, namespace: String? = nil, labels: StringMap? = nil, annotations: StringMap? = nil) {
        self.name = name
        self.namespace = namespace
        self.labels = labels
        self.annotations = annotations
    }
}
