/// An object of one released SMI `apiVersion`/`kind` pair, as it is written in a manifest.
///
/// The pair is a property of the type: `SMIDocument` picks the type by the pair in the
/// input, and `apiVersion`/`kind` are written back unchanged.
public protocol SMIResource: Codable, Sendable, Equatable {
    /// The `apiVersion` this type reads and writes, e.g. `split.smi-spec.io/v1alpha4`.
    static var apiVersion: String { get }
    /// The `kind`, e.g. `TrafficSplit`.
    static var kind: String { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get set }
}

/// A released SMI API version (`specs.smi-spec.io/v1alpha4`), used as a type so that kinds
/// that are the same in several versions are written once.
public protocol SMIAPIVersion: Sendable {
    /// The `apiVersion` string.
    static var apiVersion: String { get }
}
