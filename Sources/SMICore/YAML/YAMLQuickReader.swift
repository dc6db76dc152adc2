/// Reads the documents most manifests are made of straight into nodes, without the scanner's
/// tokens: block mappings and sequences, flow collections on one line, plain and quoted scalars
/// on one line, comments.
///
/// Anything else (and anything the parser would report) is declined, a document at a time, and
/// the parser reads it.
///
/// The nodes, their locations and the documents' extents are exactly the parser's: the
/// reader's tests compare the two on the YAML test suite, the goldens and examples and
/// thousands of mutations of them, and the reader fuzzer on every input it makes. To keep
/// that equivalence simple, only printable ASCII, spaces and line feeds are read here (so a
/// column is a byte offset); a tab, a carriage return or any other byte declines the document.
struct YAMLQuickReader {
    /// Why a document is left to the parser (there is nothing to say: the parser says it).
    private struct Declined: Error {}

    private let p: UnsafePointer<UInt8>
    private let count: Int
    private let reader: YAMLReader
    private let file: String?

    /// Where the next document starts: the start of a line, at the start of the text or at
    /// a `---` line.
    private(set) var position = 0
    /// The line number of `position`.
    private(set) var line: Int
    /// How many documents were read before `position` (by this reader or the parser).
    private(set) var documentCount = 0

    private var index = 0
    private var lineNumber = 0
    private var lineStart = 0
    /// The indentation of the line at `index`, or -1 at the end of the document.
    private var indentation = 0
    private var depth = 0
    private var nodes = 0
    /// The long texts read so far, each once (see `string`).
    private var shared = Set<String>()

    /// A reader of the `count` bytes at `p`, which are followed by zero bytes; `firstLine`
    /// is the line number of the first.
    init(_ p: UnsafePointer<UInt8>, count: Int, reader: YAMLReader, file: String?, firstLine: Int) {
        self.p = p
        self.count = count
        self.reader = reader
        self.file = file
        line = firstLine
    }

    /// Whether every document has been read.
    var atEnd: Bool { position >= count }

    /// The next document, or `nil` when it is declined (or there is none): `position` is
    /// then unchanged.
    mutating func next() -> ManifestDocument? {
        guard !atEnd, documentCount < reader.limits.maxDocuments else { return nil }
        index = position
        lineNumber = line
        lineStart = position
        depth = 0
        nodes = 0
        do throws(Declined) {
            var start = (index: index, line: lineNumber)
            let explicit = isMarker(UInt8(ascii: "-"))
            if explicit {
                index += 3
                try endOfLine()
            }
            try nextContentLine()
            guard indentation == 0, p[index] != UInt8(ascii: "-") else { throw Declined() }
            if !explicit { start = (lineStart, lineNumber) }
            let root = try blockMapping()
            guard indentation < 0, !isMarker(UInt8(ascii: ".")) else { throw Declined() }
            // The parser measures a document from its first token: the `---`, or the root's
            // first key, which starts its line. Either is where the extent starts.
            let end = index
            guard end - start.index <= reader.limits.maxDocumentBytes, nodes <= reader.limits.maxAliasExpansion else {
                throw Declined()
            }
            var document = ManifestDocument(root: root, file: file, index: documentCount)
            document.extent = .init(bytes: start.index..<end, line: start.line)
            position = end
            line = lineNumber
            documentCount += 1
            return document
        } catch {
            return nil
        }
    }

    /// Moves past text the parser read: to `end` (the start of a line), past `documents`.
    mutating func skip(to end: Int, documents: Int) {
        var i = position
        while i < end {
            // A line break is LF, CR LF or a CR alone, as the scanner counts them.
            if p[i] == 0x0A || (p[i] == 0x0D && p[i + 1] != 0x0A) { line += 1 }
            i += 1
        }
        position = end
        documentCount += documents
    }

    /// The start of the next line after `position`'s that starts a document with `---`, or
    /// the end of the text: the parser reads a declined document up to there.
    func nextDocumentStart() -> Int {
        var i = position
        while i < count {
            if p[i] == 0x0A, i + 1 < count, Self.startsMarker(p + i + 1, UInt8(ascii: "-")) { return i + 1 }
            i += 1
        }
        return count
    }

    // MARK: - Lines

    /// Whether `---` or `...` (with a space, line break or the end after it) starts the
    /// line at `index`.
    private func isMarker(_ c: UInt8) -> Bool {
        index == lineStart && Self.startsMarker(p + index, c)
    }

    private static func startsMarker(_ q: UnsafePointer<UInt8>, _ c: UInt8) -> Bool {
        q[0] == c && q[1] == c && q[2] == c
            && (q[3] == 0x20 || q[3] == 0x0A || q[3] == 0x09 || q[3] == 0x0D || q[3] == 0)
    }

    /// Skips spaces; then a comment (at the start of the line or after a space) and the
    /// line break, or the end.
    private mutating func endOfLine() throws(Declined) {
        while p[index] == 0x20 { index += 1 }
        if p[index] == UInt8(ascii: "#") && (index == lineStart || p[index - 1] == 0x20) {
            index += 1
            while p[index] != 0x0A && p[index] != 0 {
                guard Self.isPrintable(p[index]) else { throw Declined() }
                index += 1
            }
        }
        if p[index] == 0x0A {
            index += 1
            lineNumber += 1
            lineStart = index
        } else if p[index] != 0 {
            throw Declined()
        }
    }

    /// From the start of a line, skips blank and comment lines to the first character of
    /// the next line with content, and sets `indentation` (-1 at the end of the text or at
    /// a document marker).
    private mutating func nextContentLine() throws(Declined) {
        while true {
            if p[index] == 0 || isMarker(UInt8(ascii: "-")) || isMarker(UInt8(ascii: ".")) {
                indentation = -1
                return
            }
            while p[index] == 0x20 { index += 1 }
            switch p[index] {
            case 0x0A, 0, UInt8(ascii: "#"):
                try endOfLine()
            default:
                guard Self.isPrintable(p[index]) else { throw Declined() }
                indentation = index - lineStart
                return
            }
        }
    }

    @inline(__always) private static func isPrintable(_ c: UInt8) -> Bool { c >= 0x20 && c < 0x7F }

    @inline(__always) private var location: SourceLocation {
        SourceLocation(line: lineNumber, column: index - lineStart + 1)
    }

    // MARK: - Block collections

    /// The deepest nesting read here: the quick reader recurses (the parser does not), and
    /// readers run on threads with small stacks.
    ///
    /// Manifests nest far less.
    static let maxNesting = 48

    private mutating func enter() throws(Declined) {
        depth += 1
        nodes += 1
        if depth > min(reader.limits.maxDepth, Self.maxNesting) { throw Declined() }
    }

    /// The block node whose first line is the current one (more indented than its parent).
    private mutating func blockNode() throws(Declined) -> ManifestNode {
        isEntry ? try blockSequence(indentless: false) : try blockMapping()
    }

    /// Whether `- ` (or `-` at the end of the line) is at `index`.
    private var isEntry: Bool {
        p[index] == UInt8(ascii: "-") && (p[index + 1] == 0x20 || p[index + 1] == 0x0A || p[index + 1] == 0)
    }

    /// A block mapping whose first key is at `index`; its keys are at this column.
    private mutating func blockMapping() throws(Declined) -> ManifestNode {
        try enter()
        let column = index - lineStart
        let start = location
        var entries: [ManifestMapping.Entry] = []
        while true {
            let key = try blockKey()
            let value = try blockValue(of: column)
            entries.append(ManifestMapping.Entry(key: key, value: value))
            if indentation < column { break }
            guard indentation == column, !isEntry else { throw Declined() }
        }
        try checkKeys(entries)
        depth -= 1
        return ManifestNode(.mapping(ManifestMapping(entries)), at: start)
    }

    /// A block sequence whose first `-` is at `index`; an indentless one (the value of a
    /// mapping key at the same column) ends at a line that is not an entry.
    private mutating func blockSequence(indentless: Bool) throws(Declined) -> ManifestNode {
        try enter()
        let column = index - lineStart
        let start = location
        var items: [ManifestNode] = []
        while true {
            index += 1
            while p[index] == 0x20 { index += 1 }
            items.append(try entryValue(of: column))
            if indentation < column { break }
            guard indentation == column else { throw Declined() }
            if !isEntry {
                guard indentless else { throw Declined() }
                break
            }
        }
        depth -= 1
        return ManifestNode(.sequence(items), at: start)
    }

    /// The value after a key's `:` and the spaces after it, in a mapping whose keys are at
    /// `column`; ends at the next content line.
    private mutating func blockValue(of column: Int) throws(Declined) -> ManifestNode {
        switch p[index] {
        case 0x0A, 0, UInt8(ascii: "#"):
            try endOfLine()
            try nextContentLine()
            if indentation > column { return try blockNode() }
            guard indentation == column, isEntry else { throw Declined() }
            return try blockSequence(indentless: true)
        default:
            let value = try inlineNode()
            try endOfLine()
            try nextContentLine()
            return value
        }
    }

    /// The item after a `- ` of a sequence at `column`; ends at the next content line.
    private mutating func entryValue(of column: Int) throws(Declined) -> ManifestNode {
        switch p[index] {
        case 0x0A, 0, UInt8(ascii: "#"):
            try endOfLine()
            try nextContentLine()
            guard indentation > column else { throw Declined() }
            return try blockNode()
        case UInt8(ascii: "-"), UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"):
            // A compact nested sequence or a quoted or flow key are left to the parser.
            let value = try inlineNode()
            if p[index] == UInt8(ascii: ":") { throw Declined() }
            try endOfLine()
            try nextContentLine()
            return value
        default:
            if lineHoldsKey() { return try blockMapping() }
            let value = try inlineNode()
            try endOfLine()
            try nextContentLine()
            return value
        }
    }

    /// Whether the rest of the line holds a key and its `:` (before any comment).
    private func lineHoldsKey() -> Bool {
        var i = index
        while true {
            switch p[i] {
            case 0x0A, 0: return false
            case UInt8(ascii: ":") where p[i + 1] == 0x20 || p[i + 1] == 0x0A || p[i + 1] == 0: return true
            case UInt8(ascii: "#") where p[i - 1] == 0x20: return false
            default: i += 1
            }
        }
    }

    /// A plain key on one line and its `:`; leaves `index` after the spaces that follow.
    private mutating func blockKey() throws(Declined) -> ManifestNode {
        let start = index
        let at = location
        guard Self.startsPlain(p[index], p[index + 1]), p[index] != UInt8(ascii: "-") else { throw Declined() }
        while true {
            let c = p[index]
            if c == UInt8(ascii: ":") && (p[index + 1] == 0x20 || p[index + 1] == 0x0A || p[index + 1] == 0) { break }
            guard Self.isPrintable(c), !(c == UInt8(ascii: "#") && p[index - 1] == 0x20) else { throw Declined() }
            index += 1
        }
        var end = index
        while p[end - 1] == 0x20 { end -= 1 }
        // The parser's limit on implicit keys, and on scalars.
        guard index - start <= 1000, end - start <= reader.limits.maxScalarBytes else { throw Declined() }
        index += 1
        while p[index] == 0x20 { index += 1 }
        let text = string(start, end)
        guard case .string = reader.schema.resolvePlain(text), text != "<<" else { throw Declined() }
        nodes += 1
        return ManifestNode(.string(text), at: at)
    }

    /// Mappings repeat no key, unless the reader allows it (keys are strings here).
    private func checkKeys(_ entries: [ManifestMapping.Entry]) throws(Declined) {
        guard !reader.allowsDuplicateKeys, entries.count > 1 else { return }
        if entries.count <= 8 {
            for i in 1..<entries.count {
                for j in 0..<i where entries[i].key.value == entries[j].key.value { throw Declined() }
            }
            return
        }
        var seen = Set<String>()
        for entry in entries {
            guard case let .string(key) = entry.key.value, seen.insert(key).inserted else { throw Declined() }
        }
    }

    // MARK: - Nodes on one line

    /// A scalar or flow collection that starts at `index` and ends on its line, in block
    /// context or (`flow`) inside a flow collection.
    private mutating func inlineNode(flow: Bool = false) throws(Declined) -> ManifestNode {
        switch p[index] {
        case UInt8(ascii: "{"): return try flowMapping()
        case UInt8(ascii: "["): return try flowSequence()
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return try quoted()
        default: return try plain(flow: flow)
        }
    }

    private mutating func skipSpaces() {
        while p[index] == 0x20 { index += 1 }
    }

    private mutating func flowSequence() throws(Declined) -> ManifestNode {
        try enter()
        let start = location
        index += 1
        skipSpaces()
        var items: [ManifestNode] = []
        while p[index] != UInt8(ascii: "]") {
            items.append(try inlineNode(flow: true))
            skipSpaces()
            if p[index] == UInt8(ascii: ",") {
                index += 1
                skipSpaces()
            } else if p[index] != UInt8(ascii: "]") {
                throw Declined()
            }
        }
        index += 1
        depth -= 1
        return ManifestNode(.sequence(items), at: start)
    }

    private mutating func flowMapping() throws(Declined) -> ManifestNode {
        try enter()
        let start = location
        index += 1
        skipSpaces()
        var entries: [ManifestMapping.Entry] = []
        while p[index] != UInt8(ascii: "}") {
            guard p[index] != UInt8(ascii: "\""), p[index] != UInt8(ascii: "'") else { throw Declined() }
            let key = try plain(flow: true)
            guard case let .string(text) = key.value, text != "<<", p[index] == UInt8(ascii: ":"), p[index + 1] == 0x20
            else { throw Declined() }
            index += 2
            skipSpaces()
            entries.append(ManifestMapping.Entry(key: key, value: try inlineNode(flow: true)))
            skipSpaces()
            if p[index] == UInt8(ascii: ",") {
                index += 1
                skipSpaces()
            } else if p[index] != UInt8(ascii: "}") {
                throw Declined()
            }
        }
        index += 1
        try checkKeys(entries)
        depth -= 1
        return ManifestNode(.mapping(ManifestMapping(entries)), at: start)
    }

    /// Whether a plain scalar may start with `c` followed by `next`: not an indicator, but
    /// for `-` before a digit (a negative number).
    private static func startsPlain(_ c: UInt8, _ next: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"): return next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
            UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"),
            0x20, 0x0A, 0:
            return false
        default:
            return isPrintable(c)
        }
    }

    /// A plain scalar on one line.
    ///
    /// In a flow collection it ends before `,[]{}` and before a `:` that a space or one of
    /// those follows; in block context it runs to the end of the line, and a `: ` in it (a
    /// mapping where a scalar is) is left to the parser.
    private mutating func plain(flow: Bool) throws(Declined) -> ManifestNode {
        let start = index
        let at = location
        guard Self.startsPlain(p[index], p[index + 1]) else { throw Declined() }
        scan: while true {
            let c = p[index]
            switch c {
            case 0x0A, 0:
                if flow { throw Declined() }
                break scan
            case UInt8(ascii: ":"):
                let next = p[index + 1]
                if next == 0x20 || next == 0x0A || next == 0 { if flow { break scan } else { throw Declined() } }
                if flow
                    && (next == UInt8(ascii: ",") || next == UInt8(ascii: "[") || next == UInt8(ascii: "]")
                        || next == UInt8(ascii: "{") || next == UInt8(ascii: "}"))
                {
                    break scan
                }
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                if flow { break scan }
            case UInt8(ascii: "#"):
                if p[index - 1] == 0x20 {
                    if flow { throw Declined() }
                    break scan
                }
            default:
                guard Self.isPrintable(c) else { throw Declined() }
            }
            index += 1
        }
        var end = index
        while p[end - 1] == 0x20 { end -= 1 }
        guard end - start <= reader.limits.maxScalarBytes else { throw Declined() }
        nodes += 1
        let text = string(start, end)
        let value = reader.schema.resolvePlain(text)
        // The parser notes integers that read as octal; they are rare, and left to it.
        if reader.schema == .kubernetes, KubernetesScalars.readsAsOctal(text, value) { throw Declined() }
        return ManifestNode(value, at: at)
    }

    /// A quoted scalar on one line: single quotes with `''` for a quote, double quotes
    /// without escapes.
    private mutating func quoted() throws(Declined) -> ManifestNode {
        let quote = p[index]
        let at = location
        index += 1
        let start = index
        var doubled = false
        while true {
            let c = p[index]
            if c == quote {
                guard quote == UInt8(ascii: "'"), p[index + 1] == quote else { break }
                doubled = true
                index += 2
                continue
            }
            guard Self.isPrintable(c), c != UInt8(ascii: "\\") || quote == UInt8(ascii: "'") else { throw Declined() }
            index += 1
        }
        let end = index
        index += 1
        guard end - start <= reader.limits.maxScalarBytes else { throw Declined() }
        var text = string(start, end)
        if doubled { text = text.replacing("''", with: "'") }
        nodes += 1
        return ManifestNode(.string(text), at: at)
    }

    /// The text of the bytes from `start` to `end`.
    ///
    /// A text too long to be stored inside a `String` (over 15 bytes) is made once per part
    /// read and shared by every node that has it: manifests repeat long values (apiVersions,
    /// regexes, images), and at mesh scale their copies were megabytes of what the decoded
    /// objects keep. The reader reads only ASCII, so texts the set finds equal have equal bytes
    /// (`ExactText`).
    private mutating func string(_ start: Int, _ end: Int) -> String {
        let text = String(decoding: UnsafeBufferPointer(start: p + start, count: end - start), as: UTF8.self)
        guard end - start > Self.longestInlineString else { return text }
        return shared.insert(text).memberAfterInsert
    }

    /// The longest text a `String` stores without an allocation of its own.
    private static let longestInlineString = 15
}
