/// A Kubernetes object this library writes (the adapters' native kinds): what identifies it,
/// and a `Codable` body.
///
/// A `Rendering` keeps such objects typed until they are written, and sorts them by these
/// properties without encoding them: the encoding must carry `apiVersion`, `kind` and
/// `metadata` as the properties say.
public protocol KubernetesResource: Encodable, Sendable {
    /// The object's `apiVersion`.
    var apiVersion: String { get }
    /// The object's `kind`.
    var kind: String { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get }
}
