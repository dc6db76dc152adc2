/// Values made once per key and handed out again: what a render would otherwise make many times
/// over (match translations, lists that resources share, names).
///
/// Keys are compared by `==`, which for text is canonical equivalence, not byte equality:
/// callers remember only keys for which the two agree (`ExactText`), and have every other value
/// made anew.
package struct MadeOnce<Key: Hashable, Value> {
    private var made: [Key: Value] = [:]

    /// Nothing made yet.
    package init() {}

    /// The value for `key`: the one made before, or `make()` (kept when `remembering`).
    package mutating func value(for key: Key, remembering: Bool = true, _ make: () -> Value) -> Value {
        if remembering, let known = made[key] { return known }
        let value = make()
        if remembering { made[key] = value }
        return value
    }

    /// Forgets every value made (keeping the table's room).
    package mutating func removeAll() {
        made.removeAll(keepingCapacity: true)
    }
}

extension MadeOnce: Sendable where Key: Sendable, Value: Sendable {}
