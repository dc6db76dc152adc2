extension Rendering {
    /// What resources are sorted by: apiVersion, kind, namespace and name, in that order.
    ///
    /// Kubernetes names are ASCII, and ASCII text orders as `String` orders it when compared
    /// byte by byte: such a key is kept as its four parts joined by a 0 byte (less than any
    /// character, so a part that is a prefix of another sorts first, as it should). Keys with
    /// other text are compared as strings.
    struct SortKey: Comparable, Sendable {
        private enum Storage: Sendable {
            case ascii([UInt8])
            case text([String])
        }

        private let storage: Storage

        init(_ parts: [String]) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count })
            for (i, part) in parts.enumerated() {
                if i > 0 { bytes.append(0) }
                bytes.append(contentsOf: part.utf8)
            }
            var separators = 0
            let ascii = bytes.allSatisfy { byte in
                if byte == 0 { separators += 1 }
                return byte < 0x80
            }
            storage = ascii && separators == parts.count - 1 ? .ascii(bytes) : .text(parts)
        }

        private var parts: [String] {
            switch storage {
            case let .ascii(bytes):
                bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            case let .text(parts): parts
            }
        }

        static func < (lhs: SortKey, rhs: SortKey) -> Bool {
            guard case let .ascii(a) = lhs.storage, case let .ascii(b) = rhs.storage else {
                return lhs.parts.lexicographicallyPrecedes(rhs.parts)
            }
            return a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in
                    for i in 0..<min(a.count, b.count) where a[i] != b[i] { return a[i] < b[i] }
                    return a.count < b.count
                }
            }
        }

        static func == (lhs: SortKey, rhs: SortKey) -> Bool { !(lhs < rhs) && !(rhs < lhs) }
    }
}
