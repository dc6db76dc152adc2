/// A Kubernetes object an adapter renders, kept typed until it is written: a mesh's
/// rendering is written far more often than it is inspected, and its objects take a fraction
/// of the memory of their manifests.
///
/// Its encoding must carry `apiVersion`, `kind` and `metadata` as these properties say (the
/// rendering is sorted by them without encoding it).
public protocol RenderedResource: Encodable, Sendable {
    /// The object's `apiVersion`.
    var apiVersion: String { get }
    /// The object's `kind`.
    var kind: String { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get }
}
