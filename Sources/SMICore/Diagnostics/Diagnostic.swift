/// One finding about the input.
///
/// How bad, which rule (a stable code), what, about which object and field, and where in which
/// file.
///
/// Its `description` reads like a compiler message:
/// `split.yaml:12:7: error[SMI2001]: TrafficSplit default/web: spec.backends[1].weight: must not be negative`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        /// Worth knowing; nothing was changed or dropped.
        case info
        /// The result is stricter than the input asks, or the input is suspicious.
        case warning
        /// Part of the input is invalid; what it would have granted or routed is dropped.
        case error

        /// Orders `info < warning < error`.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
        }
    }

    /// The object a finding is about.
    public struct Object: Sendable, Hashable, CustomStringConvertible {
        /// The object's kind, for example `TrafficSplit`.
        public var kind: String
        /// Its namespace, if it has one.
        public var namespace: String?
        /// Its name.
        public var name: String

        /// Creates a reference.
        public init(kind: String, namespace: String?, name: String) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
        }

        /// `TrafficSplit default/web`; `(unnamed)` stands for a missing or invalid name.
        public var description: String {
            "\(kind) \(namespace.map { "\($0)/" } ?? "")\(name.isEmpty ? "(unnamed)" : name)"
        }
    }

    /// What a diagnostic says, held in one shared box: a large mesh has hundreds of thousands
    /// of diagnostics, sorted, merged and counted, and a diagnostic inline was seven
    /// reference-counted parts that every copy retained.
    private struct Fields: Sendable, Hashable {
        var severity: Severity
        var code: DiagnosticCode
        var message: String
        var object: Object?
        var path: FieldPath?
        var file: String?
        var location: SourceLocation?
        var anchor: Anchor?
    }

    /// Where the field of a diagnostic about a document whose tree was dropped is: the
    /// document's text and where its root is in it, resolved to the field's line when the
    /// diagnostics are reported (`SMIInput.located(_:)`).
    ///
    /// A reference, so that the diagnostics that need none pay only for the pointer.
    final class Anchor: Sendable, Hashable {
        /// Which of its input's texts the document is read again from.
        let text: Int
        /// Where the document is in that text.
        let extent: ManifestDocument.Extent
        /// Where the root is in the document read there: the item's path for an object of a
        /// list.
        let root: FieldPath

        init(text: Int, extent: ManifestDocument.Extent, root: FieldPath) {
            self.text = text
            self.extent = extent
            self.root = root
        }

        static func == (lhs: Anchor, rhs: Anchor) -> Bool {
            (lhs.text, lhs.extent, lhs.root) == (rhs.text, rhs.extent, rhs.root)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(text)
            hasher.combine(extent)
            hasher.combine(root)
        }
    }

    private var fields: SharedValue<Fields>

    /// How serious the finding is.
    public var severity: Severity {
        get { fields.value.severity }
        set { fields.value.severity = newValue }
    }

    /// The stable code of the rule.
    public var code: DiagnosticCode {
        get { fields.value.code }
        set { fields.value.code = newValue }
    }

    /// What is wrong, in words.
    public var message: String {
        get { fields.value.message }
        set { fields.value.message = newValue }
    }

    /// The object, when the finding is about one.
    public var object: Object? {
        get { fields.value.object }
        set { fields.value.object = newValue }
    }

    /// The field, when the finding is about one.
    public var path: FieldPath? {
        get { fields.value.path }
        set { fields.value.path = newValue }
    }

    /// The file the input came from.
    public var file: String? {
        get { fields.value.file }
        set { fields.value.file = newValue }
    }

    /// Where in the file.
    public var location: SourceLocation? {
        get { fields.value.location }
        set { fields.value.location = newValue }
    }

    /// Where its field is, until it is located: see `Anchor`.
    var anchor: Anchor? { fields.value.anchor }

    /// Points the diagnostic at `location`, found for its anchor, which it drops.
    mutating func locate(at location: SourceLocation?) {
        var located = fields.value
        located.location = location
        located.anchor = nil
        fields.value = located
    }

    /// Creates a diagnostic.
    public init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String,
        object: Object? = nil, path: FieldPath? = nil, file: String? = nil, location: SourceLocation? = nil
    ) {
        self.init(severity, code, message, object: object, path: path, file: file, location: location, anchor: nil)
    }

    /// Creates a diagnostic whose field is found later, from `anchor` (see `Anchor`).
    init(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String,
        object: Object?, path: FieldPath?, file: String?, location: SourceLocation?, anchor: Anchor?
    ) {
        fields = SharedValue(
            Fields(
                severity: severity, code: code, message: message, object: object, path: path, file: file,
                location: location, anchor: anchor))
    }

    /// Diagnostics are equal when they say the same, field by field.
    public static func == (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        lhs.fields == rhs.fields
    }

    /// Hashes what the diagnostic says.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fields)
    }

    /// The parts of a diagnostic's text, so that a terminal can style each (`formatted`).
    public enum Part: Sendable {
        /// `file:line:column: `.
        case location
        /// `error`, `warning` or `info`.
        case severity
        /// `[SMI2001]: ` after the severity.
        case code
        /// `Kind ns/name: field.path: `.
        case subject
        /// What is wrong.
        case message
    }

    /// `file:line:column: severity[CODE]: Kind ns/name: field.path: message`, leaving out
    /// the parts that are unknown.
    public var description: String {
        formatted { $1 }
    }

    /// The text of `description`, each part passed through `style` (to colour it, say).
    public func formatted(_ style: (Part, String) -> String) -> String {
        var place = ""
        let position = location.map { "\($0.line):\($0.column)" }
        if let file {
            place = file + (position.map { ":" + $0 } ?? "") + ": "
        } else if let position {
            place = position + ": "
        }
        var subject = ""
        if let object { subject += "\(object): " }
        if let path, !path.components.isEmpty { subject += "\(path): " }
        var out = place.isEmpty ? "" : style(.location, place)
        out += style(.severity, severity.rawValue) + style(.code, "[\(code.rawValue)]: ")
        if !subject.isEmpty { out += style(.subject, subject) }
        return out + style(.message, message)
    }
}

extension Diagnostic {
    /// The diagnostic for a document that is not valid YAML.
    public init(_ error: YAMLError) {
        self.init(.error, .yamlSyntax, error.message, file: error.file, location: error.location)
    }

    /// The diagnostic for a node that does not fit its type, about `object`.
    public init(_ error: ManifestDecodingError, object: Object?) {
        self.init(
            .error, error.message.hasPrefix("unknown field") ? .unknownField : .schema, error.message,
            object: object, path: error.path, file: error.file, location: error.location)
    }
}
