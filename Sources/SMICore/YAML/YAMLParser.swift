/// Builds documents of `ManifestNode`s from the scanner's tokens: the grammar of the YAML
/// stream, properties (anchors, tags), aliases, tag resolution, merge keys and the checks
/// on keys and limits.
struct YAMLParser {
    private static let coreTagPrefix = "tag:yaml.org,2002:"

    private var scanner: YAMLScanner
    private let reader: YAMLReader
    private let file: String?
    private var anchors: [String: (node: ManifestNode, size: Int)] = [:]
    private var tagHandles: [String: String] = [:]
    private var depth = 0
    /// Set when the node just parsed was a plain, untagged `<<` (a merge key).
    private var lastNodeWasMergeKey = false
    /// Where the current document's plain integers that read as octal are.
    private var octalIntegers: [SourceLocation] = []

    init(scanner: YAMLScanner, reader: YAMLReader, file: String?) {
        self.scanner = scanner
        self.reader = reader
        self.file = file
    }

    @inline(never)
    private mutating func error(_ message: String, at mark: YAMLMark, reason: YAMLError.Reason = .syntax) -> YAMLError {
        scanner.error(message, at: mark, reason: reason)
    }

    private mutating func location(_ mark: YAMLMark) -> SourceLocation { scanner.location(mark) }

    // MARK: - Stream and documents

    /// Parses every document, handing each to `body` when it is complete; the first is
    /// numbered `firstIndex` (the documents of the text before it were read apart).
    mutating func parseStream(firstIndex: Int = 0, _ body: (ManifestDocument) -> Void) throws(YAMLError) {
        _ = try scanner.next()
        var documentCount = firstIndex
        var directivesAllowed = true
        while true {
            var token = try scanner.peek()
            while case .documentEnd = token.kind {
                _ = try scanner.next()
                directivesAllowed = true
                token = try scanner.peek()
            }
            if case .streamEnd = token.kind { break }
            if documentCount >= reader.limits.maxDocuments {
                throw error(
                    "input holds more than the limit of \(reader.limits.maxDocuments) documents", at: token.start,
                    reason: .limit)
            }
            let documentStart = token.start
            let sawDirectives = try parseDirectives(allowed: directivesAllowed)
            token = try scanner.peek()
            let root: ManifestNode
            if case .documentStart = token.kind {
                _ = try scanner.next()
                let next = try scanner.peek()
                switch next.kind {
                case .documentStart, .documentEnd, .streamEnd, .versionDirective, .tagDirective, .reservedDirective:
                    root = ManifestNode(.null, at: location(next.start))
                default:
                    root = try parseNode(block: true).node
                }
            } else {
                if sawDirectives {
                    throw error("expected '---' after the directives of a document", at: token.start)
                }
                root = try parseNode(block: true).node
            }
            token = try scanner.peek()
            directivesAllowed = false
            switch token.kind {
            case .documentEnd:
                _ = try scanner.next()
                directivesAllowed = true
            case .documentStart, .streamEnd:
                break
            case .versionDirective, .tagDirective, .reservedDirective:
                throw error("a directive must follow a document end marker '...'", at: token.start)
            default:
                throw error("expected the end of the document, found \(Self.describe(token.kind))", at: token.start)
            }
            if token.start.index - documentStart.index > reader.limits.maxDocumentBytes {
                throw error(
                    "document exceeds the limit of \(reader.limits.maxDocumentBytes) bytes", at: documentStart,
                    reason: .limit)
            }
            var document = ManifestDocument(root: root, file: file, index: documentCount)
            document.octalIntegers = octalIntegers
            octalIntegers.removeAll()
            if !sawDirectives {
                document.extent = .init(bytes: documentStart.lineStart..<token.start.index, line: documentStart.line)
            }
            body(document)
            documentCount += 1
            anchors.removeAll(keepingCapacity: true)
        }
    }

    private mutating func parseDirectives(allowed: Bool) throws(YAMLError) -> Bool {
        tagHandles = ["!": "!", "!!": Self.coreTagPrefix]
        var sawVersion = false
        var sawAny = false
        var declared: Set<String> = []
        while true {
            let head = try scanner.peek()
            switch head.kind {
            case .versionDirective, .tagDirective, .reservedDirective: break
            default: return sawAny
            }
            let token = try scanner.next()
            switch token.kind {
            case let .versionDirective(major, _):
                if !allowed { throw error("a directive must follow a document end marker '...'", at: token.start) }
                if sawVersion { throw error("duplicate %YAML directive", at: token.start) }
                if major != 1 {
                    throw error("unsupported YAML version \(major).x; this reader reads YAML 1.x", at: token.start)
                }
                sawVersion = true
            case let .tagDirective(handle, prefix):
                if !allowed { throw error("a directive must follow a document end marker '...'", at: token.start) }
                if declared.contains(handle) {
                    throw error("duplicate %TAG directive for handle '\(handle)'", at: token.start)
                }
                declared.insert(handle)
                tagHandles[handle] = prefix
            default:
                if !allowed { throw error("a directive must follow a document end marker '...'", at: token.start) }
            }
            sawAny = true
        }
    }

    // MARK: - Nodes

    /// A node and the number of nodes it denotes with aliases expanded.
    typealias Sized = (node: ManifestNode, size: Int)

    /// The anchor and tag written before a node.
    struct Properties {
        var anchor: String?
        var tag: String?
        var tagMark: YAMLMark?
        var mark: YAMLMark
    }

    /// Parses one node and everything nested in it, without recursion: collections being
    /// built wait on an explicit stack, so nesting depth costs heap, never thread stack
    /// (readers run on secondary threads with small stacks too).
    private mutating func parseNode(block: Bool) throws(YAMLError) -> Sized {
        var stack: [Frame] = []
        var request: (block: Bool, indentless: Bool)? = (block, false)
        var finished: Sized?
        while true {
            if let child = request {
                request = nil
                finished = try beginNode(block: child.block, indentless: child.indentless, pushingOnto: &stack)
            } else if let value = finished {
                guard !stack.isEmpty else { return value }
                try accept(value, into: &stack[stack.count - 1])
                finished = nil
            }
            if finished == nil {
                switch try advance(&stack[stack.count - 1]) {
                case let .child(block, indentless): request = (block, indentless)
                case .complete: finished = try finishTop(of: &stack)
                }
            }
        }
    }

    /// What a collection needs after reading its tokens: a child node, or nothing more.
    private enum Advance {
        case child(block: Bool, indentless: Bool)
        case complete
    }

    /// A collection being built, with what it waits for.
    private struct Frame {
        enum Kind { case blockSequence, indentlessSequence, blockMapping, flowSequence, flowMapping }
        /// The role of the child node being parsed for this collection.
        enum Child { case item, key, implicitKey, value, pairKey, pairValue }

        let kind: Kind
        let start: YAMLMark
        let properties: Properties?
        var items: [ManifestNode] = []
        var entries: [ManifestMapping.Entry] = []
        var mergeKeys: [Int] = []
        var size = 1
        /// A key read, waiting for its value (block and flow mappings, flow-sequence pairs).
        var pendingKey: Sized?
        var pendingKeyIsMerge = false
        /// Where the collection starts, computed when it starts: locations are computed in
        /// text order, so a long line costs linear time.
        let location: SourceLocation
        var pairLocation: SourceLocation?
        var child = Child.item
        var childMark: YAMLMark
        /// Flow collections: no ',' before the first entry.
        var first = true

        init(kind: Kind, start: YAMLMark, location: SourceLocation, properties: Properties?) {
            self.kind = kind
            self.start = start
            self.location = location
            self.properties = properties
            childMark = start
        }
    }

    /// Parses the start of a node: a scalar, alias or empty node is returned complete; for
    /// a collection, the frame that will build it is pushed and `nil` returned.
    private mutating func beginNode(block: Bool, indentless: Bool, pushingOnto stack: inout [Frame]) throws(YAMLError)
        -> Sized?
    {
        lastNodeWasMergeKey = false
        var token = try scanner.peek()
        var properties: Properties?
        if token.kind == .anchor || token.kind == .tag {
            properties = try parseProperties()
            token = try scanner.peek()
        }
        let kind: Frame.Kind
        switch token.kind {
        case .alias:
            return try parseAlias(after: properties)
        case .scalar:
            let scalar = try parseScalar(properties)
            if let properties { try apply(properties, to: scalar) }
            return scalar
        case .flowSequenceStart: kind = .flowSequence
        case .flowMappingStart: kind = .flowMapping
        case .blockSequenceStart where block: kind = .blockSequence
        case .blockMappingStart where block: kind = .blockMapping
        case .blockEntry where indentless: kind = .indentlessSequence
        default:
            return try parseEmpty(properties, before: token)
        }
        depth += 1
        if depth > reader.limits.maxDepth { throw depthExceeded() }
        if kind != .indentlessSequence { _ = try scanner.next() }
        stack.append(Frame(kind: kind, start: token.start, location: location(token.start), properties: properties))
        if kind == .blockMapping { stack[stack.count - 1].entries.reserveCapacity(4) }
        return nil
    }

    /// Pops the finished collection on top of the stack, builds its node and applies its
    /// properties.
    private mutating func finishTop(of stack: inout [Frame]) throws(YAMLError) -> Sized {
        depth -= 1
        lastNodeWasMergeKey = false
        let frame = stack.removeLast()
        let result: Sized
        switch frame.kind {
        case .blockSequence, .indentlessSequence, .flowSequence:
            result = (ManifestNode(.sequence(frame.items), at: frame.location), frame.size)
        case .blockMapping, .flowMapping:
            result = try finishMapping(frame.entries, mergeKeys: frame.mergeKeys, size: frame.size, at: frame.location)
        }
        if let properties = frame.properties { try apply(properties, to: result) }
        return result
    }

    /// Hands a finished child node to the collection that asked for it.
    private mutating func accept(_ value: Sized, into frame: inout Frame) throws(YAMLError) {
        switch frame.child {
        case .item:
            frame.items.append(value.node)
            frame.size = try add(frame.size, value.size, at: frame.childMark)
        case .key, .pairKey:
            frame.pendingKey = value
            frame.pendingKeyIsMerge = lastNodeWasMergeKey
        case .implicitKey:
            try appendEntry(value, emptyNode(at: frame.childMark), isMerge: false, to: &frame)
        case .value:
            try appendEntry(
                frame.pendingKey ?? emptyNode(at: frame.childMark), value, isMerge: frame.pendingKeyIsMerge, to: &frame)
        case .pairValue:
            try appendPair(frame.pendingKey ?? emptyNode(at: frame.childMark), value, to: &frame)
        }
    }

    private mutating func appendEntry(_ key: Sized, _ value: Sized, isMerge: Bool, to frame: inout Frame)
        throws(YAMLError)
    {
        if isMerge { frame.mergeKeys.append(frame.entries.count) }
        frame.entries.append(ManifestMapping.Entry(key: key.node, value: value.node))
        frame.size = try add(try add(frame.size, key.size, at: frame.childMark), value.size, at: frame.childMark)
        frame.pendingKey = nil
        frame.pendingKeyIsMerge = false
    }

    /// `[a: b]`: a pair in a flow sequence is a mapping with one entry.
    private mutating func appendPair(_ key: Sized, _ value: Sized, to frame: inout Frame) throws(YAMLError) {
        let mark = frame.childMark
        let entry = ManifestMapping.Entry(key: key.node, value: value.node)
        frame.items.append(ManifestNode(.mapping(ManifestMapping([entry])), at: frame.pairLocation ?? location(mark)))
        frame.size = try add(frame.size, try add(try add(1, key.size, at: mark), value.size, at: mark), at: mark)
        frame.pendingKey = nil
        frame.pairLocation = nil
    }

    /// Reads tokens for a collection until it needs a child node parsed or is complete.
    private mutating func advance(_ frame: inout Frame) throws(YAMLError) -> Advance {
        switch frame.kind {
        case .blockSequence, .indentlessSequence: return try advanceBlockSequence(&frame)
        case .blockMapping: return try advanceBlockMapping(&frame)
        case .flowSequence: return try advanceFlowSequence(&frame)
        case .flowMapping: return try advanceFlowMapping(&frame)
        }
    }

    private mutating func advanceBlockSequence(_ frame: inout Frame) throws(YAMLError) -> Advance {
        let indentless = frame.kind == .indentlessSequence
        while true {
            let token = try scanner.peek()
            switch token.kind {
            case .blockEntry:
                _ = try scanner.next()
                let next = try scanner.peek()
                frame.child = .item
                frame.childMark = token.start
                switch next.kind {
                case .blockEntry, .blockEnd:
                    try accept(emptyNode(at: token.start), into: &frame)
                case .key where indentless, .value where indentless:
                    try accept(emptyNode(at: token.start), into: &frame)
                case .scalar:
                    try accept(try parseScalar(nil), into: &frame)
                default:
                    return .child(block: true, indentless: false)
                }
            case .blockEnd where !indentless:
                _ = try scanner.next()
                return .complete
            default:
                if indentless { return .complete }
                throw error(
                    "expected '- ' at column \(frame.start.column + 1) for the next entry of the sequence that starts at \(frame.location), or less indentation; found \(Self.describe(token.kind))",
                    at: token.start)
            }
        }
    }

    private mutating func advanceBlockMapping(_ frame: inout Frame) throws(YAMLError) -> Advance {
        while true {
            var token = try scanner.peek()
            if frame.pendingKey == nil {
                switch token.kind {
                case .key:
                    _ = try scanner.next()
                    let next = try scanner.peek()
                    frame.childMark = token.start
                    switch next.kind {
                    case .key, .value, .blockEnd:
                        frame.pendingKey = emptyNode(at: token.start)
                    case .scalar:
                        frame.child = .key
                        try accept(try parseScalar(nil), into: &frame)
                    default:
                        frame.child = .key
                        return .child(block: true, indentless: true)
                    }
                case .value:
                    frame.childMark = token.start
                    frame.pendingKey = emptyNode(at: token.start)
                case .blockEnd:
                    _ = try scanner.next()
                    return .complete
                case .blockMappingStart, .blockSequenceStart:
                    throw error(
                        "inconsistent indentation: expected a key at column \(frame.start.column + 1) of the mapping that starts at \(frame.location), or less indentation",
                        at: token.start)
                default:
                    throw error(
                        "expected a key at column \(frame.start.column + 1) of the mapping that starts at \(frame.location), or less indentation; found \(Self.describe(token.kind))",
                        at: token.start)
                }
                token = try scanner.peek()
            }
            frame.child = .value
            guard token.kind == .value else {
                try accept(emptyNode(at: token.start), into: &frame)
                continue
            }
            _ = try scanner.next()
            let next = try scanner.peek()
            frame.childMark = token.start
            switch next.kind {
            case .key, .value, .blockEnd:
                try accept(emptyNode(at: token.start), into: &frame)
            case .scalar:
                try accept(try parseScalar(nil), into: &frame)
            default:
                return .child(block: true, indentless: true)
            }
        }
    }

    private mutating func advanceFlowSequence(_ frame: inout Frame) throws(YAMLError) -> Advance {
        while true {
            var token = try scanner.peek()
            if frame.pendingKey != nil {
                // The value of a pair (`[a: b]`).
                frame.child = .pairValue
                guard token.kind == .value else {
                    try accept(emptyNode(at: token.start), into: &frame)
                    continue
                }
                _ = try scanner.next()
                let next = try scanner.peek()
                frame.childMark = token.start
                if next.kind == .flowEntry || next.kind == .flowSequenceEnd {
                    try accept(emptyNode(at: token.start), into: &frame)
                    continue
                }
                return .child(block: false, indentless: false)
            }
            if token.kind == .flowSequenceEnd {
                _ = try scanner.next()
                return .complete
            }
            if !frame.first {
                guard token.kind == .flowEntry else {
                    throw error(
                        "expected ',' or ']' in the flow sequence that starts at \(frame.location), found \(Self.describe(token.kind))",
                        at: token.start)
                }
                _ = try scanner.next()
                token = try scanner.peek()
                if token.kind == .flowSequenceEnd { continue }
            }
            frame.first = false
            frame.childMark = token.start
            switch token.kind {
            case .key:
                _ = try scanner.next()
                frame.pairLocation = location(token.start)
                let next = try scanner.peek()
                if next.kind == .value || next.kind == .flowEntry || next.kind == .flowSequenceEnd {
                    frame.pendingKey = emptyNode(at: token.start)
                    continue
                }
                frame.child = .pairKey
                return .child(block: false, indentless: false)
            case .value:
                frame.pairLocation = location(token.start)
                frame.pendingKey = emptyNode(at: token.start)
            case .flowEntry:
                throw error("expected a value before ',' in a flow sequence", at: token.start)
            case .scalar:
                frame.child = .item
                try accept(try parseScalar(nil), into: &frame)
            default:
                frame.child = .item
                return .child(block: false, indentless: false)
            }
        }
    }

    private mutating func advanceFlowMapping(_ frame: inout Frame) throws(YAMLError) -> Advance {
        while true {
            var token = try scanner.peek()
            if frame.pendingKey != nil {
                frame.child = .value
                guard token.kind == .value else {
                    try accept(emptyNode(at: token.start), into: &frame)
                    continue
                }
                _ = try scanner.next()
                let next = try scanner.peek()
                frame.childMark = token.start
                if next.kind == .flowEntry || next.kind == .flowMappingEnd {
                    try accept(emptyNode(at: token.start), into: &frame)
                    continue
                }
                return .child(block: false, indentless: false)
            }
            if token.kind == .flowMappingEnd {
                _ = try scanner.next()
                return .complete
            }
            if !frame.first {
                guard token.kind == .flowEntry else {
                    throw error(
                        "expected ',' or '}' in the flow mapping that starts at \(frame.location), found \(Self.describe(token.kind))",
                        at: token.start)
                }
                _ = try scanner.next()
                token = try scanner.peek()
                if token.kind == .flowMappingEnd { continue }
            }
            frame.first = false
            frame.childMark = token.start
            switch token.kind {
            case .key:
                _ = try scanner.next()
                let next = try scanner.peek()
                if next.kind == .value || next.kind == .flowEntry || next.kind == .flowMappingEnd {
                    frame.pendingKey = emptyNode(at: token.start)
                    continue
                }
                frame.child = .key
                return .child(block: false, indentless: false)
            case .value:
                frame.pendingKey = emptyNode(at: token.start)
            case .flowEntry:
                throw error("expected a key before ',' in a flow mapping", at: token.start)
            default:
                // A key without ':' (`{a, b: c}`): its value is empty.
                frame.child = .implicitKey
                return .child(block: false, indentless: false)
            }
        }
    }

    @inline(never)
    private mutating func parseProperties() throws(YAMLError) -> Properties {
        var token = try scanner.peek()
        var properties = Properties(mark: token.start)
        while token.kind == .anchor || token.kind == .tag {
            let property = try scanner.next()
            if case let .anchor(name) = property.kind {
                if properties.anchor != nil { throw error("a node can have only one anchor", at: token.start) }
                properties.anchor = name
            } else if case let .tag(handle, suffix) = property.kind {
                if properties.tag != nil { throw error("a node can have only one tag", at: token.start) }
                properties.tag = try resolveTag(handle, suffix, at: token.start)
                properties.tagMark = token.start
            }
            token = try scanner.peek()
        }
        return properties
    }

    @inline(never)
    private mutating func parseAlias(after properties: Properties?) throws(YAMLError) -> Sized {
        let token = try scanner.next()
        if let properties {
            throw error("an alias cannot have an anchor or a tag", at: properties.mark)
        }
        guard case let .alias(name) = token.kind else { return emptyNode(at: token.start) }
        guard let target = anchors[name] else {
            throw error("alias '*\(name)' refers to no anchor defined before it", at: token.start)
        }
        return (ManifestNode(target.node.value, at: location(token.start)), target.size)
    }

    private mutating func parseScalar(_ properties: Properties?) throws(YAMLError) -> Sized {
        let token = try scanner.next()
        guard case let .scalar(text, style) = token.kind else { return emptyNode(at: token.start) }
        if text.utf8.count > reader.limits.maxScalarBytes {
            throw error(
                "scalar exceeds the limit of \(reader.limits.maxScalarBytes) bytes", at: token.start, reason: .limit)
        }
        let value = try resolveScalar(text, style: style, tag: properties?.tag, at: properties?.tagMark ?? token.start)
        lastNodeWasMergeKey =
            style == .plain && properties?.tag == nil && reader.schema == .kubernetes
            && text.utf8.count == 2 && text == "<<"
        return (ManifestNode(value, at: location(token.start)), 1)
    }

    /// A node with properties and no content (`key: &a` or `- !!str`), or an error where a
    /// node must be.
    @inline(never)
    private mutating func parseEmpty(_ properties: Properties?, before token: YAMLTokenHead) throws(YAMLError) -> Sized
    {
        guard let properties else {
            throw error("expected a value, found \(Self.describe(token.kind))", at: token.start)
        }
        let value = try resolveScalar("", style: .plain, tag: properties.tag, at: properties.tagMark ?? token.start)
        let result: Sized = (ManifestNode(value, at: location(properties.mark)), 1)
        try apply(properties, to: result)
        return result
    }

    @inline(never)
    private mutating func apply(_ properties: Properties, to result: Sized) throws(YAMLError) {
        if let tag = properties.tag {
            try checkCollectionTag(tag, result.node.value, at: properties.tagMark ?? properties.mark)
        }
        if let anchor = properties.anchor { anchors[anchor] = result }
    }

    @inline(never)
    private mutating func depthExceeded() -> YAMLError {
        error(
            "document nests deeper than the limit of \(reader.limits.maxDepth) levels", at: scanner.currentMark,
            reason: .limit)
    }

    private mutating func emptyNode(at mark: YAMLMark) -> Sized {
        (ManifestNode(.null, at: location(mark)), 1)
    }

    private mutating func add(_ a: Int, _ b: Int, at mark: YAMLMark) throws(YAMLError) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow || sum > reader.limits.maxAliasExpansion { throw expansionExceeded(at: mark) }
        return sum
    }

    @inline(never)
    private mutating func expansionExceeded(at mark: YAMLMark) -> YAMLError {
        error(
            "document denotes more than \(reader.limits.maxAliasExpansion) nodes once its aliases are expanded (an alias bomb?)",
            at: mark, reason: .limit)
    }

    // MARK: - Mappings: merge keys and duplicates

    @inline(never)
    private mutating func finishMapping(
        _ entries: [ManifestMapping.Entry], mergeKeys: [Int], size: Int, at location: SourceLocation
    ) throws(YAMLError) -> Sized {
        var entries = entries
        if !mergeKeys.isEmpty {
            entries = try merge(entries, mergeKeys: Set(mergeKeys))
        }
        if !reader.allowsDuplicateKeys {
            try checkDuplicateKeys(entries)
        }
        return (ManifestNode(.mapping(ManifestMapping(entries)), at: location), size)
    }

    /// YAML 1.1 merge keys (`<<: *base`), which Kubernetes' YAML library applies: keys of
    /// the mapping itself win over merged ones, and earlier merged mappings over later ones.
    @inline(never)
    private func merge(_ entries: [ManifestMapping.Entry], mergeKeys: Set<Int>) throws(YAMLError) -> [ManifestMapping
        .Entry]
    {
        var own: [ManifestMapping.Entry] = []
        var merged: [ManifestMapping.Entry] = []
        for (index, entry) in entries.enumerated() {
            guard mergeKeys.contains(index) else {
                own.append(entry)
                continue
            }
            let sources: [ManifestNode]
            switch entry.value.value {
            case .mapping: sources = [entry.value]
            case let .sequence(items): sources = items
            default:
                throw YAMLError(
                    .content, "the value of a merge key '<<' must be a mapping or a sequence of mappings",
                    at: entry.value.location ?? SourceLocation(line: 1, column: 1), file: file)
            }
            for source in sources {
                guard case let .mapping(m) = source.value else {
                    throw YAMLError(
                        .content, "the value of a merge key '<<' must be a mapping or a sequence of mappings",
                        at: source.location ?? SourceLocation(line: 1, column: 1), file: file)
                }
                merged.append(contentsOf: m.entries)
            }
        }
        var seen = Set<ScalarKey>()
        for entry in own { if let k = ScalarKey(entry.key.value) { seen.insert(k) } }
        var result = own
        for entry in merged {
            guard let k = ScalarKey(entry.key.value) else {
                result.append(entry)
                continue
            }
            if seen.insert(k).inserted { result.append(entry) }
        }
        return result
    }

    @inline(never)
    private func checkDuplicateKeys(_ entries: [ManifestMapping.Entry]) throws(YAMLError) {
        guard entries.count > 1 else { return }
        if entries.count <= 8 {
            for i in 1..<entries.count {
                for j in 0..<i where Self.sameScalarKey(entries[i].key.value, entries[j].key.value) {
                    throw duplicate(entries[i].key, first: entries[j].key)
                }
            }
            return
        }
        var seen: [ScalarKey: Int] = [:]
        seen.reserveCapacity(entries.count)
        for (i, entry) in entries.enumerated() {
            guard let k = ScalarKey(entry.key.value) else { continue }
            if let j = seen.updateValue(i, forKey: k) {
                throw duplicate(entry.key, first: entries[j].key)
            }
        }
    }

    /// Whether two keys are the same scalar, without building hashable keys.
    private static func sameScalarKey(_ a: ManifestValue, _ b: ManifestValue) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null): return true
        case let (.double(x), .double(y)): return x == y || (x.isNaN && y.isNaN)
        default: return false
        }
    }

    @inline(never)
    private func duplicate(_ key: ManifestNode, first: ManifestNode) -> YAMLError {
        let name: String
        switch key.value {
        case let .string(s): name = "'\(s)'"
        case let .int(i): name = "\(i)"
        case let .bool(b): name = "\(b)"
        case let .double(d): name = "\(d)"
        default: name = "null"
        }
        let firstAt = first.location.map { " (first defined at \($0))" } ?? ""
        return YAMLError(
            .content, "duplicate mapping key \(name)\(firstAt)", at: key.location ?? SourceLocation(line: 1, column: 1),
            file: file)
    }

    // MARK: - Tags and scalars

    @inline(never)
    private mutating func resolveTag(_ handle: String, _ suffix: String, at mark: YAMLMark) throws(YAMLError) -> String
    {
        if handle.isEmpty { return suffix }
        if handle == "!" && suffix.isEmpty { return "!" }
        guard let prefix = tagHandles[handle] else {
            throw error("tag handle '\(handle)' is not declared by a %TAG directive", at: mark)
        }
        return prefix + suffix
    }

    @inline(never)
    private mutating func resolveScalar(_ text: String, style: YAMLScalarStyle, tag: String?, at mark: YAMLMark)
        throws(YAMLError) -> ManifestValue
    {
        guard let tag else {
            guard style == .plain else { return .string(text) }
            let value = reader.schema.resolvePlain(text)
            if reader.schema == .kubernetes, KubernetesScalars.readsAsOctal(text, value) {
                octalIntegers.append(location(mark))
            }
            return value
        }
        guard tag.hasPrefix(Self.coreTagPrefix) else {
            return .string(text)
        }
        let name = tag.dropFirst(Self.coreTagPrefix.count)
        switch name {
        case "str", "binary", "timestamp":
            return .string(text)
        case "null":
            if text.isEmpty || style != .plain { return .null }
            if case .null = YAMLSchema.core.resolvePlain(text) { return .null }
            throw error("'\(text)' is not a null (tagged !!null)", at: mark, reason: .content)
        case "bool":
            for schema in [reader.schema, .core] {
                if case let .bool(b) = schema.resolvePlain(text) { return .bool(b) }
            }
            throw error("'\(text)' is not a boolean (tagged !!bool)", at: mark, reason: .content)
        case "int":
            for schema in [reader.schema, .kubernetes] {
                if case let .int(i) = schema.resolvePlain(text) { return .int(i) }
            }
            throw error("'\(text)' is not an integer (tagged !!int)", at: mark, reason: .content)
        case "float":
            for schema in [reader.schema, .kubernetes] {
                switch schema.resolvePlain(text) {
                case let .double(d): return .double(d)
                case let .int(i): return .double(Double(i))
                default: continue
                }
            }
            throw error("'\(text)' is not a number (tagged !!float)", at: mark, reason: .content)
        case "map", "omap", "pairs", "set", "seq":
            throw error("a scalar cannot have the collection tag '!!\(name)'", at: mark, reason: .content)
        default:
            return .string(text)
        }
    }

    @inline(never)
    private mutating func checkCollectionTag(_ tag: String, _ value: ManifestValue, at mark: YAMLMark) throws(YAMLError)
    {
        switch (tag, value) {
        case (Self.coreTagPrefix + "map", .sequence), (Self.coreTagPrefix + "seq", .mapping):
            throw error("a \(value.typeName) cannot have the tag '\(tag)'", at: mark, reason: .content)
        case (Self.coreTagPrefix + "str", .mapping), (Self.coreTagPrefix + "str", .sequence):
            throw error("a \(value.typeName) cannot have the tag '!!str'", at: mark, reason: .content)
        default:
            return
        }
    }

    static func describe(_ kind: YAMLTokenTag) -> String {
        switch kind {
        case .streamStart: return "the start of the input"
        case .streamEnd: return "the end of the input"
        case .versionDirective, .tagDirective, .reservedDirective: return "a directive"
        case .documentStart: return "'---'"
        case .documentEnd: return "'...'"
        case .blockSequenceStart, .blockEntry: return "'- '"
        case .blockMappingStart, .key: return "a mapping key"
        case .blockEnd: return "less indentation"
        case .flowSequenceStart: return "'['"
        case .flowSequenceEnd: return "']'"
        case .flowMappingStart: return "'{'"
        case .flowMappingEnd: return "'}'"
        case .flowEntry: return "','"
        case .value: return "':'"
        case .alias: return "an alias"
        case .anchor: return "an anchor"
        case .tag: return "a tag"
        case .scalar: return "a scalar"
        }
    }
}

/// A hashable stand-in for a scalar key, to find duplicate keys.
enum ScalarKey: Hashable {
    case null, bool(Bool), int(Int), double(UInt64), string(String)

    init?(_ value: ManifestValue) {
        switch value {
        case .null: self = .null
        case let .bool(b): self = .bool(b)
        case let .int(i): self = .int(i)
        case let .double(d): self = .double(d.isNaN ? Double.nan.bitPattern : (d == 0 ? 0 : d.bitPattern))
        case let .string(s): self = .string(s)
        case .sequence, .mapping: return nil
        }
    }
}
