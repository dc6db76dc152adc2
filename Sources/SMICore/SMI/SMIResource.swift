/// An object of one released SMI `apiVersion`/`kind` pair, as it is written in a manifest.
///
/// The pair is a property of the type: `SMIDocument` picks the type by the pair in the
/// input, and `apiVersion`/`kind` are written back unchanged.
public protocol SMIResource: Codable, Sendable, Equatable {
    /// The `apiVersion` this type reads and writes, for example `split.smi-spec.io/v1alpha4`.
    static var apiVersion: String { get }
    /// The `kind`, for example `TrafficSplit`.
    static var kind: String { get }
    /// The object's metadata.
    var metadata: ObjectMeta { get set }
}

/// A released SMI API version (`specs.smi-spec.io/v1alpha4`), as a type.
///
/// Kinds that are the same in several versions are written once.
public protocol SMIAPIVersion: Sendable {
    /// The `apiVersion` string.
    static var apiVersion: String { get }
}

/// Checks the identity fields of an SMI object being decoded: a TrafficSplit v1alpha4 type
/// must not quietly read a v1alpha2 object, whose fields mean other things.
enum SMIIdentity {
    enum Keys: String, CodingKey {
        case apiVersion, kind
    }

    /// Reads `apiVersion` and `kind` and throws, at the field, when they are not the type's.
    static func check(_ decoder: any Decoder, apiVersion: String, kind: String) throws {
        _ = try check(decoder, apiVersions: [apiVersion], kind: kind)
    }

    /// Reads `apiVersion` and `kind` and throws, at the field, when they are not one of the
    /// type's; returns the `apiVersion` written.
    static func check(_ decoder: any Decoder, apiVersions: [String], kind: String) throws -> String {
        let container = try decoder.container(keyedBy: Keys.self)
        let writtenVersion = try container.decode(String.self, forKey: .apiVersion)
        guard apiVersions.contains(writtenVersion) else {
            let expected = apiVersions.map { "'\($0)'" }.joined(separator: " or ")
            throw DecodingError.dataCorruptedError(
                forKey: .apiVersion, in: container,
                debugDescription: "expected apiVersion \(expected), found '\(writtenVersion)'")
        }
        let writtenKind = try container.decode(String.self, forKey: .kind)
        guard writtenKind == kind else {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "expected kind '\(kind)', found '\(writtenKind)'")
        }
        return writtenVersion
    }
}
