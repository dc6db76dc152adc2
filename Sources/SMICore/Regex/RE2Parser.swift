/// Parses RE2 syntax (as Go's `regexp/syntax` and Envoy read it) into an `RE2Node` tree,
/// rejecting what RE2 does not have.
struct RE2Parser {
    struct Flags {
        var caseInsensitive = false
        var multiLine = false
        var dotAll = false
    }

    /// RE2 refuses repetition counts above this.
    static let maxRepeat = 1000

    private let p: [Unicode.Scalar]
    private var i = 0

    init(_ pattern: String) {
        p = Array(pattern.unicodeScalars)
    }

    static func parse(_ pattern: String) throws(RE2Error) -> RE2Node {
        var parser = RE2Parser(pattern)
        let node = try parser.parseAlternation(Flags(), depth: 0)
        if parser.i < parser.p.count {
            throw RE2Error("unexpected ')'", at: parser.i)
        }
        return node
    }

    private var atEnd: Bool { i >= p.count }
    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < p.count ? p[i + k] : nil }

    // MARK: - Structure

    private mutating func parseAlternation(_ flags: Flags, depth: Int) throws(RE2Error) -> RE2Node {
        if depth > 1000 { throw RE2Error("expression nests too deeply", at: i) }
        var flags = flags
        var branches: [RE2Node] = []
        var items: [RE2Node] = []
        while let c = peek() {
            switch c {
            case "|":
                i += 1
                branches.append(Self.concat(items))
                items = []
            case ")":
                return Self.alternate(branches + [Self.concat(items)])
            case "(":
                if let newFlags = try parseFlagGroup(flags) {
                    // `(?i)`: flags for the rest of the current group.
                    flags = newFlags
                    continue
                }
                items.append(try parseGroup(flags, depth: depth))
            case "*", "+", "?", "{":
                if c == "{", !looksLikeRepeat() {
                    i += 1
                    items.append(.literal(c.value, caseInsensitive: flags.caseInsensitive))
                    continue
                }
                guard let last = items.popLast() else {
                    throw RE2Error("missing argument to repetition operator '\(c)'", at: i)
                }
                items.append(try parseRepetition(of: last))
            case "\\" where peek(1) == "Q":
                // Each quoted scalar is its own item, so a repetition after `\E` applies to
                // the last one only, as in RE2.
                i += 2
                while let q = peek() {
                    if q == "\\" && peek(1) == "E" {
                        i += 2
                        break
                    }
                    items.append(.literal(q.value, caseInsensitive: flags.caseInsensitive))
                    i += 1
                }
            default:
                items.append(try parseAtom(flags))
            }
        }
        return Self.alternate(branches + [Self.concat(items)])
    }

    private static func concat(_ items: [RE2Node]) -> RE2Node {
        items.isEmpty ? .empty : items.count == 1 ? items[0] : .concat(items)
    }

    private static func alternate(_ branches: [RE2Node]) -> RE2Node {
        branches.count == 1 ? branches[0] : .alternate(branches)
    }

    /// `(?flags)` alone changes flags and returns them; anything else returns nil.
    private mutating func parseFlagGroup(_ flags: Flags) throws(RE2Error) -> Flags? {
        guard peek(1) == "?" else { return nil }
        var k = i + 2
        var result = flags
        var negate = false
        var sawFlag = false
        while k < p.count {
            switch p[k] {
            case "i":
                result.caseInsensitive = !negate
                sawFlag = true
            case "m":
                result.multiLine = !negate
                sawFlag = true
            case "s":
                result.dotAll = !negate
                sawFlag = true
            case "U": sawFlag = true
            case "-":
                if negate { throw RE2Error("invalid or unsupported flag group", at: i) }
                negate = true
            case ")":
                if !sawFlag { throw RE2Error("invalid or unsupported flag group", at: i) }
                i = k + 1
                return result
            default:
                return nil
            }
            k += 1
        }
        throw RE2Error("missing ')'", at: i)
    }

    private mutating func parseGroup(_ flags: Flags, depth: Int) throws(RE2Error) -> RE2Node {
        let start = i
        i += 1
        var inner = flags
        if peek() == "?" {
            i += 1
            switch peek() {
            case "=", "!":
                throw RE2Error("look-around is not supported by RE2", at: start)
            case "<" where peek(1) == "=" || peek(1) == "!":
                throw RE2Error("look-around is not supported by RE2", at: start)
            case "P" where peek(1) == "<", "<":
                i += peek() == "P" ? 2 : 1
                let nameStart = i
                while let c = peek(), c != ">" {
                    guard c.properties.isAlphabetic || c == "_" || ("0"..."9").contains(c) else {
                        throw RE2Error("invalid capture group name", at: start)
                    }
                    i += 1
                }
                guard peek() == ">", i > nameStart else { throw RE2Error("invalid capture group name", at: start) }
                i += 1
            case "P" where peek(1) == "=" || peek(1) == ">":
                throw RE2Error("back-references are not supported by RE2", at: start)
            default:
                // `(?flags:re)`
                var negate = false
                loop: while let c = peek() {
                    switch c {
                    case "i": inner.caseInsensitive = !negate
                    case "m": inner.multiLine = !negate
                    case "s": inner.dotAll = !negate
                    case "U": break
                    case "-": negate = true
                    case ":":
                        i += 1
                        break loop
                    default: throw RE2Error("invalid or unsupported group syntax '(?\(c)'", at: start)
                    }
                    i += 1
                }
            }
        }
        let node = try parseAlternation(inner, depth: depth + 1)
        guard peek() == ")" else { throw RE2Error("missing ')'", at: start) }
        i += 1
        return node
    }

    /// Whether `{` at `i` starts `{n}`, `{n,}` or `{n,m}` (otherwise it is a literal).
    private func looksLikeRepeat() -> Bool {
        var k = i + 1
        var digits = 0
        while k < p.count, ("0"..."9").contains(p[k]) {
            k += 1
            digits += 1
        }
        guard digits > 0, k < p.count else { return false }
        if p[k] == "}" { return true }
        guard p[k] == "," else { return false }
        k += 1
        while k < p.count, ("0"..."9").contains(p[k]) { k += 1 }
        return k < p.count && p[k] == "}"
    }

    private mutating func parseRepetition(of node: RE2Node) throws(RE2Error) -> RE2Node {
        let start = i
        let c = p[i]
        i += 1
        var min = 0
        var max: Int? = nil
        switch c {
        case "*": break
        case "+": min = 1
        case "?": max = 1
        default:
            min = readNumber()
            if peek() == "," {
                i += 1
                max = peek() == "}" ? nil : readNumber()
            } else {
                max = min
            }
            i += 1  // "}"
            if min > Self.maxRepeat || (max ?? 0) > Self.maxRepeat || max.map({ $0 < min }) == true {
                throw RE2Error("invalid repeat count", at: start)
            }
        }
        if peek() == "?" { i += 1 }  // lazy: the same strings match
        if let next = peek(),
            next == "*" || next == "+" || (next == "?" && c != "?") || (next == "{" && looksLikeRepeat())
        {
            throw RE2Error(
                "invalid nested repetition operator (possessive quantifiers are not supported by RE2)", at: i)
        }
        return .repetition(node, min: min, max: max)
    }

    private mutating func readNumber() -> Int {
        var n = 0
        while let c = peek(), ("0"..."9").contains(c) {
            n = Swift.min(n * 10 + Int(c.value - 48), 100_000)
            i += 1
        }
        return n
    }

    // MARK: - Atoms

    private mutating func parseAtom(_ flags: Flags) throws(RE2Error) -> RE2Node {
        let c = p[i]
        switch c {
        case ".":
            i += 1
            return .set(flags.dotAll ? .all : RE2CharacterSet([0...9, 11...RE2CharacterSet.maxScalar]))
        case "^":
            i += 1
            return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$":
            i += 1
            return .assertion(flags.multiLine ? .endLine : .endText)
        case "[":
            let set = try parseClass(flags)
            return .set(set)
        case "\\":
            return try parseEscape(flags)
        default:
            i += 1
            return .literal(c.value, caseInsensitive: flags.caseInsensitive)
        }
    }

    private mutating func parseEscape(_ flags: Flags) throws(RE2Error) -> RE2Node {
        let start = i
        guard let e = peek(1) else { throw RE2Error("trailing backslash at end of expression", at: start) }
        switch e {
        case "A":
            i += 2
            return .assertion(.beginText)
        case "z":
            i += 2
            return .assertion(.endText)
        case "b":
            i += 2
            return .assertion(.wordBoundary)
        case "B":
            i += 2
            return .assertion(.notWordBoundary)
        case "C":
            throw RE2Error("\\C (any byte) is not supported", at: start)
        case "Z":
            throw RE2Error("\\Z is not supported by RE2; use \\z", at: start)
        default:
            let set = try parseClassEscape(flags)
            if let single = set.single { return .literal(single, caseInsensitive: flags.caseInsensitive) }
            return .set(set)
        }
    }

    /// An escape that stands for a set of scalars (or one scalar), inside or outside a class.
    private mutating func parseClassEscape(_ flags: Flags) throws(RE2Error) -> RE2CharacterSet {
        let start = i
        i += 1
        guard let e = peek() else { throw RE2Error("trailing backslash at end of expression", at: start) }
        i += 1
        switch e {
        case "d": return .digits
        case "D": return RE2CharacterSet.digits.inverted
        case "w": return .word
        case "W": return RE2CharacterSet.word.inverted
        case "s": return .space
        case "S": return RE2CharacterSet.space.inverted
        case "a": return RE2CharacterSet([7...7])
        case "f": return RE2CharacterSet([12...12])
        case "t": return RE2CharacterSet([9...9])
        case "n": return RE2CharacterSet([10...10])
        case "r": return RE2CharacterSet([13...13])
        case "v": return RE2CharacterSet([11...11])
        case "x":
            var value: UInt32 = 0
            if peek() == "{" {
                i += 1
                var digits = 0
                while let c = peek(), c != "}" {
                    guard let h = HexDigit.value(UInt8(truncatingIfNeeded: c.value)), c.isASCII else {
                        throw RE2Error("invalid escape sequence \\x{...}", at: start)
                    }
                    value = value * 16 + UInt32(h)
                    digits += 1
                    if value > RE2CharacterSet.maxScalar {
                        throw RE2Error("invalid escape sequence \\x{...}", at: start)
                    }
                    i += 1
                }
                guard peek() == "}", digits > 0 else { throw RE2Error("invalid escape sequence \\x{...}", at: start) }
                i += 1
            } else {
                for _ in 0..<2 {
                    guard let c = peek(), c.isASCII, let h = HexDigit.value(UInt8(c.value)) else {
                        throw RE2Error("invalid escape sequence \\x", at: start)
                    }
                    value = value * 16 + UInt32(h)
                    i += 1
                }
            }
            return RE2CharacterSet([value...value])
        case "0"..."7":
            if e != "0", !(peek().map { ("0"..."7").contains($0) } ?? false) {
                throw RE2Error("back-references are not supported by RE2", at: start)
            }
            var value = e.value - 48
            for _ in 0..<2 {
                guard let c = peek(), ("0"..."7").contains(c) else { break }
                value = value * 8 + (c.value - 48)
                i += 1
            }
            return RE2CharacterSet([value...value])
        case "8", "9":
            throw RE2Error("back-references are not supported by RE2", at: start)
        case "p", "P":
            var name = ""
            if peek() == "{" {
                i += 1
                while let c = peek(), c != "}" {
                    name.unicodeScalars.append(c)
                    i += 1
                }
                guard peek() == "}" else { throw RE2Error("invalid Unicode class", at: start) }
                i += 1
            } else if let c = peek() {
                name.unicodeScalars.append(c)
                i += 1
            }
            var negated = e == "P"
            if name.hasPrefix("^") {
                negated.toggle()
                name.removeFirst()
            }
            guard let set = RE2UnicodeClasses.set(named: name) else {
                throw RE2Error(
                    "unsupported Unicode class '\(name)' (general categories and Any are supported)", at: start)
            }
            return negated ? set.inverted : set
        default:
            if e.isASCII && !(e.properties.isAlphabetic || ("0"..."9").contains(e)) {
                return RE2CharacterSet([e.value...e.value])
            }
            throw RE2Error("invalid escape sequence \\\(e)", at: start)
        }
    }

    private mutating func parseClass(_ flags: Flags) throws(RE2Error) -> RE2CharacterSet {
        let start = i
        i += 1
        var negated = false
        if peek() == "^" {
            negated = true
            i += 1
        }
        var set = RE2CharacterSet()
        var first = true
        while true {
            guard let c = peek() else { throw RE2Error("missing closing ']'", at: start) }
            if c == "]" && !first {
                i += 1
                break
            }
            first = false
            if c == "[" && peek(1) == ":" {
                if let posix = try parsePosixClass() {
                    set.formUnion(posix)
                    continue
                }
            }
            let low: RE2CharacterSet
            if c == "\\" {
                low = try parseClassEscape(flags)
            } else {
                i += 1
                low = RE2CharacterSet([c.value...c.value])
            }
            if let lo = low.single, peek() == "-", let next = peek(1), next != "]" {
                i += 1
                let high: RE2CharacterSet
                if next == "\\" {
                    high = try parseClassEscape(flags)
                } else {
                    i += 1
                    high = RE2CharacterSet([next.value...next.value])
                }
                guard let hi = high.single, hi >= lo else { throw RE2Error("invalid character class range", at: start) }
                set.insert(lo...hi)
            } else {
                set.formUnion(low)
            }
        }
        if flags.caseInsensitive { set = set.caseFolded }
        return negated ? set.inverted : set
    }

    /// `[:alpha:]` and the other ASCII classes (and `[:^alpha:]`) inside brackets.
    private mutating func parsePosixClass() throws(RE2Error) -> RE2CharacterSet? {
        var k = i + 2
        var name = ""
        while k < p.count, p[k] != ":" {
            name.unicodeScalars.append(p[k])
            k += 1
        }
        guard k + 1 < p.count, p[k + 1] == "]" else { return nil }
        var negated = false
        if name.hasPrefix("^") {
            negated = true
            name.removeFirst()
        }
        let ranges: [ClosedRange<UInt32>]
        switch name {
        case "alnum": ranges = [0x30...0x39, 0x41...0x5A, 0x61...0x7A]
        case "alpha": ranges = [0x41...0x5A, 0x61...0x7A]
        case "ascii": ranges = [0...0x7F]
        case "blank": ranges = [0x09...0x09, 0x20...0x20]
        case "cntrl": ranges = [0...0x1F, 0x7F...0x7F]
        case "digit": ranges = [0x30...0x39]
        case "graph": ranges = [0x21...0x7E]
        case "lower": ranges = [0x61...0x7A]
        case "print": ranges = [0x20...0x7E]
        case "punct": ranges = [0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E]
        case "space": ranges = [0x09...0x0D, 0x20...0x20]
        case "upper": ranges = [0x41...0x5A]
        case "word": ranges = [0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A]
        case "xdigit": ranges = [0x30...0x39, 0x41...0x46, 0x61...0x66]
        default: throw RE2Error("invalid character class range [:\(name):]", at: i)
        }
        i = k + 2
        let set = RE2CharacterSet(ranges)
        return negated ? set.inverted : set
    }
}
