/// A value kept in one immutable box that copies share: a copy is one reference, and a change
/// puts the changed value in a new box, so it still behaves as a value.
///
/// For values held and copied by the hundred thousand at mesh scale (bundle items, diagnostics,
/// the rare fields of metadata), whose parts would each be retained by every copy.
package struct SharedValue<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value

        init(_ value: Value) { self.value = value }
    }

    private var box: Box

    /// `value` in a box of its own.
    package init(_ value: Value) {
        box = Box(value)
    }

    /// The value; setting it makes a new box (shared values are rarely changed).
    package var value: Value {
        get { box.value }
        set { box = Box(newValue) }
    }
}

extension SharedValue: Equatable where Value: Equatable {
    /// Equal when the values are: the same box, or equal contents.
    package static func == (lhs: SharedValue, rhs: SharedValue) -> Bool {
        lhs.box === rhs.box || lhs.box.value == rhs.box.value
    }
}

extension SharedValue: Hashable where Value: Hashable {
    /// Hashes the value.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(box.value)
    }
}
