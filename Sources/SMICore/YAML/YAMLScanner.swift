/// Turns UTF-8 bytes into YAML tokens.
///
/// The design follows the YAML 1.2 specification and the classic scanner structure
/// (simple-key tracking, an indentation stack that emits block start/end tokens), with the
/// 1.2 rules that older scanners miss: `:` adjacent to JSON-like keys in flow collections,
/// plain scalars that contain `:`/`?`/`-` followed by non-space, tabs that may separate but
/// never indent block structure, and indentation checks on continuation lines.
///
/// The buffer must end with at least four zero bytes past `count`; the reader checks that
/// the input holds no NUL, so a zero byte always means "end of input". A struct, so that
/// the parser owns it inline and its state needs no runtime exclusivity checks.
struct YAMLScanner {
    private struct SimpleKey {
        var possible = false
        var required = false
        var tokenNumber = 0
        var mark = YAMLMark(index: 0, line: 1, lineStart: 0)
        var afterTab = false
    }

    private let p: UnsafePointer<UInt8>
    private let count: Int
    private let limits: YAMLReader.Limits
    private let file: String?

    private var index = 0
    private var line = 1
    private var lineStart = 0

    private var tokens: [YAMLToken] = []
    private var head = 0
    private var tokensParsed = 0
    private var streamStartProduced = false
    private var streamEndProduced = false

    private var indent = -1
    private var indents: [Int] = []
    private var flowLevel = 0
    private var simpleKeyAllowed = false
    private var simpleKeys: [SimpleKey] = []
    /// How many entries of `simpleKeys` are possible; when none is, queued tokens can be
    /// handed out without looking at the keys.
    private var possibleKeyCount = 0
    /// For each level of `simpleKeys`: whether it is a flow mapping, where implicit keys
    /// may span lines (YAML 1.2, 7.4.1) and, so that every JSON document reads, exceed 1024
    /// characters; in block context and flow sequences they may do neither.
    private var levelIsFlowMapping: [Bool] = []
    /// The previous token was a quoted scalar or the end of a flow collection, after which a
    /// `:` in a flow collection is a value indicator even without a following space.
    private var adjacentValueAllowed = false
    /// Whether the token being fetched is the first on its line, and whether tabs were in
    /// the whitespace just before it.
    private var tokenStartsLine = true
    private var tabBeforeToken = false
    private var spacesBeforeTab = 0

    /// Whether the last token was a plain scalar that spans lines, which can never be an
    /// implicit key.
    private var lastTokenWasMultilinePlain = false

    private var locationCache = (lineStart: -1, index: 0, column: 1)

    /// A scanner over `count` bytes at `p`; `firstLine` is the line number of the first
    /// byte (above 1 when the bytes are a later part of a larger input).
    init(_ p: UnsafePointer<UInt8>, count: Int, limits: YAMLReader.Limits, file: String?, firstLine: Int = 1) {
        self.p = p
        self.count = count
        self.limits = limits
        self.file = file
        line = firstLine
    }

    // MARK: - Public surface for the parser

    /// The kind and start of the next token, without consuming it.
    mutating func peek() throws(YAMLError) -> YAMLTokenHead {
        try fetchMoreTokens()
        return YAMLTokenHead(kind: tokens[head].tag, start: tokens[head].start)
    }

    /// Consumes the next token.
    mutating func next() throws(YAMLError) -> YAMLToken {
        try fetchMoreTokens()
        let token = tokens[head]
        head += 1
        tokensParsed += 1
        if head > 64 && head * 2 > tokens.count {
            tokens.removeFirst(head)
            head = 0
        }
        return token
    }

    /// The 1-based line and Unicode-scalar column of a mark.
    mutating func location(_ mark: YAMLMark) -> SourceLocation {
        var column: Int
        if locationCache.lineStart == mark.lineStart && locationCache.index <= mark.index {
            // Forward from the last location on this line.
            column = locationCache.column
            var from = locationCache.index
            while from < mark.index {
                if p[from] & 0xC0 != 0x80 { column += 1 }
                from += 1
            }
        } else if locationCache.lineStart == mark.lineStart
            && mark.index - mark.lineStart > locationCache.index - mark.index
        {
            // Back from the last location, when that is nearer than the start of the line.
            column = locationCache.column
            var from = mark.index
            while from < locationCache.index {
                if p[from] & 0xC0 != 0x80 { column -= 1 }
                from += 1
            }
        } else {
            column = 1
            var from = mark.lineStart
            while from < mark.index {
                if p[from] & 0xC0 != 0x80 { column += 1 }
                from += 1
            }
        }
        locationCache = (mark.lineStart, mark.index, column)
        return SourceLocation(line: mark.line, column: column)
    }

    @inline(never)
    mutating func error(_ message: String, at mark: YAMLMark, reason: YAMLError.Reason = .syntax) -> YAMLError {
        YAMLError(reason, message, at: location(mark), file: file)
    }

    var currentMark: YAMLMark { YAMLMark(index: index, line: line, lineStart: lineStart) }

    // MARK: - Characters

    @inline(__always) private func at(_ offset: Int) -> UInt8 { p[index + offset] }
    @inline(__always) private var ch: UInt8 { p[index] }
    @inline(__always) private var column: Int { index - lineStart }

    @inline(__always) private static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }
    @inline(__always) private static func isBreak(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D }
    @inline(__always) private static func isBreakOrEnd(_ c: UInt8) -> Bool { c == 0x0A || c == 0x0D || c == 0 }
    @inline(__always) private static func isBlankOrEnd(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0
    }
    @inline(__always) private static func isFlowIndicator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "]")
            || c == UInt8(ascii: "{") || c == UInt8(ascii: "}")
    }

    @inline(__always) private var atEnd: Bool { index >= count }

    /// Skips one line break (LF, CR or CRLF) and starts a new line.
    private mutating func skipBreak() {
        if ch == 0x0D && at(1) == 0x0A { index += 2 } else { index += 1 }
        line += 1
        lineStart = index
    }

    private mutating func isDocumentIndicator() -> Bool {
        guard column == 0 else { return false }
        let c = ch
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return at(1) == c && at(2) == c && Self.isBlankOrEnd(at(3))
    }

    // MARK: - Token queue

    @inline(__always)
    private mutating func fetchMoreTokens() throws(YAMLError) {
        if head < tokens.count && possibleKeyCount == 0 { return }
        try fetchUntilResolved()
    }

    /// Fetches tokens until the next one cannot be changed by a simple key still pending.
    @inline(never)
    private mutating func fetchUntilResolved() throws(YAMLError) {
        while true {
            var needMore = head == tokens.count
            if !needMore {
                try staleSimpleKeys()
                for key in simpleKeys where key.possible && key.tokenNumber == tokensParsed {
                    needMore = true
                    break
                }
            }
            if !needMore { return }
            try fetchNextToken()
        }
    }

    private mutating func append(_ kind: YAMLTokenKind, _ mark: YAMLMark) {
        tokens.append(YAMLToken(kind: kind, start: mark))
    }

    private mutating func fetchNextToken() throws(YAMLError) {
        if !streamStartProduced {
            streamStartProduced = true
            indent = -1
            simpleKeyAllowed = true
            simpleKeys = [SimpleKey()]
            levelIsFlowMapping = [false]
            if count >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
                index = 3
                lineStart = 3
            }
            append(.streamStart, currentMark)
            return
        }
        if streamEndProduced { return }
        try scanToNextToken()
        try staleSimpleKeys()
        unrollIndent(column)
        if atEnd { return try fetchStreamEnd() }
        if tokenStartsLine && (tabBeforeToken || flowLevel > 0) { try checkTokenIndentation() }
        let c = ch
        let next = at(1)
        let wasAdjacent = adjacentValueAllowed
        adjacentValueAllowed = false
        let afterMultilinePlain = lastTokenWasMultilinePlain
        lastTokenWasMultilinePlain = false

        if column == 0 {
            if c == UInt8(ascii: "%") { return try fetchDirective() }
            if isDocumentIndicator() {
                return try fetchDocumentIndicator(start: c == UInt8(ascii: "-"))
            }
        }
        switch c {
        case UInt8(ascii: "["): return try fetchFlowCollectionStart(.flowSequenceStart)
        case UInt8(ascii: "{"): return try fetchFlowCollectionStart(.flowMappingStart)
        case UInt8(ascii: "]"): return try fetchFlowCollectionEnd(.flowSequenceEnd)
        case UInt8(ascii: "}"): return try fetchFlowCollectionEnd(.flowMappingEnd)
        case UInt8(ascii: ","): return try fetchFlowEntry()
        case UInt8(ascii: "-") where Self.isBlankOrEnd(next): return try fetchBlockEntry()
        case UInt8(ascii: "?") where Self.isBlankOrEnd(next): return try fetchKey()
        case UInt8(ascii: ":")
        where Self.isBlankOrEnd(next) || (flowLevel > 0 && (Self.isFlowIndicator(next) || wasAdjacent)):
            return try fetchValue(afterMultilinePlain: afterMultilinePlain)
        case UInt8(ascii: "*"): return try fetchAnchor(alias: true)
        case UInt8(ascii: "&"): return try fetchAnchor(alias: false)
        case UInt8(ascii: "!"): return try fetchTag()
        case UInt8(ascii: "|") where flowLevel == 0: return try fetchBlockScalar(folded: false)
        case UInt8(ascii: ">") where flowLevel == 0: return try fetchBlockScalar(folded: true)
        case UInt8(ascii: "'"): return try fetchFlowScalar(double: false)
        case UInt8(ascii: "\""): return try fetchFlowScalar(double: true)
        default: break
        }
        if canStartPlainScalar(c, next) { return try fetchPlainScalar() }
        throw error(Self.cannotStartToken(c), at: currentMark)
    }

    private static func cannotStartToken(_ c: UInt8) -> String {
        switch c {
        case UInt8(ascii: "@"), UInt8(ascii: "`"):
            return "'\(Character(Unicode.Scalar(c)))' is reserved and cannot start a plain scalar; quote the value"
        case UInt8(ascii: "|"), UInt8(ascii: ">"):
            return "block scalar indicator '\(Character(Unicode.Scalar(c)))' is not allowed inside a flow collection"
        case UInt8(ascii: "%"):
            return "'%' cannot start a plain scalar; quote the value"
        case 0x09:
            return "tab character where a token was expected"
        default:
            if c == 0xEF { return "byte order mark is only allowed at the start of the input" }
            return "found a character that cannot start any token"
        }
    }

    private mutating func canStartPlainScalar(_ c: UInt8, _ next: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
            return !Self.isBlankOrEnd(next) && !(flowLevel > 0 && Self.isFlowIndicator(next))
        case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
            UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"),
            UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
            UInt8(ascii: "`"), 0x20, 0x09, 0x0A, 0x0D, 0:
            return false
        case 0xEF:
            return !(next == 0xBB && at(2) == 0xBF)
        default:
            return true
        }
    }

    // MARK: - Whitespace, comments, indentation checks

    private mutating func scanToNextToken() throws(YAMLError) {
        tokenStartsLine = index == lineStart
        tabBeforeToken = false
        spacesBeforeTab = 0
        var spaces = 0
        while true {
            while ch == 0x20 || ch == 0x09 {
                if ch == 0x09 {
                    if !tabBeforeToken { spacesBeforeTab = spaces }
                    tabBeforeToken = true
                } else {
                    spaces += 1
                }
                index += 1
            }
            if ch == UInt8(ascii: "#") {
                if index > lineStart && !Self.isBlank(p[index - 1]) {
                    throw error("a comment must be separated from other tokens by whitespace", at: currentMark)
                }
                while !Self.isBreakOrEnd(ch) { index += 1 }
            }
            if Self.isBreak(ch) {
                skipBreak()
                if flowLevel == 0 { simpleKeyAllowed = true }
                tokenStartsLine = true
                tabBeforeToken = false
                spaces = 0
            } else {
                return
            }
        }
    }

    /// Tabs may separate tokens but never indent block structure (YAML 1.2, 6.1), and content
    /// on a continuation line must be indented more than its enclosing block.
    private mutating func checkTokenIndentation() throws(YAMLError) {
        guard tokenStartsLine else { return }
        if tabBeforeToken {
            let c = ch
            let blockIndicator =
                flowLevel == 0
                && (c == UInt8(ascii: "-") || c == UInt8(ascii: "?") || c == UInt8(ascii: ":"))
                && Self.isBlankOrEnd(at(1))
            if blockIndicator || spacesBeforeTab <= indent {
                throw error("tab characters must not be used for indentation", at: currentMark)
            }
        }
        if flowLevel > 0 && column <= indent {
            throw error("flow collection content must be indented more than its enclosing block", at: currentMark)
        }
    }

    // MARK: - Simple keys

    private mutating func staleSimpleKeys() throws(YAMLError) {
        guard possibleKeyCount > 0 else { return }
        for i in simpleKeys.indices where simpleKeys[i].possible {
            let key = simpleKeys[i]
            if !levelIsFlowMapping[i] && (key.mark.line < line || key.mark.index + 1024 < index) {
                if key.required {
                    throw error("expected ':' after mapping key", at: key.mark)
                }
                simpleKeys[i].possible = false
                possibleKeyCount -= 1
            }
        }
    }

    private mutating func saveSimpleKey() throws(YAMLError) {
        let required = flowLevel == 0 && indent == column
        if simpleKeyAllowed {
            try removeSimpleKey()
            simpleKeys[simpleKeys.count - 1] = SimpleKey(
                possible: true, required: required, tokenNumber: tokensParsed + (tokens.count - head),
                mark: currentMark, afterTab: tabBeforeToken)
            possibleKeyCount += 1
        }
    }

    private mutating func removeSimpleKey() throws(YAMLError) {
        let key = simpleKeys[simpleKeys.count - 1]
        if key.possible && key.required {
            throw error("expected ':' after mapping key", at: key.mark)
        }
        if key.possible {
            simpleKeys[simpleKeys.count - 1].possible = false
            possibleKeyCount -= 1
        }
    }

    // MARK: - Indentation stack

    private mutating func rollIndent(_ column: Int, tokenNumber: Int?, _ kind: YAMLTokenKind, _ mark: YAMLMark)
        throws(YAMLError)
    {
        guard flowLevel == 0, indent < column else { return }
        if indents.count >= limits.maxDepth {
            throw error("document nests deeper than the limit of \(limits.maxDepth) levels", at: mark, reason: .limit)
        }
        indents.append(indent)
        indent = column
        let token = YAMLToken(kind: kind, start: mark)
        if let number = tokenNumber {
            tokens.insert(token, at: head + number - tokensParsed)
        } else {
            tokens.append(token)
        }
    }

    private mutating func unrollIndent(_ column: Int) {
        guard flowLevel == 0 else { return }
        while indent > column {
            append(.blockEnd, currentMark)
            indent = indents.removeLast()
        }
    }

    // MARK: - Fetchers

    private mutating func fetchStreamEnd() throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        // Keys pending on outer levels (an unclosed '{' or '[' on the last line) can no longer
        // become keys; left possible, they would wait for tokens that never come. The parser
        // reports the unclosed collection.
        for i in simpleKeys.indices where simpleKeys[i].possible {
            simpleKeys[i].possible = false
            possibleKeyCount -= 1
        }
        simpleKeyAllowed = false
        streamEndProduced = true
        append(.streamEnd, currentMark)
    }

    private mutating func fetchDirective() throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let start = currentMark
        index += 1
        let nameStart = index
        while !Self.isBlankOrEnd(ch) { index += 1 }
        let name = string(nameStart, index)
        skipBlanks()
        switch name {
        case "YAML":
            let major = try scanVersionNumber(start)
            guard ch == UInt8(ascii: ".") else { throw error("expected '.' in the %YAML version", at: currentMark) }
            index += 1
            let minor = try scanVersionNumber(start)
            try expectLineEnd(after: "%YAML directive")
            append(.versionDirective(major: major, minor: minor), start)
        case "TAG":
            let handle = try scanTagHandleForDirective()
            guard Self.isBlank(ch) else { throw error("expected whitespace after the %TAG handle", at: currentMark) }
            skipBlanks()
            let prefixStart = index
            while !Self.isBlankOrEnd(ch) { index += 1 }
            guard index > prefixStart else {
                throw error("expected a tag prefix in the %TAG directive", at: currentMark)
            }
            let prefix = try decodeURIEscapes(string(prefixStart, index), at: start)
            try expectLineEnd(after: "%TAG directive")
            append(.tagDirective(handle: handle, prefix: prefix), start)
        default:
            while !Self.isBreakOrEnd(ch) { index += 1 }
            append(.reservedDirective, start)
        }
    }

    private mutating func scanVersionNumber(_ start: YAMLMark) throws(YAMLError) -> Int {
        var value = 0
        var digits = 0
        while ch >= UInt8(ascii: "0") && ch <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int(ch - UInt8(ascii: "0"))
            digits += 1
            index += 1
            if digits > 9 { throw error("%YAML version number is too long", at: currentMark) }
        }
        if digits == 0 { throw error("expected a version number in the %YAML directive", at: currentMark) }
        return value
    }

    private mutating func scanTagHandleForDirective() throws(YAMLError) -> String {
        guard ch == UInt8(ascii: "!") else { throw error("expected a tag handle starting with '!'", at: currentMark) }
        let start = index
        index += 1
        while !Self.isBlankOrEnd(ch) && ch != UInt8(ascii: "!") { index += 1 }
        if ch == UInt8(ascii: "!") {
            index += 1
        } else if index - start > 1 {
            throw error("a named tag handle must end with '!'", at: currentMark)
        }
        return string(start, index)
    }

    private mutating func skipBlanks() {
        while Self.isBlank(ch) { index += 1 }
    }

    /// After a directive, block scalar header or `...`: only whitespace and a comment.
    private mutating func expectLineEnd(after what: String) throws(YAMLError) {
        let hadBlank = Self.isBlank(ch)
        skipBlanks()
        if ch == UInt8(ascii: "#") && hadBlank {
            while !Self.isBreakOrEnd(ch) { index += 1 }
        }
        if !Self.isBreakOrEnd(ch) {
            throw error("unexpected content after \(what)", at: currentMark)
        }
    }

    private mutating func fetchDocumentIndicator(start: Bool) throws(YAMLError) {
        unrollIndent(-1)
        try removeSimpleKey()
        simpleKeyAllowed = false
        let mark = currentMark
        index += 3
        if start {
            append(.documentStart, mark)
        } else {
            try expectLineEnd(after: "document end marker '...'")
            append(.documentEnd, mark)
        }
    }

    private mutating func fetchFlowCollectionStart(_ kind: YAMLTokenKind) throws(YAMLError) {
        try saveSimpleKey()
        if flowLevel + indents.count >= limits.maxDepth {
            throw error(
                "document nests deeper than the limit of \(limits.maxDepth) levels", at: currentMark, reason: .limit)
        }
        simpleKeys.append(SimpleKey())
        if case .flowMappingStart = kind { levelIsFlowMapping.append(true) } else { levelIsFlowMapping.append(false) }
        flowLevel += 1
        simpleKeyAllowed = true
        append(kind, currentMark)
        index += 1
    }

    private mutating func fetchFlowCollectionEnd(_ kind: YAMLTokenKind) throws(YAMLError) {
        try removeSimpleKey()
        if flowLevel > 0 {
            flowLevel -= 1
            simpleKeys.removeLast()
            levelIsFlowMapping.removeLast()
        }
        simpleKeyAllowed = false
        adjacentValueAllowed = true
        append(kind, currentMark)
        index += 1
        try checkAfterJSONLikeNode()
    }

    private mutating func fetchFlowEntry() throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        append(.flowEntry, currentMark)
        index += 1
    }

    private mutating func fetchBlockEntry() throws(YAMLError) {
        let mark = currentMark
        if flowLevel > 0 {
            throw error("block sequence entry '-' is not allowed inside a flow collection", at: mark)
        }
        if !simpleKeyAllowed {
            throw error("a block sequence entry is not allowed here; start it on a new line", at: mark)
        }
        if tabBeforeToken && !tokenStartsLine {
            throw error("tab characters must not be used for indentation", at: mark)
        }
        try rollIndent(column, tokenNumber: nil, .blockSequenceStart, mark)
        try removeSimpleKey()
        simpleKeyAllowed = true
        append(.blockEntry, mark)
        index += 1
    }

    private mutating func fetchKey() throws(YAMLError) {
        let mark = currentMark
        if flowLevel == 0 {
            if !simpleKeyAllowed {
                throw error("an explicit mapping key '?' is not allowed here; start it on a new line", at: mark)
            }
            if tabBeforeToken && !tokenStartsLine {
                throw error("tab characters must not be used for indentation", at: mark)
            }
            try rollIndent(column, tokenNumber: nil, .blockMappingStart, mark)
        }
        try removeSimpleKey()
        simpleKeyAllowed = flowLevel == 0
        append(.key, mark)
        index += 1
    }

    private mutating func fetchValue(afterMultilinePlain: Bool) throws(YAMLError) {
        let mark = currentMark
        let key = simpleKeys[simpleKeys.count - 1]
        if key.possible {
            if flowLevel == 0 && key.afterTab {
                throw error("tab characters must not be used for indentation", at: key.mark)
            }
            tokens.insert(YAMLToken(kind: .key, start: key.mark), at: head + key.tokenNumber - tokensParsed)
            try rollIndent(key.mark.column, tokenNumber: key.tokenNumber, .blockMappingStart, key.mark)
            simpleKeys[simpleKeys.count - 1].possible = false
            possibleKeyCount -= 1
            simpleKeyAllowed = false
        } else {
            if flowLevel == 0 {
                if afterMultilinePlain && !tokenStartsLine {
                    throw error(
                        "a mapping key must fit on one line; this ':' follows a plain scalar that spans lines", at: mark
                    )
                }
                if !simpleKeyAllowed {
                    throw error(
                        "a mapping value is not allowed here; did you mean to quote a value containing ': '?", at: mark)
                }
                try rollIndent(column, tokenNumber: nil, .blockMappingStart, mark)
            }
            simpleKeyAllowed = flowLevel == 0
            try removeSimpleKey()
        }
        append(.value, mark)
        index += 1
    }

    private mutating func fetchAnchor(alias: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let mark = currentMark
        index += 1
        let start = index
        while !Self.isBlankOrEnd(ch) && !Self.isFlowIndicator(ch) {
            index += 1
        }
        if index == start {
            throw error("expected an \(alias ? "alias" : "anchor") name after '\(alias ? "*" : "&")'", at: currentMark)
        }
        let name = string(start, index)
        append(alias ? .alias(name) : .anchor(name), mark)
    }

    private mutating func fetchTag() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let mark = currentMark
        var handle: String
        var suffix: String
        if at(1) == UInt8(ascii: "<") {
            index += 2
            let start = index
            while ch != UInt8(ascii: ">") && !Self.isBlankOrEnd(ch) { index += 1 }
            guard ch == UInt8(ascii: ">"), index > start else {
                throw error("expected '>' to close a verbatim tag", at: currentMark)
            }
            handle = ""
            suffix = try decodeURIEscapes(string(start, index), at: mark)
            index += 1
        } else {
            let start = index
            index += 1
            while !Self.isBlankOrEnd(ch) && ch != UInt8(ascii: "!") && !Self.isFlowIndicator(ch) { index += 1 }
            if ch == UInt8(ascii: "!") {
                index += 1
                handle = string(start, index)
            } else {
                handle = "!"
                index = start + 1
            }
            let suffixStart = index
            while !Self.isBlankOrEnd(ch) && !Self.isFlowIndicator(ch) { index += 1 }
            suffix = try decodeURIEscapes(string(suffixStart, index), at: mark)
            if handle != "!" && handle != "!!" && suffix.isEmpty {
                throw error("expected a tag suffix after '\(handle)'", at: currentMark)
            }
        }
        if !Self.isBlankOrEnd(ch) && !(flowLevel > 0 && Self.isFlowIndicator(ch)) {
            throw error("expected whitespace after a tag", at: currentMark)
        }
        append(.tag(handle: handle, suffix: suffix), mark)
    }

    private mutating func decodeURIEscapes(_ text: String, at mark: YAMLMark) throws(YAMLError) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        var it = Array(text.utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%") {
                guard let h = it.popFirst(), let l = it.popFirst(), let hv = HexDigit.value(h),
                    let lv = HexDigit.value(l)
                else {
                    throw error("invalid URI escape in tag", at: mark)
                }
                bytes.append(UInt8(hv * 16 + lv))
            } else {
                bytes.append(b)
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            throw error("URI escape in tag is not valid UTF-8", at: mark)
        }
        return decoded
    }

    @inline(__always) private func string(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(start: p + from, count: to - from), as: UTF8.self)
    }

    /// After a quoted scalar or a flow collection end: only whitespace, a comment, a value
    /// indicator or (in a flow collection) another flow indicator may follow.
    private mutating func checkAfterJSONLikeNode() throws(YAMLError) {
        let c = ch
        if Self.isBlankOrEnd(c) || c == UInt8(ascii: ":") { return }
        if flowLevel > 0 && Self.isFlowIndicator(c) { return }
        if c == UInt8(ascii: "#") {
            throw error("a comment must be separated from other tokens by whitespace", at: currentMark)
        }
        if flowLevel == 0 && Self.isFlowIndicator(c) && (c == UInt8(ascii: "]") || c == UInt8(ascii: "}")) {
            return
        }
        throw error("expected whitespace or end of line after a quoted scalar or flow collection", at: currentMark)
    }

    // MARK: - Scalars

    private mutating func fetchPlainScalar() throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let mark = currentMark
        let (value, endLine) = try scanPlainScalar()
        append(.scalar(value, .plain), mark)
        lastTokenWasMultilinePlain = endLine != mark.line
    }

    /// The scalar's text and the line its last character is on.
    private mutating func scanPlainScalar() throws(YAMLError) -> (String, Int) {
        var buffer: [UInt8] = []
        var endLine = line
        var firstChunk: (Int, Int)? = nil
        let minIndent = indent + 1
        var pendingBreaks = 0
        var pendingSpaceStart = -1
        var pendingSpaceEnd = -1
        var sawChunk = false
        while true {
            if ch == UInt8(ascii: "#") { break }
            let chunkStart = index
            while true {
                let c = ch
                if Self.isBlankOrEnd(c) { break }
                if c == UInt8(ascii: ":") {
                    let n = at(1)
                    if Self.isBlankOrEnd(n) || (flowLevel > 0 && Self.isFlowIndicator(n)) { break }
                } else if flowLevel > 0 && Self.isFlowIndicator(c) {
                    break
                }
                index += 1
            }
            if index == chunkStart { break }
            endLine = line
            if !sawChunk {
                firstChunk = (chunkStart, index)
                sawChunk = true
            } else {
                if buffer.isEmpty, let (s, e) = firstChunk {
                    buffer.append(contentsOf: UnsafeBufferPointer(start: p + s, count: e - s))
                }
                if pendingBreaks == 0 {
                    buffer.append(
                        contentsOf: UnsafeBufferPointer(
                            start: p + pendingSpaceStart, count: pendingSpaceEnd - pendingSpaceStart))
                } else if pendingBreaks == 1 {
                    buffer.append(0x20)
                } else {
                    for _ in 1..<pendingBreaks { buffer.append(0x0A) }
                }
                buffer.append(contentsOf: UnsafeBufferPointer(start: p + chunkStart, count: index - chunkStart))
                firstChunk = nil
            }
            // Whitespace and line breaks after the chunk.
            let spaceStart = index
            while Self.isBlank(ch) { index += 1 }
            let spaceEnd = index
            var breaks = 0
            while Self.isBreak(ch) {
                skipBreak()
                breaks += 1
                let lineIndentStart = index
                while ch == 0x20 { index += 1 }
                let spaces = index - lineIndentStart
                var sawTab = false
                while Self.isBlank(ch) {
                    index += 1
                    sawTab = true
                }
                if isDocumentIndicatorAt(lineIndentStart) {
                    index = lineIndentStart
                    return (finishPlain(buffer, firstChunk), endLine)
                }
                if !Self.isBreakOrEnd(ch) && ch != UInt8(ascii: "#") {
                    if sawTab && flowLevel == 0 && spaces < minIndent {
                        throw error("tab characters must not be used for indentation", at: currentMark)
                    }
                }
            }
            if breaks > 0 && flowLevel == 0 { simpleKeyAllowed = true }
            if spaceEnd == spaceStart && breaks == 0 { break }
            if ch == UInt8(ascii: "#") || Self.isBreakOrEnd(ch) { break }
            if breaks > 0 && column < minIndent && flowLevel == 0 { break }
            if breaks > 0 && flowLevel > 0 && column <= indent { break }
            pendingBreaks = breaks
            pendingSpaceStart = spaceStart
            pendingSpaceEnd = spaceEnd
        }
        return (finishPlain(buffer, firstChunk), endLine)
    }

    private mutating func isDocumentIndicatorAt(_ start: Int) -> Bool {
        let c = p[start]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: ".") else { return false }
        return p[start + 1] == c && p[start + 2] == c && Self.isBlankOrEnd(p[start + 3])
    }

    private mutating func finishPlain(_ buffer: [UInt8], _ firstChunk: (Int, Int)?) -> String {
        if let (s, e) = firstChunk, buffer.isEmpty { return string(s, e) }
        return String(decoding: buffer, as: UTF8.self)
    }

    private mutating func fetchFlowScalar(double: Bool) throws(YAMLError) {
        try saveSimpleKey()
        simpleKeyAllowed = false
        let mark = currentMark
        let value = try scanFlowScalar(double: double, start: mark)
        adjacentValueAllowed = true
        append(.scalar(value, double ? .doubleQuoted : .singleQuoted), mark)
        try checkAfterJSONLikeNode()
    }

    private mutating func scanFlowScalar(double: Bool, start: YAMLMark) throws(YAMLError) -> String {
        let quote = double ? UInt8(ascii: "\"") : UInt8(ascii: "'")
        index += 1
        var buffer: [UInt8] = []
        while true {
            // Non-space characters.
            while true {
                let c = ch
                if c == 0 && atEnd {
                    throw error(
                        "unexpected end of input inside a quoted scalar that starts at \(location(start))",
                        at: currentMark)
                }
                if c == quote {
                    if !double && at(1) == quote {
                        buffer.append(quote)
                        index += 2
                        continue
                    }
                    index += 1
                    return String(decoding: buffer, as: UTF8.self)
                }
                if double && c == UInt8(ascii: "\\") {
                    if Self.isBreak(at(1)) {
                        index += 1
                        skipBreak()
                        try skipQuotedContinuationIndent(start)
                        while Self.isBlank(ch) { index += 1 }
                        continue
                    }
                    try scanEscape(into: &buffer)
                    continue
                }
                if Self.isBlankOrEnd(c) { break }
                buffer.append(c)
                index += 1
            }
            // Whitespace, then possibly line breaks (folded).
            let spaceStart = index
            while Self.isBlank(ch) { index += 1 }
            if Self.isBreak(ch) {
                var breaks = 0
                while Self.isBreak(ch) {
                    skipBreak()
                    breaks += 1
                    try skipQuotedContinuationIndent(start)
                }
                if breaks == 1 {
                    buffer.append(0x20)
                } else {
                    for _ in 1..<breaks { buffer.append(0x0A) }
                }
            } else if ch == 0 && atEnd {
                throw error(
                    "unexpected end of input inside a quoted scalar that starts at \(location(start))", at: currentMark)
            } else {
                buffer.append(contentsOf: UnsafeBufferPointer(start: p + spaceStart, count: index - spaceStart))
            }
        }
    }

    /// Skips the indentation of a quoted scalar's continuation line and checks it.
    private mutating func skipQuotedContinuationIndent(_ start: YAMLMark) throws(YAMLError) {
        let lineIndentStart = index
        while ch == 0x20 { index += 1 }
        let spaces = index - lineIndentStart
        if isDocumentIndicatorAt(lineIndentStart) && spaces == 0 {
            throw error("document marker inside a quoted scalar that starts at \(location(start))", at: currentMark)
        }
        while Self.isBlank(ch) { index += 1 }
        if !Self.isBreakOrEnd(ch) && spaces <= indent && !(flowLevel == 0 && indent < 0) {
            throw error("continuation line of a quoted scalar must be indented more than its block", at: currentMark)
        }
    }

    private mutating func scanEscape(into buffer: inout [UInt8]) throws(YAMLError) {
        let mark = currentMark
        let e = at(1)
        index += 2
        let scalar: UInt32
        switch e {
        case UInt8(ascii: "0"): scalar = 0
        case UInt8(ascii: "a"): scalar = 7
        case UInt8(ascii: "b"): scalar = 8
        case UInt8(ascii: "t"), 0x09: scalar = 9
        case UInt8(ascii: "n"): scalar = 10
        case UInt8(ascii: "v"): scalar = 11
        case UInt8(ascii: "f"): scalar = 12
        case UInt8(ascii: "r"): scalar = 13
        case UInt8(ascii: "e"): scalar = 0x1B
        case 0x20: scalar = 0x20
        case UInt8(ascii: "\""): scalar = 0x22
        case UInt8(ascii: "/"): scalar = 0x2F
        case UInt8(ascii: "\\"): scalar = 0x5C
        case UInt8(ascii: "N"): scalar = 0x85
        case UInt8(ascii: "_"): scalar = 0xA0
        case UInt8(ascii: "L"): scalar = 0x2028
        case UInt8(ascii: "P"): scalar = 0x2029
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = e == UInt8(ascii: "x") ? 2 : e == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<digits {
                guard let h = HexDigit.value(ch) else {
                    throw error(
                        "expected \(digits) hexadecimal digits in escape '\\\(Character(Unicode.Scalar(e)))'", at: mark)
                }
                value = value << 4 | UInt32(h)
                index += 1
            }
            scalar = try combiningSurrogates(value, at: mark)
        default:
            throw error("unknown escape sequence in a double-quoted scalar", at: mark)
        }
        guard let u = Unicode.Scalar(scalar) else {
            throw error("escape denotes an invalid Unicode scalar", at: mark)
        }
        if scalar < 0x80 {
            buffer.append(UInt8(scalar))
        } else {
            buffer.append(contentsOf: String(Character(u)).utf8)
        }
    }

    /// JSON writes characters outside the Basic Multilingual Plane as a surrogate pair
    /// (`\uD83D\uDE00`); so that every JSON document reads, such a pair is one character.
    private mutating func combiningSurrogates(_ value: UInt32, at mark: YAMLMark) throws(YAMLError) -> UInt32 {
        guard (0xD800..<0xDC00).contains(value) else { return value }
        guard ch == UInt8(ascii: "\\"), at(1) == UInt8(ascii: "u") else {
            throw error("escape denotes an unpaired surrogate", at: mark)
        }
        var low: UInt32 = 0
        for k in 2..<6 {
            guard let h = HexDigit.value(at(k)) else { throw error("escape denotes an unpaired surrogate", at: mark) }
            low = low << 4 | UInt32(h)
        }
        guard (0xDC00..<0xE000).contains(low) else { throw error("escape denotes an unpaired surrogate", at: mark) }
        index += 6
        return 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
    }

    private mutating func fetchBlockScalar(folded: Bool) throws(YAMLError) {
        try removeSimpleKey()
        simpleKeyAllowed = true
        let mark = currentMark
        let value = try scanBlockScalar(folded: folded, start: mark)
        append(.scalar(value, folded ? .folded : .literal), mark)
    }

    private mutating func scanBlockScalar(folded: Bool, start: YAMLMark) throws(YAMLError) -> String {
        index += 1
        var chomping = 0  // -1 strip, 0 clip, +1 keep
        var increment = 0
        for _ in 0..<2 {
            let c = ch
            if (c == UInt8(ascii: "+") || c == UInt8(ascii: "-")) && chomping == 0 {
                chomping = c == UInt8(ascii: "+") ? 1 : -1
                index += 1
            } else if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") && increment == 0 {
                if c == UInt8(ascii: "0") {
                    throw error("block scalar indentation indicator must be between 1 and 9", at: currentMark)
                }
                increment = Int(c - UInt8(ascii: "0"))
                index += 1
            }
        }
        if !Self.isBlankOrEnd(ch) {
            throw error(
                "expected a chomping or indentation indicator, a comment or a line break after the block scalar indicator",
                at: currentMark)
        }
        try expectLineEnd(after: "block scalar header")
        let parentIndent = max(indent, 0)
        let minIndent = indent + 1
        var contentIndent = 0
        var out: [UInt8] = []
        var breaks = 0
        if Self.isBreak(ch) {
            skipBreak()
        } else {
            return ""
        }
        if increment > 0 {
            contentIndent = indent >= 0 ? parentIndent + increment : increment
        } else {
            // Auto-detect from the first non-empty line.
            var maxEmptyIndent = 0
            let scanStart = (index, line, lineStart)
            while true {
                let s = index
                while ch == 0x20 { index += 1 }
                if Self.isBreak(ch) {
                    maxEmptyIndent = max(maxEmptyIndent, index - s)
                    skipBreak()
                    continue
                }
                let spaces = index - s
                if ch == 0x09 && spaces < minIndent {
                    throw error("tab characters must not be used for indentation", at: currentMark)
                }
                if (ch == 0 && atEnd) || spaces < minIndent || isDocumentIndicator() {
                    // No content line: the first line that is not empty ends the scalar (the
                    // end, a line less indented than it may be, a document marker), so the
                    // longest empty line sets the indentation, as in libyaml.
                    contentIndent = max(minIndent, max(maxEmptyIndent, spaces))
                } else {
                    contentIndent = max(spaces, minIndent)
                    if spaces >= minIndent && maxEmptyIndent > spaces {
                        throw error(
                            "a leading empty line of a block scalar has more spaces than its first line",
                            at: currentMark)
                    }
                }
                break
            }
            (index, line, lineStart) = scanStart
        }
        // Lines.
        var lastBreakWasFoldable = false
        var first = true
        var trailingBreaks = 0
        while true {
            // Indentation of this line.
            let lineBegin = index
            while column < contentIndent && ch == 0x20 { index += 1 }
            if atEnd {
                // A last line of spaces without a line break still ends with one.
                if index > lineBegin {
                    trailingBreaks += 1
                    breaks += 1
                }
                break
            }
            if ch == 0x09 && column < contentIndent {
                throw error("tab characters must not be used for indentation", at: currentMark)
            }
            if Self.isBreak(ch) {
                skipBreak()
                trailingBreaks += 1
                breaks += 1
                continue
            }
            if column < contentIndent || (column == 0 && isDocumentIndicator()) {
                index = lineBegin
                break
            }
            // Content line.
            let leadingBlank = Self.isBlank(ch)
            if !first {
                if folded && lastBreakWasFoldable && !leadingBlank {
                    if trailingBreaks == 1 {
                        out.append(0x20)
                    } else {
                        for _ in 1..<trailingBreaks { out.append(0x0A) }
                    }
                } else {
                    for _ in 0..<trailingBreaks { out.append(0x0A) }
                }
            } else {
                for _ in 0..<breaks { out.append(0x0A) }
            }
            first = false
            let contentStart = index
            while !Self.isBreakOrEnd(ch) { index += 1 }
            out.append(contentsOf: UnsafeBufferPointer(start: p + contentStart, count: index - contentStart))
            lastBreakWasFoldable = !leadingBlank
            trailingBreaks = 0
            breaks = 0
            if atEnd {
                // The end of the input ends the last line as a line break would.
                trailingBreaks = 1
                break
            }
            skipBreak()
            trailingBreaks = 1
        }
        if first {
            // No content line at all: only empty lines.
            if chomping == 1 { for _ in 0..<breaks { out.append(0x0A) } }
        } else if chomping == 0 {
            if trailingBreaks > 0 { out.append(0x0A) }
        } else if chomping == 1 {
            for _ in 0..<trailingBreaks { out.append(0x0A) }
        }
        // Leave the cursor at the start of the line that ended the scalar.
        return String(decoding: out, as: UTF8.self)
    }
}
