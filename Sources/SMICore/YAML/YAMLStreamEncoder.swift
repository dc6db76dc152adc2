/// Writes `Encodable` values straight to YAML text: byte for byte what `YAMLWriter` writes
/// of the manifest `ManifestEncoder` makes, without making the manifest. Writing is most
/// of the cost of a large rendering, and the manifests were only ever made to be written.
///
/// The text is written as the value encodes itself, so a value must encode in order, as
/// synthesized conformances do: a container finished before its parent's next entry, each
/// key once, each value once. A value that does otherwise (it goes back to a container it
/// left, repeats a key, writes a value twice) or throws cannot be written in one pass:
/// `write` then leaves the output as it was and returns false, and the caller takes the
/// manifest path, which handles every value.
final class YAMLStreamEncoder {
    /// Where a value goes: after `key:` of an entry, after `- ` of an item, or the document.
    struct Slot {
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
    struct FrameReference {
        let id: Int
        let depth: Int
    }

    private(set) var out: OutputBuffer
    private var frames: [Frame] = []
    /// The keys of the open mappings, innermost last.
    private var keys: [String] = []
    /// The slot whose `key:` or `- ` is written and whose value is not.
    private var pending: Slot?
    private var nextID = 0
    private(set) var failed = false
    private let writer = YAMLWriter()

    private init(out: OutputBuffer) {
        self.out = out
    }

    /// Appends `value` as the text of one document (without a `---` before it). Returns
    /// false, having appended nothing, when the value cannot be written in one pass.
    static func write(_ value: some Encodable, into out: inout OutputBuffer) -> Bool {
        let start = out.bytes.count
        let stream = YAMLStreamEncoder(out: OutputBuffer(capacity: 0))
        swap(&stream.out, &out)
        let root = stream.makeSlot(.root, parentIndent: 0)
        do {
            try stream.encode(value, in: root)
        } catch {
            stream.failed = true
        }
        let written = !stream.failed
        swap(&stream.out, &out)
        if !written { out.bytes.removeSubrange(start...) }
        return written
    }

    // MARK: - Slots

    private func makeSlot(_ kind: Slot.Kind, parentIndent: Int) -> Slot {
        nextID += 1
        let slot = Slot(kind: kind, id: nextID, parentIndent: parentIndent, depth: frames.count)
        pending = slot
        return slot
    }

    /// Encodes `value` into `slot`, and closes whatever it left open.
    func encode<T: Encodable>(_ value: T, in slot: Slot) throws {
        if let node = value as? ManifestNode {
            fill(slot, node.value)
            return
        }
        try value.encode(to: YAMLSlotEncoder(stream: self, slot: slot))
        finish(slot)
    }

    /// Writes a scalar (or a whole manifest node) as the value of `slot`.
    func fill(_ slot: Slot, _ value: ManifestValue) {
        guard !failed, pending?.id == slot.id else { return fail() }
        pending = nil
        switch slot.kind {
        case .value: writer.writeValue(value, indent: slot.parentIndent, into: &out)
        case .item: writer.writeNested(value, indent: slot.parentIndent + 2, into: &out)
        case .root: writer.writeRoot(value, into: &out)
        }
    }

    /// Writes an unsigned integer, which must fit an `Int` as `ManifestEncoder` requires.
    func fill(_ slot: Slot, unsigned value: some UnsignedInteger) {
        guard let v = Int(exactly: value) else { return fail() }
        fill(slot, .int(v))
    }

    /// The container that fills `slot`: a new one, or the one the slot's value already
    /// opened (a value may ask its encoder for its container twice).
    func open(_ slot: Slot, mapping: Bool) -> FrameReference {
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
    func finish(_ slot: Slot) {
        guard !failed else { return }
        if pending?.id == slot.id { fill(slot, .mapping(ManifestMapping())) }
        close(downTo: slot.depth)
    }

    // MARK: - Entries

    /// Writes `key:` of a new entry of a mapping, and returns the slot of its value.
    func entry(_ frame: FrameReference, key: String) -> Slot {
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
    func item(_ frame: FrameReference) -> Slot {
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
    private func begin(_ frame: FrameReference) -> Bool {
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
    private func close(downTo depth: Int) {
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
    private func settlePending() {
        if let slot = pending { fill(slot, .mapping(ManifestMapping())) }
    }

    private func fail() {
        failed = true
    }
}
