/// A document that could not be read: where, and why, in words a person understands.
///
/// The `reason` is a stable category for programs; `message` is for people.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Why reading stopped.
    public struct Reason: Sendable, Hashable, CustomStringConvertible {
        /// A stable identifier of the category.
        public let name: String

        /// The text is not well-formed YAML (or JSON).
        public static let syntax = Reason(name: "syntax")
        /// The text is not valid UTF-8 or holds characters YAML forbids.
        public static let encoding = Reason(name: "encoding")
        /// A configured limit (size, depth, alias expansion, ...) was exceeded.
        public static let limit = Reason(name: "limit")
        /// A node's content does not fit its explicit tag (`!!int abc`) or is a duplicate key.
        public static let content = Reason(name: "content")

        /// The identifier.
        public var description: String { name }
    }

    /// The category of the failure.
    public var reason: Reason
    /// What went wrong, for example `expected ':' after mapping key`.
    public var message: String
    /// Where it went wrong.
    public var location: SourceLocation
    /// The file being read, if known.
    public var file: String?

    /// Creates an error.
    public init(_ reason: Reason, _ message: String, at location: SourceLocation, file: String? = nil) {
        self.reason = reason
        self.message = message
        self.location = location
        self.file = file
    }

    /// `file:line:column: error: message`, as a compiler prints it.
    public var description: String {
        "\(file ?? "<input>"):\(location.line):\(location.column): error: \(message)"
    }
}
