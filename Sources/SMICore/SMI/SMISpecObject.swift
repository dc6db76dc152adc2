/// The kind of an SMI object, as a type, so that objects of several kinds and versions
/// share one definition.
public protocol SMIKind: Sendable {
    /// The `kind` string.
    static var kind: String { get }
}

/// An SMI object whose fields sit under `spec`.
///
/// Every TrafficSplit, TrafficTarget from access v1alpha2 and the routes from specs v1alpha3
/// on.
///
/// The version, kind and body are type parameters; each released pair is a type alias
/// (`Split.V1Alpha4.TrafficSplit`).
public struct SMISpecObject<Version: SMIAPIVersion, Kind: SMIKind, Spec: Codable & Sendable & Equatable>: SMIResource {
    /// The version's `apiVersion`.
    public static var apiVersion: String { Version.apiVersion }
    /// The kind's name.
    public static var kind: String { Kind.kind }

    /// The `apiVersion` as written.
    public var apiVersion = Self.apiVersion
    /// The `kind` as written.
    public var kind = Self.kind
    /// Metadata.
    public var metadata: ObjectMeta
    /// The body.
    public var spec: Spec

    /// Creates an object.
    public init(metadata: ObjectMeta, spec: Spec) {
        self.metadata = metadata
        self.spec = spec
    }

    private enum CodingKeys: String, CodingKey {
        case apiVersion, kind, metadata, spec
    }

    /// Decodes the object, refusing another `apiVersion` or `kind`.
    public init(from decoder: any Decoder) throws {
        try SMIIdentity.check(decoder, apiVersion: Self.apiVersion, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
        spec = try container.decode(Spec.self, forKey: .spec)
    }
}
