/// A Kubernetes object this library writes (the adapters' native kinds): what identifies it,
/// and a `Codable` body.
///
/// A `Rendering` keeps such objects typed until they are written, and sorts them by these
/// properties without encoding them: the encoding must carry `apiVersion`, `kind` and
/// `metadata` as the properties say, and must not fail (no unsigned integer above `Int.max`,
/// no throwing `encode(to:)`): one that cannot be encoded is missing from the output. The
/// golden checks and the pipeline fuzzer assert that every rendered resource encodes. One that
/// also conforms to `YAMLFieldsWritable` (every adapter's does) is written as YAML field by
/// field, without Codable.
public protocol KubernetesResource: Encodable, Sendable {
    /// The object's `apiVersion`.
    var apiVersion: String { get }
    /// The object's `kind`.
    var kind: String { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get }
}
