/// A pattern that is not valid RE2, or uses what RE2 refuses (look-around, back-references,
/// possessive quantifiers).
public struct RE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, for example `look-around is not supported by RE2`.
    public var message: String
    /// The 0-based offset, in Unicode scalars, of the offending part of the pattern.
    public var offset: Int

    /// Creates an error.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The message and the offset.
    public var description: String { "\(message) (at offset \(offset))" }
}
