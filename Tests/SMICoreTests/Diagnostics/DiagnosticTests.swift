import SMICore
import Testing

/// A diagnostic shares what it says between copies, but is a value: equality and hashing
/// are by what it says, and changing a copy leaves the original as it was.
@Suite struct DiagnosticTests {
    static let diagnostic = Diagnostic(
        .warning, .duplicateObject, "a second TrafficSplit named shop/s replaces the first",
        object: .init(kind: "TrafficSplit", namespace: "shop", name: "s"), path: "spec.backends[1]",
        file: "split.yaml", location: SourceLocation(line: 12, column: 7))

    @Test func aChangedCopyLeavesTheOriginal() {
        var copy = Self.diagnostic
        copy.severity = .error
        copy.code = .unknownField
        copy.message = "changed"
        copy.object = nil
        copy.path = "metadata"
        copy.file = nil
        copy.location = SourceLocation(line: 1, column: 1)
        #expect(
            Self.diagnostic.description
                == "split.yaml:12:7: warning[SMI1202]: TrafficSplit shop/s: spec.backends[1]: a second TrafficSplit named shop/s replaces the first"
        )
        #expect(copy.description == "1:1: error[\(DiagnosticCode.unknownField.rawValue)]: metadata: changed")
    }

    @Test func equalityAndHashingAreByWhatItSays() {
        let same = Diagnostic(
            .warning, .duplicateObject, "a second TrafficSplit named shop/s replaces the first",
            object: .init(kind: "TrafficSplit", namespace: "shop", name: "s"), path: "spec.backends[1]",
            file: "split.yaml", location: SourceLocation(line: 12, column: 7))
        var other = same
        other.location = SourceLocation(line: 12, column: 8)
        #expect(same == Self.diagnostic)
        #expect(same.hashValue == Self.diagnostic.hashValue)
        #expect(other != Self.diagnostic)
        #expect(Set([Self.diagnostic, same, other]).count == 2)
    }
}
