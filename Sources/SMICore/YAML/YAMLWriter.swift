/// Writes manifest values as YAML the way `kubectl` prints it.
///
/// Two-space indentation, block style, sequences at the indentation of their key, `---` between
/// documents.
///
/// Output is deterministic (mapping order as given) and reads back as the same values
/// through this library's reader (either schema), Kubernetes' reader and PyYAML: strings
/// are quoted exactly when some reader would take them for something else, floats always
/// read as floats, and non-printable characters are escaped.
public struct YAMLWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// The YAML text of one document.
    public func write(_ node: ManifestNode) -> String {
        write(documents: [node])
    }

    /// The YAML text of several documents, separated by `---`.
    public func write(documents: [ManifestNode]) -> String {
        var out = OutputBuffer()
        write(documents, into: &out)
        return out.string
    }

    /// Appends the YAML text of several documents to a byte buffer.
    public func write(documents: [ManifestNode], into bytes: inout [UInt8]) {
        var out = OutputBuffer(capacity: 0)
        swap(&out.bytes, &bytes)
        write(documents, into: &out)
        swap(&out.bytes, &bytes)
    }

    /// Appends one document of a stream being written piece by piece.
    ///
    /// `index` is its position in the stream, and every document after the first is preceded by
    /// `---`.
    public func write(_ node: ManifestNode, asDocument index: Int, into bytes: inout [UInt8]) {
        var out = OutputBuffer(capacity: 0)
        swap(&out.bytes, &bytes)
        if index > 0 { out.append("---\n") }
        writeRoot(node.value, into: &out)
        swap(&out.bytes, &bytes)
    }

    /// Hands the YAML text of several documents to `sink` piece by piece, in order.
    ///
    /// Only a batch of documents is ever held as text, and a batch is written on all cores.
    public func write(documents: [ManifestNode], to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        write(count: documents.count, writing: { writeRoot(documents[$0].value, into: &$1) }, to: sink)
    }

    /// `write(documents:to:)` for documents that write themselves: `writing(i, out)`
    /// appends the text of document `i` (without `---`); it is called once for each of
    /// `0..<count`, on any core.
    func write(
        count: Int, writing: @Sendable (Int, inout OutputBuffer) -> Void, to sink: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var wroteAny = false
        var start = 0
        while start < count {
            let batch = start..<min(start + Self.documentsPerBatch, count)
            let parts = Parallel.chunks(of: batch.count, minimumChunk: Self.documentsPerPart) { range in
                var part = OutputBuffer(capacity: 0)
                for i in range {
                    // Every document writes at least a line, so an empty part has none.
                    if !part.bytes.isEmpty { part.append("---\n") }
                    writing(batch.lowerBound + i, &part)
                }
                return part.bytes
            }
            for part in parts where !part.isEmpty {
                if wroteAny { Self.separator.withUnsafeBufferPointer(sink) }
                part.withUnsafeBufferPointer(sink)
                wroteAny = true
            }
            start = batch.upperBound
        }
    }

    private static let separator = Array("---\n".utf8)

    func write(_ documents: [ManifestNode], into out: inout OutputBuffer) {
        guard documents.count >= 2 * Self.documentsPerPart else {
            write(documents, 0..<documents.count, into: &out)
            return
        }
        write(documents: documents) { out.bytes.append(contentsOf: $0) }
    }

    /// The fewest documents worth writing on a core of their own.
    static let documentsPerPart = 128
    /// The most documents held as text at once by `write(documents:to:)`.
    static let documentsPerBatch = 512

    private func write(_ documents: [ManifestNode], _ range: Range<Int>, into out: inout OutputBuffer) {
        for i in range {
            if i > 0 { out.append("---\n") }
            writeRoot(documents[i].value, into: &out)
        }
    }

    /// Writes a whole document's value and its final line break.
    func writeRoot(_ value: ManifestValue, into out: inout OutputBuffer) {
        switch value {
        case let .mapping(m) where m.count > 0:
            writeMapping(m, indent: 0, into: &out)
        case let .sequence(s) where !s.isEmpty:
            writeSequence(s, indent: 0, into: &out)
        default:
            writeScalarOrEmpty(value, indent: 0, blockIndent: 2, into: &out)
            out.append(0x0A)
        }
    }

    /// Entries of a non-empty mapping, each starting at `indent` (the first one at the
    /// current position when the caller already wrote the indentation or `- `).
    private func writeMapping(
        _ m: ManifestMapping, indent: Int, firstInline: Bool = false, into out: inout OutputBuffer
    ) {
        // Indices rather than element copies: the entries are only borrowed.
        for i in m.entries.indices {
            if i > 0 || !firstInline { out.appendSpaces(indent) }
            writeKey(m.entries[i].key.value, indent: indent, into: &out)
            writeValue(m.entries[i].value.value, indent: indent, into: &out)
        }
    }

    /// Writes a mapping key and its `:`, once the indentation is written: `key:`, or the
    /// explicit `? key` form on lines of its own (collections, very long keys).
    func writeKey(_ key: ManifestValue, indent: Int, into out: inout OutputBuffer) {
        if writeImplicitKey(key, into: &out) {
            out.append(0x3A)
        } else {
            out.append("? ")
            writeNested(key, indent: indent + 2, into: &out)
            out.appendSpaces(indent)
            out.append(0x3A)
        }
    }

    /// Writes what follows `key:` or `:` of an entry at `indent`: a space and a scalar, or
    /// a nested block.
    func writeValue(_ value: ManifestValue, indent: Int, into out: inout OutputBuffer) {
        switch value {
        case let .mapping(m) where m.count > 0:
            out.append(0x0A)
            writeMapping(m, indent: indent + 2, into: &out)
        case let .sequence(s) where !s.isEmpty:
            out.append(0x0A)
            writeSequence(s, indent: indent, into: &out)
        default:
            out.append(0x20)
            writeScalarOrEmpty(value, indent: indent, blockIndent: indent + 2, into: &out)
            out.append(0x0A)
        }
    }

    /// Writes a node that starts right after `? ` or `- `, at `indent` for continuation lines.
    func writeNested(_ value: ManifestValue, indent: Int, into out: inout OutputBuffer) {
        switch value {
        case let .mapping(m) where m.count > 0:
            writeMapping(m, indent: indent, firstInline: true, into: &out)
        case let .sequence(s) where !s.isEmpty:
            writeSequence(s, indent: indent, firstInline: true, into: &out)
        default:
            writeScalarOrEmpty(value, indent: indent - 2, blockIndent: indent, into: &out)
            out.append(0x0A)
        }
    }

    private func writeSequence(
        _ items: [ManifestNode], indent: Int, firstInline: Bool = false, into out: inout OutputBuffer
    ) {
        for i in items.indices {
            if i > 0 || !firstInline { out.appendSpaces(indent) }
            out.append("- ")
            writeNested(items[i].value, indent: indent + 2, into: &out)
        }
    }

    /// Writes a key for `key: value` form; returns false (writing nothing) when the key
    /// needs the explicit `? ` form: collections, and keys too long for an implicit key.
    private func writeImplicitKey(_ key: ManifestValue, into out: inout OutputBuffer) -> Bool {
        switch key {
        case .mapping, .sequence:
            return false
        case let .string(s) where s.utf8.count > 512:
            return false
        default:
            writeScalarOrEmpty(key, indent: 0, blockIndent: 0, isKey: true, into: &out)
            return true
        }
    }

    private func writeScalarOrEmpty(
        _ value: ManifestValue, indent: Int, blockIndent: Int, isKey: Bool = false, into out: inout OutputBuffer
    ) {
        switch value {
        case .null: out.append("null")
        case let .bool(b): out.append(b ? "true" : "false")
        case let .int(i): out.appendDecimal(i)
        case let .double(d):
            if d.isNaN {
                out.append(".nan")
            } else if d.isInfinite {
                out.append(d < 0 ? "-.inf" : ".inf")
            } else {
                out.appendFloat(d)
            }
        case let .string(s):
            writeString(s, blockIndent: blockIndent, isKey: isKey, into: &out)
        case .sequence: out.append("[]")
        case .mapping: out.append("{}")
        }
    }

    private func writeString(_ s: String, blockIndent: Int, isKey: Bool, into out: inout OutputBuffer) {
        var utf8 = s
        let style = utf8.withUTF8 { bytes in
            let style = YAMLStringStyle.of(bytes, text: s, allowBlock: !isKey)
            if style == .plain { out.bytes.append(contentsOf: bytes) }
            return style
        }
        switch style {
        case .plain:
            return
        case .doubleQuoted:
            writeDoubleQuoted(s, into: &out)
        case let .literal(chomping):
            out.append(0x7C)
            out.append(chomping)
            for line in s.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
                out.append(0x0A)
                if !line.isEmpty {
                    out.appendSpaces(blockIndent)
                    out.bytes.append(contentsOf: line)
                }
            }
            // The final line break is written by the caller; drop the one the split added
            // for a trailing newline.
            if out.bytes.last == 0x0A { out.bytes.removeLast() }
        }
    }

    func writeDoubleQuoted(_ s: String, into out: inout OutputBuffer) {
        out.appendQuoted(s) { v, out in
            switch v {
            case 0x22: out.append("\\\"")
            case 0x5C: out.append("\\\\")
            case 0x00: out.append("\\0")
            case 0x07: out.append("\\a")
            case 0x08: out.append("\\b")
            case 0x09: out.append("\\t")
            case 0x0A: out.append("\\n")
            case 0x0B: out.append("\\v")
            case 0x0C: out.append("\\f")
            case 0x0D: out.append("\\r")
            case 0x1B: out.append("\\e")
            case 0x85: out.append("\\N")
            case 0x2028: out.append("\\L")
            case 0x2029: out.append("\\P")
            case 0x01..<0x20, 0x7F..<0xA0:
                out.append("\\x")
                out.appendHex(v, digits: 2)
            case 0xFEFF, 0xFFFE, 0xFFFF:
                out.append("\\u")
                out.appendHex(v, digits: 4)
            default:
                return false
            }
            return true
        }
    }
}
