extension SMIInput {
    /// Text that documents whose trees were dropped are read again from: a copy of their text
    /// kept in memory, or their input read again where it came from.
    ///
    /// One for all the documents of a part of an input, so that each document holds only its
    /// extent.
    final class Text: Sendable {
        private enum Storage: Sendable {
            case bytes([UInt8])
            case readAgain(ReadAgain)
        }

        private let storage: Storage

        /// Text kept in memory.
        init(_ bytes: [UInt8]) {
            storage = .bytes(bytes)
        }

        /// The text of `source`: read again where it came from when it can be, else its bytes.
        init(_ source: Source) {
            storage = source.readAgain.map { .readAgain($0) } ?? .bytes(source.bytes)
        }

        /// The root of the document at `extent`, read by `reader`; nil when the text no longer
        /// reads as one document there.
        func root(at extent: ManifestDocument.Extent, file: String?, reader: YAMLReader) -> ManifestNode? {
            switch storage {
            case let .bytes(bytes):
                return reader.readDocument(at: extent, of: bytes, file: file)
            case let .readAgain(readAgain):
                guard let own = readAgain(extent.bytes), own.count == extent.bytes.count else { return nil }
                return reader.readDocument(
                    at: ManifestDocument.Extent(bytes: 0..<own.count, line: extent.line), of: own, file: file)
            }
        }
    }
}
