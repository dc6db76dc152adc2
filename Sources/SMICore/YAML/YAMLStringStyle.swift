/// Decides how `YAMLWriter` writes a string so that every YAML reader reads the same string
/// back: plain where no YAML 1.1 or 1.2 reader (Kubernetes', PyYAML/libyaml, the 1.2 core
/// schema) could take it for anything else, a literal block for multi-line text that
/// round-trips, and double quotes otherwise.
enum YAMLStringStyle: Equatable {
    case plain
    case doubleQuoted
    /// A literal block scalar; `chomping` is `-`, empty, or `+`.
    case literal(chomping: String)

    /// The style for the string `text`, whose UTF-8 is `b`; `allowBlock` is false for
    /// mapping keys.
    static func of(_ b: UnsafeBufferPointer<UInt8>, text: String, allowBlock: Bool) -> YAMLStringStyle {
        guard let first = b.first, let last = b.last, let p = b.baseAddress else { return .doubleQuoted }
        var plain = !isIndicator(first) && last != 0x20 && last != UInt8(ascii: ":")
        var hasBreak = false
        var blockSafe = true
        var i = 0
        let n = b.count
        while i < n {
            let c = p[i]
            // Printable ASCII other than ':' and '#' never changes the style.
            if c >= 0x20 && c < 0x7F && c != UInt8(ascii: ":") && c != UInt8(ascii: "#") {
                i += 1
                continue
            }
            if c < 0x80 {
                switch c {
                case 0x0A:
                    hasBreak = true
                    plain = false
                case 0x09:
                    plain = false
                case 0x00..<0x20, 0x7F:
                    plain = false
                    blockSafe = false
                case UInt8(ascii: ":"):
                    if i + 1 < n && (b[i + 1] == 0x20 || b[i + 1] == 0x09) { plain = false }
                case UInt8(ascii: "#"):
                    if i > 0 && (b[i - 1] == 0x20 || b[i - 1] == 0x09) { plain = false }
                default:
                    break
                }
                i += 1
                continue
            }
            // Non-ASCII: reject what some reader treats as a line break or cannot take raw.
            let scalar = decodeScalar(b, &i)
            switch scalar {
            case 0x80...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                plain = false
                blockSafe = false
            default:
                break
            }
        }
        if plain {
            if b.count >= 3 && first == UInt8(ascii: ".") && b[1] == UInt8(ascii: ".") && b[2] == UInt8(ascii: ".") {
                return .doubleQuoted
            }
            return mayReadAsNonString(b, text: text) ? .doubleQuoted : .plain
        }
        if hasBreak && allowBlock && blockSafe {
            return literalStyle(b) ?? .doubleQuoted
        }
        return .doubleQuoted
    }

    /// A literal block works when the first non-empty line does not start with a space
    /// (indentation is detected from it) and some line has content.
    private static func literalStyle(_ b: UnsafeBufferPointer<UInt8>) -> YAMLStringStyle? {
        var i = 0
        while i < b.count && b[i] == 0x0A { i += 1 }
        guard i < b.count, b[i] != 0x20, b[i] != 0x09 else { return nil }
        var trailing = 0
        var j = b.count - 1
        while j >= 0 && b[j] == 0x0A {
            trailing += 1
            j -= 1
        }
        // Lines of only spaces at the end would be read as indentation.
        if trailing > 0 && j >= 0 && b[j] == 0x20 { return nil }
        switch trailing {
        case 0: return .literal(chomping: "-")
        case 1: return .literal(chomping: "")
        default: return .literal(chomping: "+")
        }
    }

    private static func isIndicator(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"),
            UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"),
            UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0x20, 0x09:
            return true
        default:
            return false
        }
    }

    static func decodeScalar(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> UInt32 {
        let c = b[i]
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2
        var scalar = UInt32(c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07))
        for k in 1..<length where i + k < b.count {
            scalar = scalar << 6 | UInt32(b[i + k] & 0x3F)
        }
        i += length
        return scalar
    }

    /// Whether any reader in use could resolve this plain text to something other than
    /// this string: the Kubernetes and core schemas, and YAML 1.1 as PyYAML reads it
    /// (sexagesimal numbers, timestamps, `<<`, `=`).
    static func mayReadAsNonString(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Bool {
        guard let first = b.first else { return true }
        switch first {
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            // Words: booleans and null in any schema's spelling (y and n are YAML 1.1 booleans).
            guard b.count <= 5 else { return false }
            return b.count == 1 && (first | 0x20 == UInt8(ascii: "y") || first | 0x20 == UInt8(ascii: "n"))
                || ScalarWords.matches(b, "null") || ScalarWords.matches(b, "true") || ScalarWords.matches(b, "false")
                || ScalarWords.matches(b, "yes") || ScalarWords.matches(b, "no") || ScalarWords.matches(b, "on")
                || ScalarWords.matches(b, "off")
        case UInt8(ascii: "~"):
            return b.count == 1
        case UInt8(ascii: "<"), UInt8(ascii: "="):
            return text == "<<" || text == "="
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if case .string = KubernetesScalars.resolve(b, text: text) {} else { return true }
            if case .string = CoreScalars.resolve(b, text: text) {} else { return true }
            return YAML11Syntax.isInt(b) || YAML11Syntax.isFloat(b) || NumberSyntax.isTimestamp(b)
        default:
            return false
        }
    }
}

/// The YAML 1.1 integer and float forms (as the 1.1 type repository and PyYAML define
/// them) that the other resolvers do not cover: underscores, sexagesimal, binary.
enum YAML11Syntax {
    private static func isDigit(_ c: UInt8) -> Bool { NumberSyntax.isDigit(c) }

    /// Whether the text is a YAML 1.1 integer.
    ///
    /// `[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|0|[1-9][0-9_]*(:[0-5]?[0-9])*)`
    static func isInt(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) { i += 1 }
        guard i < n else { return false }
        if s[i] == UInt8(ascii: "0") {
            i += 1
            if i == n { return true }
            let body: (UInt8) -> Bool
            switch s[i] {
            case UInt8(ascii: "b"):
                i += 1
                body = { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") || $0 == UInt8(ascii: "_") }
            case UInt8(ascii: "x"):
                i += 1
                body = { HexDigit.value($0) != nil || $0 == UInt8(ascii: "_") }
            default: body = { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7")) || $0 == UInt8(ascii: "_") }
            }
            guard i < n else { return false }
            while i < n {
                guard body(s[i]) else { return false }
                i += 1
            }
            return true
        }
        guard isDigit(s[i]) else { return false }
        while i < n && (isDigit(s[i]) || s[i] == UInt8(ascii: "_")) { i += 1 }
        return sexagesimalTail(s, &i) && i == n
    }

    /// Reads the sexagesimal tail at `i` (`:` and one or two digits, repeated); false when a `:` has none.
    ///
    /// `(:[0-5]?[0-9])*`
    private static func sexagesimalTail(_ s: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        while i < s.count && s[i] == UInt8(ascii: ":") {
            i += 1
            var digits = 0
            while i < s.count && isDigit(s[i]) && digits < 2 {
                i += 1
                digits += 1
            }
            if digits == 0 { return false }
        }
        return true
    }

    /// Whether the text is a YAML 1.1 float.
    ///
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])*\.[0-9_]*([eE][-+][0-9]+)?`, `\.[0-9_]+([eE][-+][0-9]+)?`
    static func isFloat(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        if i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) { i += 1 }
        var digits = 0
        while i < n && (isDigit(s[i]) || (digits > 0 && s[i] == UInt8(ascii: "_"))) {
            i += 1
            digits += 1
        }
        if digits > 0 && !sexagesimalTail(s, &i) { return false }
        guard i < n && s[i] == UInt8(ascii: ".") else { return false }
        i += 1
        var fraction = 0
        while i < n && (isDigit(s[i]) || s[i] == UInt8(ascii: "_")) {
            i += 1
            fraction += 1
        }
        if digits == 0 && fraction == 0 { return false }
        if i < n && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            guard i < n && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) else { return false }
            i += 1
            var exp = 0
            while i < n && isDigit(s[i]) {
                i += 1
                exp += 1
            }
            if exp == 0 { return false }
        }
        return i == n
    }
}
