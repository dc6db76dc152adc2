@testable import ConsulAdapter
import Testing

/// Subset filters read back, under go-bexpr's grammar, as the key and value they were made
/// from: a reader of the grammar's selector, index and string-literal rules (hashicorp/go-bexpr
/// grammar/grammar.peg) parses each one.
@Suite struct ConsulFilterTests {
    @Test(arguments: [
        ("version", "v1"), ("app-version", "v2"), ("app.version", "x"), ("2nd", "y"), ("team/app", "a b"),
        ("k", "say \"hi\""), ("k", "back\\slash"), ("quote\"key", "v"), ("ünïcode", "välue"), ("k", "tab\there")
    ])
    func filtersReadBackUnderBexprsGrammar(key: String, value: String) throws {
        let filter = try #require(ConsulFilter.metaEquals(key: key, value: value))
        let (readKey, readValue) = try #require(Self.parse(filter), "\(filter) does not parse")
        #expect(readKey == key && readValue == value, "\(filter)")
    }

    @Test func aTextWithBothQuotesCannotBeWritten() {
        #expect(ConsulFilter.metaEquals(key: "k", value: "a\"b`c") == nil)
        #expect(ConsulFilter.metaEquals(key: "a-\"b`", value: "v") == nil)
    }

    /// `Service.Meta.<Identifier> == <StringLiteral>` or `Service.Meta[<StringLiteral>] ==
    /// <StringLiteral>`, as the grammar reads them; nil where it would refuse.
    static func parse(_ text: String) -> (String, String)? {
        var rest = Substring(text)
        guard rest.hasPrefix("Service.Meta") else { return nil }
        rest = rest.dropFirst("Service.Meta".count)
        let key: String
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            let identifier = rest.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "/") }
            guard let first = identifier.first, first.isASCII, first.isLetter else { return nil }
            key = String(identifier)
            rest = rest.dropFirst(identifier.count)
        } else if rest.hasPrefix("[") {
            rest = rest.dropFirst()
            guard let (literal, after) = stringLiteral(rest), after.hasPrefix("]") else { return nil }
            key = literal
            rest = after.dropFirst()
        } else {
            return nil
        }
        guard rest.hasPrefix(" == ") else { return nil }
        guard let (value, after) = stringLiteral(rest.dropFirst(4)), after.isEmpty else { return nil }
        return (key, value)
    }

    /// A raw (backquoted) or double-quoted string literal and what follows it: a double-quoted
    /// one ends at the first `"` and is then read by Go's strconv.Unquote (escapes `\\`, `\"`,
    /// `\t`, ...; a raw control character is refused).
    static func stringLiteral(_ text: Substring) -> (String, Substring)? {
        guard let open = text.first, open == "`" || open == "\"" else { return nil }
        let body = text.dropFirst()
        guard let close = body.firstIndex(of: open) else { return nil }
        let raw = body[..<close]
        let after = body[body.index(after: close)...]
        if open == "`" { return raw.contains("\r") ? nil : (String(raw), after) }
        var out = ""
        var iterator = raw.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            if scalar.value < 0x20 || scalar.value == 0x7F { return nil }
            guard scalar == "\\" else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch iterator.next() {
            case "\\": out += "\\"
            case "t": out += "\t"
            case "n": out += "\n"
            case "'": out += "'"
            default: return nil
            }
        }
        return (out, after)
    }
}
