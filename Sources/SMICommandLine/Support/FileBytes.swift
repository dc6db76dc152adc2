#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads whole files and standard input into byte arrays with the system's own calls: a
/// large input is read once, straight into the array that keeps it (reading through
/// Foundation's `Data` made a second copy of it, 200 MB for a mesh of 100,000 services).
enum FileBytes {
    /// The bytes of the file at `path`; nil when it cannot be opened or read.
    static func read(path: String) -> [UInt8]? {
        readKeepingSnapshot(path: path)?.bytes
    }

    /// The bytes of the file at `path`, and, for a regular file, the snapshot its bytes can be
    /// read again by; nil when it cannot be opened or read.
    ///
    /// The snapshot is the file's state before it was read, kept only when the file did not
    /// change while it was read: a state taken afterwards would vouch for bytes written after
    /// the ones read.
    static func readKeepingSnapshot(path: String) -> (bytes: [UInt8], snapshot: FileSnapshot?)? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let before = FileSnapshot(descriptor: descriptor, path: path)
        guard let bytes = read(descriptor: descriptor) else { return nil }
        let unchanged = before.flatMap {
            FileSnapshot(descriptor: descriptor, path: path) == $0 && $0.size == bytes.count ? $0 : nil
        }
        return (bytes, unchanged)
    }

    /// Everything left to read from `descriptor`: a regular file's size at once, then what
    /// else comes (a file that grew, a pipe) a piece at a time; nil when a read fails.
    static func read(descriptor: Int32) -> [UInt8]? {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : 0
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let n = Self.read(
                    descriptor,
                    into: UnsafeMutableRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(buffer)[count...]))
                guard n > 0 else {
                    failed = n < 0
                    return
                }
                count += n
            }
        }
        guard !failed else { return nil }
        withUnsafeTemporaryAllocation(byteCount: 1 << 16, alignment: 1) { piece in
            while true {
                let n = Self.read(descriptor, into: piece)
                guard n > 0 else {
                    failed = n < 0
                    return
                }
                bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: piece[..<n]))
            }
        }
        return failed ? nil : bytes
    }

    /// One `read(2)`, again when a signal interrupts it: the count read, 0 at the end, -1
    /// on an error.
    private static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            #if canImport(Glibc)
                let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            #else
                let n = Darwin.read(descriptor, buffer.baseAddress, buffer.count)
            #endif
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }
}
