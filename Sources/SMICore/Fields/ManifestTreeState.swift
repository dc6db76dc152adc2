/// The manifest a `FieldWriter` has built so far and the containers open in it.
///
/// Containers nest strictly, as in `YAMLStreamState`. A key given twice in one mapping keeps
/// its first place and takes the last value, as `ManifestEncoder` does.
struct ManifestTreeState: Sendable {
    /// A container being built.
    private struct Frame {
        let isMapping: Bool
        /// Where the container goes once closed.
        let slot: YAMLStreamState.Slot.Kind
        /// The keys of a mapping's entries, in the order first written.
        var keys: [String] = []
        var values: [ManifestNode] = []
        /// The position of the mapping entry being written.
        var current = 0
    }

    private var frames: [Frame] = []
    /// The document, once its container is closed.
    private(set) var root = ManifestNode(.mapping(ManifestMapping()))

    /// Starts entry `key` of the innermost mapping, and returns the slot of its value.
    mutating func entry(key: String) -> YAMLStreamState.Slot {
        let frame = frames.count - 1
        if let position = frames[frame].keys.firstIndex(of: key) {
            frames[frame].current = position
        } else {
            frames[frame].keys.append(key)
            frames[frame].values.append(ManifestNode(.null))
            frames[frame].current = frames[frame].keys.count - 1
        }
        return YAMLStreamState.Slot(kind: .value, parentIndent: 0)
    }

    /// Puts `node` where a slot of `kind` points: the current entry, a new item, or the document.
    mutating func place(_ node: ManifestNode, in kind: YAMLStreamState.Slot.Kind) {
        let frame = frames.count - 1
        switch kind {
        case .value: frames[frame].values[frames[frame].current] = node
        case .item: frames[frame].values.append(node)
        case .root: root = node
        }
    }

    /// Opens a container that goes where a slot of `kind` points once closed.
    mutating func open(_ kind: YAMLStreamState.Slot.Kind, mapping: Bool) {
        frames.append(Frame(isMapping: mapping, slot: kind))
    }

    /// Closes the innermost container and puts it in its place.
    mutating func close() {
        let frame = frames.removeLast()
        let value: ManifestValue =
            frame.isMapping
            ? .mapping(ManifestMapping(zip(frame.keys, frame.values).map { (ManifestNode(.string($0)), $1) }))
            : .sequence(frame.values)
        place(ManifestNode(value), in: frame.slot)
    }
}
