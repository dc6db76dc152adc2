public import Foundation

/// Paths to the shared reference material that sits beside the repository
/// (`../shared`), or where `SMI_SHARED` points.
public enum SharedReference {
    /// The package root, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder, or `nil` when this checkout has none beside it.
    public static var root: URL? {
        if let env = ProcessInfo.processInfo.environment["SMI_SHARED"] {
            return URL(fileURLWithPath: env)
        }
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether tests that need the shared material must run (in CI they must; on a
    /// machine without it they are skipped).
    public static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
}
