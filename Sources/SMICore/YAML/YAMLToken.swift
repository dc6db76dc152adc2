/// A position in the byte buffer being scanned, with the line bookkeeping needed to turn
/// it into a `SourceLocation` later.
struct YAMLMark {
    // 32-bit fields keep tokens small; `YAMLReader` refuses inputs of 2 GiB or more.
    private let storedIndex: Int32
    private let storedLine: Int32
    private let storedLineStart: Int32

    init(index: Int, line: Int, lineStart: Int) {
        storedIndex = Int32(truncatingIfNeeded: index)
        storedLine = Int32(truncatingIfNeeded: line)
        storedLineStart = Int32(truncatingIfNeeded: lineStart)
    }

    /// Byte offset into the input.
    var index: Int { Int(storedIndex) }
    /// 1-based line number.
    var line: Int { Int(storedLine) }
    /// Byte offset of the first byte of the line.
    var lineStart: Int { Int(storedLineStart) }

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
    // Rare kinds with two strings are boxed so that every token stays small.
    indirect case tagDirective(handle: String, prefix: String)
    case reservedDirective
    case documentStart, documentEnd
    case blockSequenceStart, blockMappingStart, blockEnd
    case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
    case blockEntry, flowEntry, key, value
    case alias(String)
    case anchor(String)
    indirect case tag(handle: String, suffix: String)
    case scalar(String, YAMLScalarStyle)
}

/// The kind of a token without its payload: what the parser looks at before it consumes a
/// token, cheap to copy.
enum YAMLTokenTag {
    case streamStart, streamEnd
    case versionDirective, tagDirective, reservedDirective
    case documentStart, documentEnd
    case blockSequenceStart, blockMappingStart, blockEnd
    case flowSequenceStart, flowSequenceEnd, flowMappingStart, flowMappingEnd
    case blockEntry, flowEntry, key, value
    case alias, anchor, tag, scalar
}

extension YAMLTokenKind {
    var tag: YAMLTokenTag {
        switch self {
        case .streamStart: return .streamStart
        case .streamEnd: return .streamEnd
        case .versionDirective: return .versionDirective
        case .tagDirective: return .tagDirective
        case .reservedDirective: return .reservedDirective
        case .documentStart: return .documentStart
        case .documentEnd: return .documentEnd
        case .blockSequenceStart: return .blockSequenceStart
        case .blockMappingStart: return .blockMappingStart
        case .blockEnd: return .blockEnd
        case .flowSequenceStart: return .flowSequenceStart
        case .flowSequenceEnd: return .flowSequenceEnd
        case .flowMappingStart: return .flowMappingStart
        case .flowMappingEnd: return .flowMappingEnd
        case .blockEntry: return .blockEntry
        case .flowEntry: return .flowEntry
        case .key: return .key
        case .value: return .value
        case .alias: return .alias
        case .anchor: return .anchor
        case .tag: return .tag
        case .scalar: return .scalar
        }
    }
}

/// A token and where it starts.
struct YAMLToken {
    var kind: YAMLTokenKind
    var start: YAMLMark
    let tag: YAMLTokenTag

    init(kind: YAMLTokenKind, start: YAMLMark) {
        self.kind = kind
        self.start = start
        tag = kind.tag
    }
}

/// What `YAMLScanner.peek()` shows of the next token: its kind and start.
struct YAMLTokenHead {
    var kind: YAMLTokenTag
    var start: YAMLMark
}
