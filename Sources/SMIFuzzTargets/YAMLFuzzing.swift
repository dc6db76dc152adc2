import SMICore

/// The YAML reader on arbitrary bytes, in both schemas: it returns documents or an error,
/// the same as the parser alone (without the quick reader), whatever it reads survives the
/// writer and a second read unchanged, and each document reads again on its own from its
/// extent.
enum YAMLFuzzing {
    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        for schema in [YAMLSchema.kubernetes, .core] {
            let reader = YAMLReader(schema: schema, limits: FuzzLimits.reader)
            if let failure = compareWithParser(bytes, reader: reader) { return failure }
            guard let documents = try? reader.read(bytes) else { continue }
            let roots = documents.map(\.root)
            var written: [UInt8] = []
            YAMLWriter().write(documents: roots, into: &written)
            let again: [ManifestNode]
            do {
                again = try reader.read(written).map(\.root)
            } catch {
                return FuzzFailure(
                    description:
                        "\(schema): the writer's output does not read back: \(error)\n--- written:\n\(String(decoding: written, as: UTF8.self))"
                )
            }
            guard again == roots else {
                return FuzzFailure(
                    description:
                        "\(schema): the values changed in a write and read round trip\n--- written:\n\(String(decoding: written, as: UTF8.self))"
                )
            }
            // A document read again from its extent is the same tree, at the same places.
            for document in documents {
                guard let extent = document.extent else { continue }
                guard reader.readDocument(at: extent, of: bytes)?.isIdentical(to: document.root) == true else {
                    return FuzzFailure(
                        description:
                            "\(schema): document \(document.index) does not read again from its extent \(extent)")
                }
            }
        }
        return nil
    }

    /// The reader (with its quick reader) and the parser alone read the same documents, at
    /// the same places, or fail with the same error.
    private static func compareWithParser(_ bytes: [UInt8], reader: YAMLReader) -> FuzzFailure? {
        let read = Result { () throws(YAMLError) in try reader.read(bytes) }
        let parsed = Result { () throws(YAMLError) in try reader.readParsingOnly(bytes) }
        switch (read, parsed) {
        case let (.success(a), .success(b)):
            guard a.count == b.count else {
                return FuzzFailure(description: "\(reader.schema): \(a.count) documents read, \(b.count) parsed")
            }
            for (x, y) in zip(a, b) where x.index != y.index || x.extent != y.extent || !x.root.isIdentical(to: y.root)
            {
                return FuzzFailure(
                    description: "\(reader.schema): document \(x.index) read differs from the one parsed")
            }
            return nil
        case let (.failure(a), .failure(b)) where a.description == b.description:
            return nil
        default:
            return FuzzFailure(description: "\(reader.schema): read \(read), parsed \(parsed)")
        }
    }
}
