/// Filters of ServiceResolver subsets, written in go-bexpr's grammar (hashicorp/go-bexpr
/// grammar.peg): a selector segment after a dot must be an identifier (`[a-zA-Z]
/// [a-zA-Z0-9_/]*`), any other key goes in an index (`Service.Meta["app-version"]`); a
/// double-quoted string cannot hold `"` at all and is read by Go's strconv.Unquote, so a text
/// with `"`, `\` or a control character is written raw, between backquotes.
enum ConsulFilter {
    /// `Service.Meta.<key> == "<value>"` in bexpr, or nil when a text cannot be written (it
    /// holds both `"` and a backquote, or a carriage return).
    static func metaEquals(key: String, value: String) -> String? {
        guard let value = literal(value) else { return nil }
        if isIdentifier(key) { return "Service.Meta.\(key) == \(value)" }
        guard let index = literal(key) else { return nil }
        return "Service.Meta[\(index)] == \(value)"
    }

    /// Whether `text` is a bexpr identifier.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter else { return false }
        return text.unicodeScalars.dropFirst().allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "/"
        }
    }

    /// `text` as a bexpr string literal that reads back as `text`.
    static func literal(_ text: String) -> String? {
        let plain = text.unicodeScalars.allSatisfy { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 && $0.value != 0x7F }
        if plain { return "\"\(text)\"" }
        guard !text.contains("`"), !text.contains("\r") else { return nil }
        return "`\(text)`"
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
