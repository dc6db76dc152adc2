/// The text a `FieldWriter` has written so far and the containers open in it, laid out as
/// `YAMLWriter` lays out the same value's manifest.
///
/// Containers nest strictly (a value is written whole before its parent's next entry), so every
/// step is on the innermost one.
@usableFromInline
struct YAMLStreamState: Sendable {
    /// Where a value goes: after `key:` of an entry, after `- ` of an item, or the document.
    @usableFromInline
    struct Slot: Sendable {
        enum Kind { case value, item, root }

        let kind: Kind
        /// The indentation of the entries of the container the slot is in (0 for the root).
        let parentIndent: Int
    }

    /// A container being written.
    struct Frame {
        let isMapping: Bool
        /// The indentation of its entries.
        let indent: Int
        /// Whether it follows `key:` (its first entry starts a line; empty, it is ` {}`),
        /// rather than `- ` or the start of the document.
        let afterKey: Bool
        /// Where its keys start in `keys`.
        let firstKey: Int
        var count = 0
    }

    var out: OutputBuffer
    private var frames: [Frame] = []
    /// The keys of the open mappings, innermost last.
    private var keys: [String] = []
    /// Whether a mapping was given a key twice, which its manifest would hold once.
    private(set) var failed = false
    private let writer = YAMLWriter()

    init(out: OutputBuffer) {
        self.out = out
    }

    /// The slot of the whole document.
    static let root = Slot(kind: .root, parentIndent: 0)

    /// Writes a scalar (or a whole manifest node) as the value of `slot`.
    @usableFromInline
    mutating func fill(_ slot: Slot, _ value: ManifestValue) {
        switch slot.kind {
        case .value: writer.writeValue(value, indent: slot.parentIndent, into: &out)
        case .item: writer.writeNested(value, indent: slot.parentIndent + 2, into: &out)
        case .root: writer.writeRoot(value, into: &out)
        }
    }

    /// Opens the container that is the value of `slot`; its entries or items follow.
    @usableFromInline
    mutating func open(_ slot: Slot, mapping: Bool) {
        let indent =
            slot.kind == .value && !mapping ? slot.parentIndent : slot.kind == .root ? 0 : slot.parentIndent + 2
        frames.append(Frame(isMapping: mapping, indent: indent, afterKey: slot.kind == .value, firstKey: keys.count))
    }

    /// Closes the innermost container; an empty one is `{}` or `[]`.
    @usableFromInline
    mutating func close() {
        let frame = frames.removeLast()
        keys.removeSubrange(frame.firstKey...)
        if frame.count == 0 {
            out.append(frame.afterKey ? (frame.isMapping ? " {}\n" : " []\n") : (frame.isMapping ? "{}\n" : "[]\n"))
        }
    }

    /// Writes `key:` of a new entry of the innermost mapping, and returns the slot of its value.
    @usableFromInline
    mutating func entry(key: String) -> Slot {
        let frame = frames.count - 1
        if keys[frames[frame].firstKey...].contains(key) { failed = true }
        keys.append(key)
        begin()
        writer.writeKey(.string(key), indent: frames[frame].indent, into: &out)
        return Slot(kind: .value, parentIndent: frames[frame].indent)
    }

    /// Writes `- ` of a new item of the innermost sequence, and returns the slot of its value.
    @usableFromInline
    mutating func item() -> Slot {
        begin()
        out.append("- ")
        return Slot(kind: .item, parentIndent: frames[frames.count - 1].indent)
    }

    /// Starts the line of a new entry of the innermost container.
    private mutating func begin() {
        let frame = frames.count - 1
        if frames[frame].count == 0 && frames[frame].afterKey { out.append(0x0A) }
        if frames[frame].count > 0 || frames[frame].afterKey { out.appendSpaces(frames[frame].indent) }
        frames[frame].count += 1
    }
}
