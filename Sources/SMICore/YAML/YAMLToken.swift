/// A position in the byte buffer being scanned, with the line bookkeeping needed to turn
/// it into a `SourceLocation` later.
struct YAMLMark {
    /// Byte offset into the input.
    var index: Int
    /// 1-based line number.
    var line: Int
    /// Byte offset of the first byte of the line.
    var lineStart: Int

    /// 0-based column in bytes; indentation is ASCII spaces, so this is the column the
    /// indentation rules compare.
    var column: Int { index - lineStart }
}

/// How a scalar was written; it decides how the scalar resolves to a type.
enum YAMLScalarStyle {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One token of the YAML token stream (as in the YAML 1.2 specification's chapter 9 and
/// the usual scanner design), with where it starts.
enum YAMLTokenKind {
    case streamStart, streamEnd
    case versionDirective(major: Int, minor: Int)
    case tagDirective(handle: String, prefix: String)
    case reservedDirective
    case documentStart, documentEnd
    case blockSequenceStart, blockMappingStart, blockEnd
    case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
    case blockEntry, flowEntry, key, value
    case alias(String)
    case anchor(String)
    case tag(handle: String, suffix: String)
    case scalar(String, YAMLScalarStyle)
}

/// A token and where it starts.
struct YAMLToken {
    var kind: YAMLTokenKind
    var start: YAMLMark
}
