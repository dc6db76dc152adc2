/// A release of a mesh (`1.14`, `2.15`) that a rendering targets.
///
/// Older releases lack APIs and fields, and the adapters write what the release reads.
///
/// Typed, so that a release is read and checked once, where it is given, and compared as
/// numbers (`1.9` before `1.14`).
public struct MeshRelease: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The major version.
    public var major: Int
    /// The minor version.
    public var minor: Int
    /// The patch version (0 when not given): a few fixes land in patches (Consul 1.20.1).
    public var patch: Int

    /// The release `major.minor.patch`.
    public init(_ major: Int, _ minor: Int, _ patch: Int = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// The release a text names (`1.14`, or with a patch, `1.14.3`); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }),
            let major = Int(parts[0]), let minor = Int(parts[1]),
            let patch = parts.count == 3 ? Int(parts[2]) : 0
        else { return nil }
        self.init(major, minor, patch)
    }

    /// `major.minor`, with `.patch` when it is not 0.
    public var description: String { patch == 0 ? "\(major).\(minor)" : "\(major).\(minor).\(patch)" }

    /// Whether `lhs` is an older release than `rhs`.
    public static func < (lhs: MeshRelease, rhs: MeshRelease) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

extension RenderOptions {
    /// Whether the target release is older than `major.minor` (never, without one: a current
    /// release is targeted).
    public func targetsBefore(_ major: Int, _ minor: Int, _ patch: Int = 0) -> Bool {
        release.map { $0 < MeshRelease(major, minor, patch) } ?? false
    }

    /// The target release for messages (`1.14`), empty for a current one.
    public var releaseName: String { release?.description ?? "" }
}
