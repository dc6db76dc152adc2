extension Array where Element == Diagnostic {
    /// The diagnostics in file, line and column order (those without a file or position first),
    /// as compilers print them; at one place, by code and message when `byCodeAndMessage`, and
    /// otherwise (and then) in their order here.
    ///
    /// Files are ranked once and indices sorted, so that a large report is not sorted by
    /// copying diagnostics and comparing file names at every step; diagnostics already in order
    /// (a report merged from sorted parts often is) are handed back as they are.
    package func sortedByPlace(byCodeAndMessage: Bool = true) -> [Diagnostic] {
        let files = fileRanks()
        let places = indices.map { offset in
            (
                file: files[offset], line: self[offset].location?.line ?? 0, column: self[offset].location?.column ?? 0,
                offset: offset
            )
        }
        let before = {
            (a: (file: Int, line: Int, column: Int, offset: Int), b: (file: Int, line: Int, column: Int, offset: Int))
                -> Bool in
            if (a.file, a.line, a.column) != (b.file, b.line, b.column) {
                return (a.file, a.line, a.column) < (b.file, b.line, b.column)
            }
            if byCodeAndMessage {
                let (x, y) = (self[a.offset], self[b.offset])
                if (x.code.rawValue, x.message) != (y.code.rawValue, y.message) {
                    return (x.code.rawValue, x.message) < (y.code.rawValue, y.message)
                }
            }
            return a.offset < b.offset
        }
        if places.indices.dropFirst().allSatisfy({ before(places[$0 - 1], places[$0]) }) { return self }
        return places.sorted(by: before).map { self[$0.offset] }
    }

    /// For each diagnostic, the rank of its file among the files named (no file first).
    ///
    /// Neighbours mostly share a file, so a file is looked up only where it changes.
    private func fileRanks() -> [Int] {
        var seen: [String: Int] = [:]
        var ids: [Int] = []
        ids.reserveCapacity(count)
        var last: String?, lastID = 0
        for diagnostic in self {
            let file = diagnostic.file ?? ""
            if file != last {
                lastID =
                    seen[file]
                    ?? {
                        seen[file] = seen.count
                        return seen.count - 1
                    }()
                last = file
            }
            ids.append(lastID)
        }
        var rank = [Int](repeating: 0, count: seen.count)
        for (position, (_, id)) in seen.sorted(by: { $0.key < $1.key }).enumerated() { rank[id] = position }
        return ids.map { rank[$0] }
    }

    /// The diagnostics without repeats, each kept where it first is; they must be sorted
    /// by place, code and message (`sortedByPlace()`), so that equal ones are neighbours of
    /// the same place, code and message.
    package func removingRepeats() -> [Diagnostic] {
        var kept: [Diagnostic] = []
        kept.reserveCapacity(count)
        var groupStart = 0
        for diagnostic in self {
            if let first = kept.last, !diagnostic.saysAtSamePlace(as: first) { groupStart = kept.count }
            if !kept[groupStart...].contains(diagnostic) { kept.append(diagnostic) }
        }
        return kept
    }
}

extension Diagnostic {
    /// Whether both sort as one: the same file, line, column, code and message, a missing
    /// file or position counting as they are sorted (an empty name, line 0).
    fileprivate func saysAtSamePlace(as other: Diagnostic) -> Bool {
        (file ?? "", location?.line ?? 0, location?.column ?? 0) == (
            other.file ?? "", other.location?.line ?? 0, other.location?.column ?? 0
        )
            && code == other.code && message == other.message
    }
}
