#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the tool asks of the file system besides reading files, with the system's own
/// calls: the tool does without Foundation, which would take half of a small run's memory.
enum FileSystem {
    /// What a path names, following symbolic links.
    enum Kind {
        case directory
        case other
    }

    /// What `path` names; nil when nothing is there (or it cannot be looked at).
    static func kind(of path: String) -> Kind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .other
    }

    /// The names in a directory, without `.` and `..`, in no particular order; nil when it
    /// cannot be listed.
    static func names(in directory: String) -> [String]? {
        guard let stream = opendir(directory) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Makes `path` a directory (nothing to do when it is one); false when it cannot.
    static func makeDirectory(_ path: String) -> Bool {
        kind(of: path) == .directory || mkdir(path, 0o755) == 0
    }

    /// Writes `text` to the file `path`, replacing it; false when it cannot.
    static func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        return fclose(file) == 0 && written
    }

    /// The values of those of the environment variables `names` that are set.
    static func environment(_ names: [String]) -> [String: String] {
        var values: [String: String] = [:]
        for name in names {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }
}
