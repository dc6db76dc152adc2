extension Array where Element == Diagnostic {
    /// The diagnostics in file, line and column order (those without a file or position
    /// first), as compilers print them; at one place, by code and message when
    /// `byCodeAndMessage`, and otherwise (and then) in their order here. Files are ranked
    /// once and indices sorted, so that a large report is not sorted by copying
    /// diagnostics and comparing file names at every step.
    package func sortedByPlace(byCodeAndMessage: Bool = true) -> [Diagnostic] {
        let files = Set(lazy.map { $0.file ?? "" }).sorted()
        let rank = Dictionary(uniqueKeysWithValues: files.enumerated().map { ($1, $0) })
        let places = enumerated().map { offset, d in
            (file: rank[d.file ?? ""] ?? 0, line: d.location?.line ?? 0, column: d.location?.column ?? 0, offset: offset)
        }
        let order = places.sorted { a, b in
            if (a.file, a.line, a.column) != (b.file, b.line, b.column) { return (a.file, a.line, a.column) < (b.file, b.line, b.column) }
            if byCodeAndMessage {
                let (x, y) = (self[a.offset], self[b.offset])
                if (x.code.rawValue, x.message) != (y.code.rawValue, y.message) { return (x.code.rawValue, x.message) < (y.code.rawValue, y.message) }
            }
            return a.offset < b.offset
        }
        return order.map { self[$0.offset] }
    }
}
