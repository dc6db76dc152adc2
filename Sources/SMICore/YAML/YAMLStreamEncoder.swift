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
    typealias Slot = YAMLStreamState.Slot
    typealias FrameReference = YAMLStreamState.FrameReference

    /// Every step is one access to the state that calls nothing outside it, so accesses
    /// never overlap: they are not checked at run time (a fifth of writing).
    @exclusivity(unchecked) var state: YAMLStreamState

    private init(out: OutputBuffer) {
        state = YAMLStreamState(out: out)
    }

    /// Appends `value` as the text of one document (without a `---` before it). Returns
    /// false, having appended nothing, when the value cannot be written in one pass.
    static func write(_ value: some Encodable, into out: inout OutputBuffer) -> Bool {
        let start = out.bytes.count
        let stream = YAMLStreamEncoder(out: OutputBuffer(capacity: 0))
        swap(&stream.state.out, &out)
        let root = stream.state.makeSlot(.root, parentIndent: 0)
        do {
            try stream.encode(value, in: root)
        } catch {
            stream.state.fail()
        }
        let written = !stream.state.failed
        swap(&stream.state.out, &out)
        if !written { out.bytes.removeSubrange(start...) }
        return written
    }

    /// Encodes `value` into `slot`, and closes whatever it left open.
    func encode<T: Encodable>(_ value: T, in slot: Slot) throws {
        if let node = value as? ManifestNode {
            state.fill(slot, node.value)
            return
        }
        try value.encode(to: YAMLSlotEncoder(stream: self, slot: slot))
        state.finish(slot)
    }

    /// Writes a scalar (or a whole manifest node) as the value of `slot`.
    func fill(_ slot: Slot, _ value: ManifestValue) { state.fill(slot, value) }
    /// Writes an unsigned integer, which must fit an `Int`.
    func fill(_ slot: Slot, unsigned value: some UnsignedInteger) { state.fill(slot, unsigned: value) }
    /// The container that fills `slot`.
    func open(_ slot: Slot, mapping: Bool) -> FrameReference { state.open(slot, mapping: mapping) }
    /// Writes `key:` of a new entry of a mapping, and returns the slot of its value.
    func entry(_ frame: FrameReference, key: String) -> Slot { state.entry(frame, key: key) }
    /// Writes `- ` of a new item of a sequence, and returns the slot of its value.
    func item(_ frame: FrameReference) -> Slot { state.item(frame) }
    /// The number of entries written to a container.
    func count(_ frame: FrameReference) -> Int { state.count(frame) }
}
