import SMICore
import Testing

/// Diagnostics are sorted by file, line, column, code and message, and a rendering lists
/// each once: checked against the plain definition (drop later repeats, then sort stably by
/// those fields compared as written) over random reports with repeats, files missing or
/// empty, positions missing, and diagnostics that differ only in severity, object or path.
@Suite struct DiagnosticOrderTests {
    static func randomDiagnostics(_ count: Int, using random: inout some RandomNumberGenerator) -> [Diagnostic] {
        let files: [String?] = [nil, "", "a.yaml", "b.yaml", "dir/a.yaml"]
        let codes: [DiagnosticCode] = [.duplicateObject, .unknownField, .matchesEverything]
        let objects: [Diagnostic.Object?] = [
            nil, .init(kind: "TrafficSplit", namespace: "x", name: "s"),
            .init(kind: "TrafficTarget", namespace: nil, name: "t")
        ]
        var made: [Diagnostic] = []
        for _ in 0..<count {
            if let earlier = made.randomElement(using: &random), Int.random(in: 0..<4, using: &random) == 0 {
                made.append(earlier)
                continue
            }
            let location =
                Bool.random(using: &random)
                ? nil
                : SourceLocation(
                    line: Int.random(in: 1...3, using: &random), column: Int.random(in: 1...2, using: &random))
            made.append(
                Diagnostic(
                    Self.pick([.error, .warning, .info], &random), Self.pick(codes, &random),
                    Self.pick(["m", "n"], &random),
                    object: Self.pick(objects, &random), path: Bool.random(using: &random) ? nil : "spec",
                    file: Self.pick(files, &random), location: location))
        }
        return made
    }

    /// One of `items` (never empty here), chosen by `random`.
    static func pick<T>(_ items: [T], _ random: inout some RandomNumberGenerator) -> T {
        items[Int.random(in: 0..<items.count, using: &random)]
    }

    /// The order by its definition, one stable sort comparing the fields themselves.
    static func expectedOrder(_ diagnostics: [Diagnostic], byCodeAndMessage: Bool) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            let place = { (d: Diagnostic) in (d.file ?? "", d.location?.line ?? 0, d.location?.column ?? 0) }
            if place(x) != place(y) { return place(x) < place(y) }
            if byCodeAndMessage, (x.code.rawValue, x.message) != (y.code.rawValue, y.message) {
                return (x.code.rawValue, x.message) < (y.code.rawValue, y.message)
            }
            return a.offset < b.offset
        }.map(\.element)
    }

    @Test func sortingFollowsTheDefinition() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let diagnostics = Self.randomDiagnostics(Int.random(in: 0...40, using: &random), using: &random)
            for byCodeAndMessage in [true, false] {
                let expected = Self.expectedOrder(diagnostics, byCodeAndMessage: byCodeAndMessage)
                #expect(diagnostics.sortedByPlace(byCodeAndMessage: byCodeAndMessage) == expected)
                #expect(expected.sortedByPlace(byCodeAndMessage: byCodeAndMessage) == expected, "already in order")
            }
        }
    }

    @Test func aRenderingListsEachDiagnosticOnceInOrder() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let diagnostics = Self.randomDiagnostics(Int.random(in: 0...40, using: &random), using: &random)
            var firstOfEach: [Diagnostic] = []
            for diagnostic in diagnostics where !firstOfEach.contains(diagnostic) { firstOfEach.append(diagnostic) }
            let expected = Self.expectedOrder(firstOfEach, byCodeAndMessage: true)
            var rendering = Rendering()
            for diagnostic in diagnostics { rendering.report(diagnostic) }
            #expect(rendering.diagnostics == expected, "before sort()")
            rendering.sort()
            #expect(rendering.diagnostics == expected, "after sort()")
            #expect(rendering.hasErrors == diagnostics.contains { $0.severity == .error })
        }
    }
}
