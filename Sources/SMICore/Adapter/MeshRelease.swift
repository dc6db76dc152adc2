extension RenderOptions {
    /// The mesh release `targetVersion` names (`1.14`, `2.15`), or nil for a current one.
    public var targetRelease: (major: Int, minor: Int)? {
        let parts = (targetVersion ?? "").split(separator: ".").compactMap { Int($0) }
        return parts.count >= 2 ? (parts[0], parts[1]) : nil
    }

    /// Whether the target release is older than `major.minor` (never, without one).
    public func targetsBefore(_ major: Int, _ minor: Int) -> Bool {
        guard let release = targetRelease else { return false }
        return (release.major, release.minor) < (major, minor)
    }
}
