import SMICore
import Testing

/// A shared value behaves as a value: a changed copy leaves the original, and equality and
/// hashing are by content, whether two values share a box or not.
@Suite struct SharedValueTests {
    @Test func copiesChangeIndependently() {
        let original = SharedValue([1, 2])
        var copy = original
        copy.value.append(3)
        #expect(original.value == [1, 2] && copy.value == [1, 2, 3])
        #expect(original != copy)
    }

    @Test func equalityAndHashingAreByContent() {
        let a = SharedValue("same")
        let b = SharedValue("same")
        #expect(a == b && a == a)
        #expect(Set([a, b]).count == 1)
        #expect(a != SharedValue("other"))
    }
}
