@testable import SMICore
import SMITestSupport
import Testing

/// Resources are sorted by keys compared as bytes when they are ASCII: the order must be
/// the order of the four strings, whatever they hold. (Strings that are not in normal form
/// are left out: Swift orders some of them inconsistently, "e\u{301}" and "\u{E9}a" being
/// neither less nor greater nor equal; such keys are compared as strings, as before.)
@Suite struct RenderingSortKeyTests {
    @Test func keysOrderAsTheirStringsDo() {
        let pieces = [
            "", "a", "b", "ab", "a-b", "v1", "networking.istio.io/v1", "Z", "~", " ", "\u{0}", "\u{1}", "é", "日本",
            "\u{7F}"
        ]
        var rng = SeededGenerator(seed: 11)
        func part() -> String {
            (0..<Int(rng.next() % 3)).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }.joined()
        }
        for _ in 0..<20000 {
            let a = (0..<4).map { _ in part() }
            let b = rng.next() % 4 == 0 ? a : (0..<4).map { i in rng.next() % 2 == 0 ? a[i] : part() }
            let (x, y) = (Rendering.SortKey(a), Rendering.SortKey(b))
            #expect((x < y) == a.lexicographicallyPrecedes(b), "\(a) \(b)")
            #expect((x == y) == (a == b), "\(a) \(b)")
        }
    }
}
