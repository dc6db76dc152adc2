import Foundation
@testable import SMICommandLine
import Testing

/// A file read once can be read again by range while it is the same file, and not at all
/// once it was written, replaced or removed: a diagnostic then never points at a line of
/// some other text.
@Suite struct FileSnapshotTests {
    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "smi-snapshot-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func readsARangeOfTheSameFileAgain() throws {
        let url = try Self.file("kind: A\n---\nkind: B\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let read = try #require(FileBytes.readKeepingSnapshot(path: url.path))
        let snapshot = try #require(read.snapshot)
        #expect(read.bytes == Array("kind: A\n---\nkind: B\n".utf8))
        #expect(snapshot.bytes(12..<20) == Array("kind: B\n".utf8))
        #expect(snapshot.bytes(0..<0) == [])
        #expect(snapshot.bytes(12..<21) == nil, "past the end")
    }

    @Test func aFileWrittenSinceIsNotReadAgain() throws {
        let url = try Self.file("kind: A\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let snapshot = try #require(FileBytes.readKeepingSnapshot(path: url.path)?.snapshot)
        try Data("kind: B\n".utf8).write(to: url, options: .atomic)
        #expect(snapshot.bytes(0..<8) == nil, "replaced by another file of the same size")
    }

    @Test func aFileTouchedSinceIsNotReadAgain() throws {
        let url = try Self.file("kind: A\n")
        defer { try? FileManager.default.removeItem(at: url) }
        let snapshot = try #require(FileBytes.readKeepingSnapshot(path: url.path)?.snapshot)
        let later = Date(timeIntervalSinceNow: 60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: url.path)
        #expect(snapshot.bytes(0..<8) == nil, "same bytes, but modified since")
    }

    @Test func aRemovedFileIsNotReadAgain() throws {
        let url = try Self.file("kind: A\n")
        let snapshot = try #require(FileBytes.readKeepingSnapshot(path: url.path)?.snapshot)
        try FileManager.default.removeItem(at: url)
        #expect(snapshot.bytes(0..<8) == nil)
    }

    /// A pipe's bytes are gone once read: there is no snapshot, so its text is kept.
    @Test func aPipeHasNoSnapshot() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        defer {
            close(ends[0])
            close(ends[1])
        }
        #expect(FileSnapshot(descriptor: ends[0], path: "<pipe>") == nil)
    }
}
