import Testing

/// A report of thousands of diagnostics (made into text a batch at a time, on all cores)
/// lists each one once, in file and position order, and its summary counts them.
@Suite struct DiagnosticReportTests {
    @Test func aLargeReportListsEveryDiagnosticInOrder() throws {
        let splits = 3000
        let documents = (0..<splits).map { i in
            "apiVersion: split.smi-spec.io/v1alpha4\nkind: TrafficSplit\nmetadata:\n  name: s\(i)\nspec:\n  service: web\(i)\n  backends:\n  - service: a\n    weight: -1\n"
        }
        let path = try ToolRun.file(documents.joined(separator: "---\n"))
        let run = ToolRun(["validate", path])
        var lines = run.err.split(separator: "\n").map(String.init)
        let summary = lines.removeLast()
        #expect(summary == "\(2 * splits) errors, 0 warnings in \(splits) documents")
        #expect(lines.count == 3 * splits)
        let places = lines.map { line -> [Int] in
            line.dropFirst(path.count + 1).split(separator: ":").prefix(2).compactMap { Int($0) }
        }
        #expect(places.allSatisfy { $0.count == 2 })
        #expect(places == places.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(lines).count == lines.count)
        for i in [0, 1, splits / 2, splits - 1] {
            let line = 10 * i + 1
            #expect(
                lines.contains(
                    "\(path):\(line + 8):13: error[SMI2001]: TrafficSplit default/s\(i): spec.backends[0].weight: must not be negative"
                ))
        }
    }
}
