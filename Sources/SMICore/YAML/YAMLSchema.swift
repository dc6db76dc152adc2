/// How plain (unquoted, untagged) scalars resolve to types.
///
/// YAML leaves this to the schema. Kubernetes reads manifests with a YAML 1.1 style
/// resolver, under which `yes`, `on` and `0777` mean something else than under the YAML 1.2
/// core schema; reading a manifest the way the cluster will read it is what keeps a
/// translation honest.
public enum YAMLSchema: String, Sendable, CaseIterable {
    /// As Kubernetes' YAML library resolves scalars (YAML 1.1 style).
    ///
    /// `y`/`n`/`yes`/`no`/`on`/`off` (any of their usual casings) are booleans, `0777` is
    /// octal, `1_000` is an integer, `0x1F`/`0o17`/`0b101` are integers, `1e3` is a float, and
    /// timestamps stay strings.
    case kubernetes
    /// The YAML 1.2 core schema, where only `true`/`false` are booleans.
    ///
    /// `null`/`~`/empty are null, and integers are decimal, `0o` octal or `0x` hexadecimal.
    case core

    /// The value a plain scalar denotes under this schema.
    public func resolvePlain(_ text: String) -> ManifestValue {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            switch self {
            case .kubernetes: return KubernetesScalars.resolve(bytes, text: text)
            case .core: return CoreScalars.resolve(bytes, text: text)
            }
        }
    }
}

/// Scalar resolution of the YAML 1.2 core schema.
enum CoreScalars {
    static func resolve(_ s: UnsafeBufferPointer<UInt8>, text: String) -> ManifestValue {
        guard let first = s.first else { return .null }
        switch first {
        case UInt8(ascii: "~") where s.count == 1:
            return .null
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if ScalarWords.matches(s, "null") { return .null }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if ScalarWords.matches(s, "true") { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if ScalarWords.matches(s, "false") { return .bool(false) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            return number(s, text: text) ?? .string(text)
        default:
            break
        }
        return .string(text)
    }

    static func number(_ s: UnsafeBufferPointer<UInt8>, text: String) -> ManifestValue? {
        if s.count > 2 && s[0] == UInt8(ascii: "0") {
            if s[1] == UInt8(ascii: "o") {
                return NumberSyntax.integer(s[2...], radix: 8, negative: false).map { .int($0) }
                    ?? overflowDouble(s[2...], radix: 8)
            }
            if s[1] == UInt8(ascii: "x") {
                return NumberSyntax.integer(s[2...], radix: 16, negative: false).map { .int($0) }
                    ?? overflowDouble(s[2...], radix: 16)
            }
        }
        if NumberSyntax.isDecimalInteger(s) {
            if let v = Int(text) { return .int(v) }
            return Double(text).map { .double($0) }
        }
        if let special = NumberSyntax.specialFloat(s) { return .double(special) }
        if NumberSyntax.isYAMLFloat(s) { return Double(text).map { .double($0) } }
        return nil
    }

    static func overflowDouble(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int) -> ManifestValue? {
        var value = 0.0
        for d in digits {
            guard let v = HexDigit.value(d), v < radix else { return nil }
            value = value * Double(radix) + Double(v)
        }
        return digits.isEmpty ? nil : .double(value)
    }
}

/// Scalar resolution as Kubernetes' YAML library (go-yaml v2 under sigs.k8s.io/yaml) does it.
enum KubernetesScalars {
    /// Whether a plain scalar that resolved to `value` is an integer written with a leading
    /// zero that makes it octal, and so another number than it reads as (`010` is 8).
    static func readsAsOctal(_ text: String, _ value: ManifestValue) -> Bool {
        guard case let .int(octal) = value else { return false }
        let digits = text.drop { $0 == "-" || $0 == "+" }
        guard digits.count > 1, digits.first == "0",
            digits.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber || $0 == "_" })
        else { return false }
        return Int(text.filter { $0 != "_" }) != octal
    }

    static func resolve(_ s: UnsafeBufferPointer<UInt8>, text: String) -> ManifestValue {
        guard let first = s.first else { return .null }
        switch first {
        case UInt8(ascii: "~") where s.count == 1:
            return .null
        case UInt8(ascii: "n"), UInt8(ascii: "N"):
            if ScalarWords.matches(s, "null") { return .null }
            if s.count == 1 || ScalarWords.matches(s, "no") { return .bool(false) }
        case UInt8(ascii: "y"), UInt8(ascii: "Y"):
            if s.count == 1 || ScalarWords.matches(s, "yes") { return .bool(true) }
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            if ScalarWords.matches(s, "true") { return .bool(true) }
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            if ScalarWords.matches(s, "false") { return .bool(false) }
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            if ScalarWords.matches(s, "on") { return .bool(true) }
            if ScalarWords.matches(s, "off") { return .bool(false) }
        case UInt8(ascii: "."):
            if let special = NumberSyntax.specialFloat(s) { return .double(special) }
            if NumberSyntax.isGoFloat(s) { return Double(text).map { .double($0) } ?? .string(text) }
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"):
            if let special = NumberSyntax.specialFloat(s) { return .double(special) }
            return number(s) ?? .string(text)
        default:
            break
        }
        return .string(text)
    }

    /// go-yaml v2: remove `_`, then Go's `ParseInt(_, 0, 64)`, `ParseUint`, the YAML float
    /// syntax, and binary with `0b`/`-0b`.
    static func number(_ s: UnsafeBufferPointer<UInt8>) -> ManifestValue? {
        guard s.contains(UInt8(ascii: "_")) else { return numberWithoutUnderscores(s) }
        var plain: [UInt8] = []
        plain.reserveCapacity(s.count)
        for b in s where b != UInt8(ascii: "_") { plain.append(b) }
        return plain.withUnsafeBufferPointer { numberWithoutUnderscores($0) }
    }

    private static func numberWithoutUnderscores(_ p: UnsafeBufferPointer<UInt8>) -> ManifestValue? {
        guard !p.isEmpty else { return nil }
        var body = p[...]
        var negative = false
        if body.first == UInt8(ascii: "-") || body.first == UInt8(ascii: "+") {
            negative = body.first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        guard let lead = body.first else { return nil }
        var radix = 10
        if lead == UInt8(ascii: "0") && body.count > 1 {
            let marker = body[body.startIndex + 1]
            switch marker {
            case UInt8(ascii: "x"), UInt8(ascii: "X"):
                radix = 16
                body = body.dropFirst(2)
            case UInt8(ascii: "o"), UInt8(ascii: "O"):
                radix = 8
                body = body.dropFirst(2)
            case UInt8(ascii: "b"), UInt8(ascii: "B"):
                radix = 2
                body = body.dropFirst(2)
            default:
                radix = 8
                body = body.dropFirst(1)
            }
        }
        if let v = NumberSyntax.integer(body, radix: radix, negative: negative) { return .int(v) }
        if !negative, NumberSyntax.isAllDigits(body, radix: radix), !body.isEmpty {
            // Fits in UInt64 but not Int64, or larger still: a number all the same.
            let text = String(decoding: p, as: UTF8.self)
            if radix == 10, let d = Double(text) { return .double(d) }
            if radix != 10, UInt64(String(decoding: body, as: UTF8.self), radix: radix) != nil {
                return CoreScalars.overflowDouble(body, radix: radix)
            }
        }
        if NumberSyntax.isYAMLFloat(p) {
            return Double(String(decoding: p, as: UTF8.self)).map { .double($0) }
        }
        return nil
    }
}

/// Shared recognisers for the lexical forms of numbers and dates that YAML schemas use.
enum NumberSyntax {
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    static func isAllDigits<C: Collection<UInt8>>(_ s: C, radix: Int) -> Bool {
        s.allSatisfy { c in HexDigit.value(c).map { $0 < radix } ?? false }
    }

    /// Parses digits of `radix` into an `Int`, or `nil` when not all are digits or it overflows.
    static func integer<C: Collection<UInt8>>(_ digits: C, radix: Int, negative: Bool) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for c in digits {
            guard let d = HexDigit.value(c), d < radix else { return nil }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (a, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            if o1 || o2 { return nil }
            value = a
        }
        return value
    }

    /// `[-+]?[0-9]+`.
    static func isDecimalInteger<C: Collection<UInt8>>(_ s: C) -> Bool {
        var body = s[...]
        if let f = body.first, f == UInt8(ascii: "-") || f == UInt8(ascii: "+") { body = body.dropFirst() }
        guard let f = body.first, isDigit(f) else { return false }
        return body.allSatisfy { isDigit($0) }
    }

    /// `.inf`, `-.Inf`, `+.INF`, `.nan`, `.NaN`, `.NAN`.
    static func specialFloat(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        guard s.count == 4 || s.count == 5 else { return nil }
        var body = UnsafeBufferPointer(rebasing: s[...])
        var sign = 0.0
        if s.count == 5 {
            guard s[0] == UInt8(ascii: "-") || s[0] == UInt8(ascii: "+") else { return nil }
            sign = s[0] == UInt8(ascii: "-") ? -1 : 1
            body = UnsafeBufferPointer(rebasing: s[1...])
        }
        guard body[0] == UInt8(ascii: ".") else { return nil }
        let word = UnsafeBufferPointer(rebasing: body[1...])
        if ScalarWords.matches(word, "inf") { return sign < 0 ? -.infinity : .infinity }
        guard sign == 0, word.count == 3, word[0] == word[2] else { return nil }
        switch (word[0], word[1]) {
        case (UInt8(ascii: "n"), UInt8(ascii: "a")), (UInt8(ascii: "N"), UInt8(ascii: "a")),
            (UInt8(ascii: "N"), UInt8(ascii: "A")):
            return .nan
        default:
            return nil
        }
    }

    /// The float syntax of the YAML 1.2 core schema (also go-yaml's `yamlStyleFloat`):
    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`.
    static func isYAMLFloat<C: Collection<UInt8>>(_ s: C) -> Bool where C.Index == Int {
        var i = s.startIndex
        let end = s.endIndex
        if i < end && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) { i += 1 }
        var mantissaDigits = 0
        while i < end && isDigit(s[i]) {
            i += 1
            mantissaDigits += 1
        }
        if i < end && s[i] == UInt8(ascii: ".") {
            i += 1
            var fraction = 0
            while i < end && isDigit(s[i]) {
                i += 1
                fraction += 1
            }
            if mantissaDigits == 0 && fraction == 0 { return false }
        } else if mantissaDigits == 0 {
            return false
        }
        if i < end && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            if i < end && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) { i += 1 }
            var exp = 0
            while i < end && isDigit(s[i]) {
                i += 1
                exp += 1
            }
            if exp == 0 { return false }
        }
        return i == end
    }

    /// What Go's `ParseFloat` takes after a leading `.`: `.5`, `.5e3`.
    static func isGoFloat<C: Collection<UInt8>>(_ s: C) -> Bool where C.Index == Int {
        isYAMLFloat(s)
    }

    /// The YAML 1.1 timestamp forms: `2001-12-14`, `2001-12-14t21:59:43.10-05:00`,
    /// `2001-12-14 21:59:43.10 -5`.
    static func isTimestamp<C: Collection<UInt8>>(_ s: C) -> Bool where C.Index == Int {
        var i = s.startIndex
        let end = s.endIndex
        func digits(_ min: Int, _ max: Int) -> Bool {
            var n = 0
            while i < end && isDigit(s[i]) && n < max {
                i += 1
                n += 1
            }
            return n >= min
        }
        func char(_ c: Character) -> Bool {
            if i < end && s[i] == c.asciiValue {
                i += 1
                return true
            }
            return false
        }
        guard digits(4, 4), char("-"), digits(1, 2), char("-"), digits(1, 2) else { return false }
        if i == end {
            // The date-only form needs two-digit month and day.
            return s.count == 10
        }
        if char("T") || char("t") {
        } else {
            guard i < end && (s[i] == 0x20 || s[i] == 0x09) else { return false }
            while i < end && (s[i] == 0x20 || s[i] == 0x09) { i += 1 }
        }
        guard digits(1, 2), char(":"), digits(2, 2), char(":"), digits(2, 2) else { return false }
        if char(".") { _ = digits(0, 64) }
        while i < end && (s[i] == 0x20 || s[i] == 0x09) { i += 1 }
        if i == end { return true }
        if char("Z") { return i == end }
        guard char("-") || char("+") else { return false }
        guard digits(1, 2) else { return false }
        if char(":") { guard digits(2, 2) else { return false } }
        return i == end
    }
}

/// Matching of the words YAML schemas resolve (`null`, `true`, `yes`, ...) in the three
/// casings they accept: `word`, `Word` and `WORD`, on bytes.
enum ScalarWords {
    static func matches(_ s: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard s.count == word.utf8CodeUnitCount else { return false }
        let w = word.utf8Start
        let firstUpper = s[0] == w[0] &- 32
        guard s[0] == w[0] || firstUpper else { return false }
        guard s.count > 1 else { return true }
        let restUpper = firstUpper && s[1] == w[1] &- 32
        for i in 1..<s.count where s[i] != (restUpper ? w[i] &- 32 : w[i]) {
            return false
        }
        return true
    }
}
