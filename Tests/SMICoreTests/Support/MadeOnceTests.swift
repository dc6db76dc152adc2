import SMICore
import Testing

/// What `MadeOnce` makes and hands out again.
@Suite struct MadeOnceTests {
    /// A remembered key's value is made once; a key not remembered is made every time and
    /// never handed to a later remembered ask; `removeAll` forgets.
    @Test func makesOnceWhatItRemembers() {
        var table = MadeOnce<String, Int>()
        var made = 0
        let make = { () -> Int in
            made += 1
            return made
        }
        #expect(table.value(for: "a", make) == 1)
        #expect(table.value(for: "a", make) == 1 && made == 1)
        #expect(table.value(for: "b", remembering: false, make) == 2)
        #expect(table.value(for: "b", remembering: false, make) == 3)
        #expect(table.value(for: "b", make) == 4, "a value made without remembering is not kept")
        table.removeAll()
        #expect(table.value(for: "a", make) == 5)
    }
}
