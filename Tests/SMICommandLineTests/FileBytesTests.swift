import Foundation
@testable import SMICommandLine
import Testing

/// Inputs are read with the system's calls: every byte of a file of any size, of a pipe as
/// it comes, and nothing (nil) for what cannot be read.
@Suite struct FileBytesTests {
    static func bytes(_ count: Int) -> [UInt8] { (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) } }

    @Test(arguments: [0, 1, 65_535, 65_536, 65_537, 1 << 20])
    func readsEveryByteOfAFile(size: Int) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("smi-file-bytes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let expected = Self.bytes(size)
        try Data(expected).write(to: file)
        #expect(FileBytes.read(path: file.path) == expected)
    }

    /// A pipe has no size: it is read a piece at a time until the writer closes it.
    @Test func readsAPipeToItsEnd() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let expected = Self.bytes(300_000)
        let writer = Thread { [ends] in
            expected.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = write(ends[1], buffer.baseAddress! + offset, min(4096, buffer.count - offset))
                    if n <= 0 { break }
                    offset += n
                }
            }
            close(ends[1])
        }
        writer.start()
        let read = FileBytes.read(descriptor: ends[0])
        close(ends[0])
        #expect(read == expected)
    }

    @Test func whatCannotBeReadIsNil() {
        #expect(FileBytes.read(path: "/nonexistent/smi-\(UUID().uuidString).yaml") == nil)
        #expect(FileBytes.read(path: FileManager.default.temporaryDirectory.path) == nil, "a directory")
    }
}
