#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A regular file as it was when it was read: its path, and what tells that it still holds the
/// same bytes (device, inode, size, modification time).
///
/// Reading a range of it again spares the tool keeping the text of a large input for the few
/// diagnostics that need it.
struct FileSnapshot: Sendable, Equatable {
    let path: String
    private let device: UInt64
    private let inode: UInt64
    /// The file's size in bytes.
    let size: Int64
    private let modified: (seconds: Int64, nanoseconds: Int64)

    /// The state of the file open as `descriptor`, named `path`; nil when it is not a
    /// regular file (a pipe, a terminal), whose bytes cannot be read again.
    init?(descriptor: Int32, path: String) {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(path: path, info)
    }

    private init(path: String, _ info: stat) {
        self.path = path
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modified = (Int64(info.st_mtimespec.tv_sec), Int64(info.st_mtimespec.tv_nsec))
        #else
            modified = (Int64(info.st_mtim.tv_sec), Int64(info.st_mtim.tv_nsec))
        #endif
    }

    static func == (a: FileSnapshot, b: FileSnapshot) -> Bool {
        (a.path, a.device, a.inode, a.size) == (b.path, b.device, b.inode, b.size) && a.modified == b.modified
    }

    /// The bytes at `range`, read again; nil when the file is gone, is no longer the file
    /// that was read (replaced, resized or written since) or the read fails.
    func bytes(_ range: Range<Int>) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard FileSnapshot(descriptor: descriptor, path: path) == self, range.lowerBound >= 0,
            Int64(range.upperBound) <= size
        else { return nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: range.count) { buffer, count in
            guard let start = buffer.baseAddress else { return }
            while count < range.count {
                let n = pread(descriptor, start + count, range.count - count, off_t(range.lowerBound + count))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failed = true
                    return
                }
                count += n
            }
        }
        return failed ? nil : bytes
    }
}
