/// The text written so far and the containers open in it. Kept in one value so that each
/// step of the encoder is one access to its state.
@usableFromInline
struct YAMLStreamState: Sendable {
    /// Where a value goes: after `key:` of an entry, after `- ` of an item, or the document.
    @usableFromInline
    struct Slot: Sendable {
        enum Kind { case value, item, root }

        let kind: Kind
        let id: Int
        /// The indentation of the entries of the container the slot is in (0 for the root).
        let parentIndent: Int
        /// How many containers are open around the slot: a container for it is at this depth.
        let depth: Int
    }

    /// A container being written.
    struct Frame {
        let id: Int
        /// The slot it fills.
        let slot: Int
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

    /// A container as its encoder refers to it.
    @usableFromInline
    struct FrameReference: Sendable {
        let id: Int
        let depth: Int
    }

    var out: OutputBuffer
    private var frames: [Frame] = []
    /// The keys of the open mappings, innermost last.
    private var keys: [String] = []
    /// The slot whose `key:` or `- ` is written and whose value is not.
    private var pending: Slot?
    private var nextID = 0
    private(set) var failed = false
    private let writer = YAMLWriter()

    init(out: OutputBuffer) {
        self.out = out
    }

    // MARK: - Slots

    mutating func makeSlot(_ kind: Slot.Kind, parentIndent: Int) -> Slot {
        nextID += 1
        let slot = Slot(kind: kind, id: nextID, parentIndent: parentIndent, depth: frames.count)
        pending = slot
        return slot
    }

    /// Writes a scalar (or a whole manifest node) as the value of `slot`.
    @usableFromInline
    mutating func fill(_ slot: Slot, _ value: ManifestValue) {
        guard !failed, pending?.id == slot.id else { return fail() }
        pending = nil
        switch slot.kind {
        case .value: writer.writeValue(value, indent: slot.parentIndent, into: &out)
        case .item: writer.writeNested(value, indent: slot.parentIndent + 2, into: &out)
        case .root: writer.writeRoot(value, into: &out)
        }
    }

    /// Writes an unsigned integer, which must fit an `Int` as `ManifestEncoder` requires.
    mutating func fill(_ slot: Slot, unsigned value: some UnsignedInteger) {
        guard let v = Int(exactly: value) else { return fail() }
        fill(slot, .int(v))
    }

    /// The container that fills `slot`: a new one, or the one the slot's value already
    /// opened (a value may ask its encoder for its container twice).
    @usableFromInline
    mutating func open(_ slot: Slot, mapping: Bool) -> FrameReference {
        if !failed, pending?.id == slot.id {
            pending = nil
            nextID += 1
            let indent = slot.kind == .value && !mapping ? slot.parentIndent : slot.kind == .root ? 0 : slot.parentIndent + 2
            frames.append(Frame(id: nextID, slot: slot.id, isMapping: mapping, indent: indent, afterKey: slot.kind == .value, firstKey: keys.count))
            return FrameReference(id: nextID, depth: frames.count - 1)
        }
        guard !failed, slot.depth < frames.count, frames[slot.depth].slot == slot.id, frames[slot.depth].isMapping == mapping else {
            fail()
            return FrameReference(id: 0, depth: 0)
        }
        close(downTo: slot.depth + 1)
        return FrameReference(id: frames[slot.depth].id, depth: slot.depth)
    }

    /// Closes what the value of `slot` left open, once it is encoded: a slot it wrote
    /// nothing to is an empty mapping, as in `ManifestEncoder`.
    @usableFromInline
    mutating func finish(_ slot: Slot) {
        guard !failed else { return }
        if pending?.id == slot.id { fill(slot, .mapping(ManifestMapping())) }
        close(downTo: slot.depth)
    }

    // MARK: - Entries

    /// Writes `key:` of a new entry of a mapping, and returns the slot of its value.
    @usableFromInline
    mutating func entry(_ frame: FrameReference, key: String) -> Slot {
        guard begin(frame) else { return Slot(kind: .value, id: 0, parentIndent: 0, depth: 0) }
        let indent = frames[frame.depth].indent
        if keys[frames[frame.depth].firstKey...].contains(key) {
            fail()
            return Slot(kind: .value, id: 0, parentIndent: 0, depth: 0)
        }
        keys.append(key)
        writer.writeKey(.string(key), indent: indent, into: &out)
        return makeSlot(.value, parentIndent: indent)
    }

    /// Writes `- ` of a new item of a sequence, and returns the slot of its value.
    @usableFromInline
    mutating func item(_ frame: FrameReference) -> Slot {
        guard begin(frame) else { return Slot(kind: .item, id: 0, parentIndent: 0, depth: 0) }
        out.append("- ")
        return makeSlot(.item, parentIndent: frames[frame.depth].indent)
    }

    /// The number of entries written to a container.
    func count(_ frame: FrameReference) -> Int {
        frame.depth < frames.count && frames[frame.depth].id == frame.id ? frames[frame.depth].count : 0
    }

    /// Starts an entry of an open container: what was left open inside it is closed, and
    /// the entry's line is started.
    private mutating func begin(_ frame: FrameReference) -> Bool {
        guard !failed, frame.depth < frames.count, frames[frame.depth].id == frame.id else {
            fail()
            return false
        }
        close(downTo: frame.depth + 1)
        settlePending()
        if frames[frame.depth].count == 0 && frames[frame.depth].afterKey { out.append(0x0A) }
        if frames[frame.depth].count > 0 || frames[frame.depth].afterKey { out.appendSpaces(frames[frame.depth].indent) }
        frames[frame.depth].count += 1
        return true
    }

    /// Closes the containers at `depth` and deeper; an empty one is `{}` or `[]`.
    private mutating func close(downTo depth: Int) {
        while frames.count > depth {
            settlePending()
            let frame = frames.removeLast()
            keys.removeSubrange(frame.firstKey...)
            if frame.count == 0 {
                out.append(frame.afterKey ? (frame.isMapping ? " {}\n" : " []\n") : (frame.isMapping ? "{}\n" : "[]\n"))
            }
        }
    }

    /// A slot that was given no value (a `superEncoder` left unused) is an empty mapping.
    private mutating func settlePending() {
        if let slot = pending { fill(slot, .mapping(ManifestMapping())) }
    }

    mutating func fail() {
        failed = true
    }
}
