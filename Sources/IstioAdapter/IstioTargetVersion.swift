import SMICore

/// The Istio release a rendering targets (`RenderOptions.targetVersion`, e.g. `1.14`), and
/// what differs by release (Istio notes section 2 and 3.2). No version means a current one.
struct IstioTargetVersion {
    /// Major and minor, or nil for "current".
    let release: (major: Int, minor: Int)?

    init(_ options: RenderOptions) {
        let parts = (options.targetVersion ?? "").split(separator: ".").compactMap { Int($0) }
        release = parts.count >= 2 ? (parts[0], parts[1]) : nil
    }

    /// Whether the target is older than `major.minor`.
    func isBefore(_ major: Int, _ minor: Int) -> Bool {
        guard let release else { return false }
        return (release.major, release.minor) < (major, minor)
    }

    /// Before 1.15 weights had to be percentages summing to 100.
    var needsPercentages: Bool { isBefore(1, 15) }

    /// `security.istio.io/v1` is served from 1.17; v1beta1 before.
    var securityAPIVersion: String { isBefore(1, 17) ? "security.istio.io/v1beta1" : "security.istio.io/v1" }

    /// `networking.istio.io/v1` is served from 1.22; v1beta1 before.
    var networkingAPIVersion: String { isBefore(1, 22) ? "networking.istio.io/v1beta1" : "networking.istio.io/v1" }
}
