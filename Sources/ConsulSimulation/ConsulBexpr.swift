public import SMICore

/// A go-bexpr boolean expression as Consul reads a ServiceResolver subset filter.
///
/// The grammar is hashicorp/go-bexpr's `grammar/grammar.peg`, over `structs.CheckServiceNode`:
/// parsed, or refused as Consul refuses the entry that holds it, and decided for a service
/// instance.
///
/// The grammar: `or`, `and` and `not` (keywords between whitespace), parentheses, and match
/// expressions `Selector == Value`, `!=`, `contains`, `not contains`, `matches`,
/// `not matches`, `Selector is empty`, `is not empty`, `Value in Selector`, `not in`. A
/// selector is an identifier (`[a-zA-Z][a-zA-Z0-9_/]*`) followed by `.identifier` segments
/// or `["key"]` indexes; a value is a selector's text, a number, or a string literal: raw
/// between backquotes (a carriage return dropped, as Go does) or double-quoted up to the next
/// `"` and read by Go's `strconv.Unquote`. Selectors must name a field of the instance
/// (`Service.Service`, `.ID`, `.Meta`, `.Tags`, ..., `Node.Node`, `.Meta`, ...), and a
/// `matches` pattern must compile. A map key that is absent fails the lookup: the positive
/// operators read false, the negated ones and `is empty` true (`NotPresentDisposition`).
/// Not read (and so refused, stricter than recent go-bexpr): `any`/`all` collection
/// expressions, JSON-pointer selectors and `is nil`; the adapter writes none of them.
public struct ConsulBexpr: Sendable {
    /// A parsed expression.
    indirect enum Expression: Sendable {
        case or(Expression, Expression)
        case and(Expression, Expression)
        case not(Expression)
        case match([String], Operator, String?)
    }

    /// A match operator.
    enum Operator: Sendable {
        case equal, notEqual, isEmpty, isNotEmpty, isIn, isNotIn, contains, notContains, matches, notMatches
    }

    let expression: Expression

    /// The expression `text` holds, or nil when Consul would refuse it.
    public init?(_ text: String) {
        var parser = Parser(Array(text.unicodeScalars))
        guard let expression = parser.input() else { return nil }
        self.expression = expression
    }

    /// Whether the expression selects `instance`.
    public func admits(_ instance: ConsulInstance) -> Bool {
        Self.evaluate(expression, instance)
    }

    /// The instance fields filters may name: scalars, maps (`Meta`) and lists (`Tags`).
    static let scalars: Set<[String]> = [
        ["Service", "ID"], ["Service", "Service"], ["Service", "Address"], ["Service", "Port"], ["Service", "Kind"],
        ["Service", "Namespace"], ["Service", "Partition"], ["Node", "ID"], ["Node", "Node"], ["Node", "Address"],
        ["Node", "Datacenter"]
    ]
    static let maps: Set<[String]> = [["Service", "Meta"], ["Node", "Meta"]]
    static let lists: Set<[String]> = [["Service", "Tags"]]

    /// Whether a selector names a field: a scalar, a list, a map, or one key of a map.
    static func isField(_ selector: [String]) -> Bool {
        scalars.contains(selector) || lists.contains(selector) || maps.contains(selector)
            || (selector.count == 3 && maps.contains(Array(selector.prefix(2))))
    }

    private static func evaluate(_ expression: Expression, _ instance: ConsulInstance) -> Bool {
        switch expression {
        case let .or(a, b): return evaluate(a, instance) || evaluate(b, instance)
        case let .and(a, b): return evaluate(a, instance) && evaluate(b, instance)
        case let .not(a): return !evaluate(a, instance)
        case let .match(selector, op, value): return match(instance.field(selector), op, value ?? "")
        }
    }

    /// A match against a field's value; a map key that is absent is a failed lookup, which
    /// the positive operators read as false and the negated ones as true.
    private static func match(_ field: ConsulInstance.Field, _ op: Operator, _ value: String) -> Bool {
        switch op {
        case .notEqual: return !match(field, .equal, value)
        case .isNotEmpty: return !match(field, .isEmpty, value)
        case .isNotIn: return !match(field, .isIn, value)
        case .notContains: return !match(field, .contains, value)
        case .notMatches: return !match(field, .matches, value)
        default: break
        }
        switch (field, op) {
        case (.absent, .isEmpty): return true
        case (.absent, _): return false
        case let (.scalar(text), .equal): return text == value
        case let (.scalar(text), .isEmpty): return text.isEmpty
        case let (.scalar(text), .isIn), let (.scalar(text), .contains): return text.contains(value)
        case let (.scalar(text), .matches): return (try? RE2Regex(value))?.matches(text, anchoring: .search) ?? false
        case let (.list(items), .isEmpty): return items.isEmpty
        case let (.list(items), .isIn), let (.list(items), .contains): return items.contains(value)
        case let (.map(entries), .isEmpty): return entries.isEmpty
        case let (.map(entries), .isIn), let (.map(entries), .contains): return entries[value] != nil
        default: return false
        }
    }

    /// A recursive-descent reader of the grammar.
    private struct Parser {
        let text: [Unicode.Scalar]
        var at = 0

        init(_ text: [Unicode.Scalar]) {
            self.text = text
        }

        /// The whole input: an expression between optional whitespace.
        mutating func input() -> Expression? {
            skipSpace()
            guard let expression = or() else { return nil }
            skipSpace()
            return at == text.count ? expression : nil
        }

        private mutating func or() -> Expression? {
            guard let left = and() else { return nil }
            let mark = at
            if space(), keyword("or"), space(), let right = or() { return .or(left, right) }
            at = mark
            return left
        }

        private mutating func and() -> Expression? {
            guard let left = not() else { return nil }
            let mark = at
            if space(), keyword("and"), space(), let right = and() { return .and(left, right) }
            at = mark
            return left
        }

        private mutating func not() -> Expression? {
            let mark = at
            if keyword("not"), space(), let inner = not() { return .not(inner) }
            at = mark
            if literal("(") {
                skipSpace()
                guard let inner = or() else { return nil }
                skipSpace()
                return literal(")") ? inner : nil
            }
            return match()
        }

        private mutating func match() -> Expression? {
            let mark = at
            if let selector = selector() {
                if let (op, needsValue) = selectorOperator() {
                    guard ConsulBexpr.isField(selector) else { return nil }
                    guard needsValue else { return .match(selector, op, nil) }
                    guard let value = value() else { return nil }
                    // A pattern that does not compile fails the evaluator's creation.
                    if op == .matches || op == .notMatches, (try? RE2Regex(value)) == nil { return nil }
                    return .match(selector, op, value)
                }
                at = mark
            }
            guard let value = value() else { return nil }
            let afterValue = at
            for (words, op) in [(["not", "in"], Operator.isNotIn), (["in"], .isIn)] {
                at = afterValue
                if space(), words.allSatisfy({ keyword($0) && space() }), let selector = selector() {
                    return ConsulBexpr.isField(selector) ? .match(selector, op, value) : nil
                }
            }
            return nil
        }

        /// An operator after a selector, and whether a value follows it.
        private mutating func selectorOperator() -> (Operator, Bool)? {
            let mark = at
            skipSpace()
            if literal("==") { return (.equal, skipSpace()) }
            if literal("!=") { return (.notEqual, skipSpace()) }
            at = mark
            let words: [([String], Operator, Bool)] = [
                (["is", "not", "empty"], .isNotEmpty, false), (["is", "empty"], .isEmpty, false),
                (["not", "contains"], .notContains, true), (["contains"], .contains, true),
                (["not", "matches"], .notMatches, true), (["matches"], .matches, true)
            ]
            for (sequence, op, needsValue) in words {
                at = mark
                guard space() else { return nil }
                var matched = true
                for (index, word) in sequence.enumerated() {
                    guard keyword(word), index == sequence.count - 1 || space() else {
                        matched = false
                        break
                    }
                }
                if matched, !needsValue || space() { return (op, needsValue) }
            }
            at = mark
            return nil
        }

        private mutating func selector() -> [String]? {
            guard let first = identifier() else { return nil }
            var path = [first]
            while true {
                let mark = at
                if literal("."), let next = identifier() ?? digits() {
                    path.append(next)
                } else if literal("[") {
                    skipSpace()
                    guard let key = stringLiteral() else { return nil }
                    skipSpace()
                    guard literal("]") else { return nil }
                    path.append(key)
                } else {
                    at = mark
                    return path
                }
            }
        }

        private mutating func identifier() -> String? {
            guard at < text.count, text[at].isASCIILetter else { return nil }
            var out = String.UnicodeScalarView()
            while at < text.count,
                text[at].isASCIILetter || ("0"..."9").contains(text[at])
                    || "_/".unicodeScalars
                        .contains(text[at])
            {
                out.append(text[at])
                at += 1
            }
            return String(out)
        }

        /// A value: a selector's text, a number, or a string literal.
        private mutating func value() -> String? {
            if let selector = selector() { return selector.joined(separator: ".") }
            if let literal = stringLiteral() { return literal }
            // `-`? (`0` / [1-9][0-9]*) (`.` [0-9]+)?, then whitespace, the end or `)`.
            let start = at
            _ = literal("-")
            guard let whole = digits(), whole == "0" || !whole.hasPrefix("0") else { return nil }
            let mark = at
            if !(literal(".") && digits() != nil) { at = mark }
            guard at == text.count || " \t\r\n)".unicodeScalars.contains(text[at]) else { return nil }
            return String(String.UnicodeScalarView(text[start..<at]))
        }

        /// One or more decimal digits.
        private mutating func digits() -> String? {
            let start = at
            while at < text.count, ("0"..."9").contains(text[at]) { at += 1 }
            return at > start ? String(String.UnicodeScalarView(text[start..<at])) : nil
        }

        /// A raw or double-quoted string literal's text.
        private mutating func stringLiteral() -> String? {
            guard at < text.count, text[at] == "`" || text[at] == "\"" else { return nil }
            let quote = text[at]
            guard let close = text[(at + 1)...].firstIndex(of: quote) else { return nil }
            let body = text[(at + 1)..<close]
            at = close + 1
            if quote == "`" {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: body.filter { $0 != "\r" })
                return String(out)
            }
            return Self.unquote(Array(body))
        }

        /// Go's `strconv.Unquote` of a double-quoted body: the escapes Go knows; a raw
        /// newline or an unknown escape is an error.
        static func unquote(_ body: [Unicode.Scalar]) -> String? {
            var out = String.UnicodeScalarView()
            var index = 0
            while index < body.count {
                let scalar = body[index]
                index += 1
                guard scalar == "\\" else {
                    guard scalar != "\n" else { return nil }
                    out.append(scalar)
                    continue
                }
                guard index < body.count else { return nil }
                let escape = body[index]
                index += 1
                let simple: [Unicode.Scalar: Unicode.Scalar] = [
                    "a": "\u{07}", "b": "\u{08}", "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t", "v": "\u{0B}",
                    "\\": "\\", "'": "'", "\"": "\""
                ]
                if let replacement = simple[escape] {
                    out.append(replacement)
                    continue
                }
                let digits: Int
                let radix: Int
                switch escape {
                case "x": (digits, radix) = (2, 16)
                case "u": (digits, radix) = (4, 16)
                case "U": (digits, radix) = (8, 16)
                case "0"..."7": (digits, radix) = (3, 8)
                default: return nil
                }
                let start = radix == 8 ? index - 1 : index
                guard start + digits <= body.count,
                    let value = UInt32(String(String.UnicodeScalarView(body[start..<(start + digits)])), radix: radix),
                    let decoded = Unicode.Scalar(value), radix == 16 || value <= 255
                else { return nil }
                out.append(decoded)
                index = start + digits
            }
            return String(out)
        }

        private mutating func keyword(_ word: String) -> Bool {
            let scalars = Array(word.unicodeScalars)
            guard at + scalars.count <= text.count, Array(text[at..<(at + scalars.count)]) == scalars else {
                return false
            }
            at += scalars.count
            return true
        }

        private mutating func literal(_ token: String) -> Bool { keyword(token) }

        /// One or more whitespace characters.
        private mutating func space() -> Bool {
            let start = at
            skipSpace()
            return at > start
        }

        @discardableResult
        private mutating func skipSpace() -> Bool {
            while at < text.count, " \t\n\r".unicodeScalars.contains(text[at]) { at += 1 }
            return true
        }
    }
}

/// A service instance as a subset filter sees it: its service name, meta and tags.
public struct ConsulInstance: Sendable, Equatable {
    /// The service name.
    public var service: String
    /// The service meta (`consul.hashicorp.com/service-meta-<key>` annotations of its pod).
    public var meta: StringMap
    /// The service tags.
    public var tags: [String]

    /// An instance of `service`.
    public init(service: String, meta: StringMap = [:], tags: [String] = []) {
        self.service = service
        self.meta = meta
        self.tags = tags
    }

    /// What a selector reads.
    enum Field {
        case scalar(String)
        case list([String])
        case map(StringMap)
        case absent
    }

    /// The value of a field the filter names; fields the simulation does not know are empty.
    func field(_ selector: [String]) -> Field {
        switch selector {
        case ["Service", "Service"]: .scalar(service)
        case ["Service", "Meta"]: .map(meta)
        case ["Service", "Tags"]: .list(tags)
        case ["Node", "Meta"]: .map([:])
        case _ where selector.count == 3 && selector[1] == "Meta":
            (selector[0] == "Service" ? meta[selector[2]] : nil).map(Field.scalar) ?? .absent
        default: .scalar("")
        }
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
