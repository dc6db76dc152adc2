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
    /// Set by `parseNode` when the node it returned was a plain, untagged `<<`.
    private var lastNodeWasMergeKey = false

    init(scanner: YAMLScanner, reader: YAMLReader, file: String?) {
        self.scanner = scanner
        self.reader = reader
        self.file = file
    }

    private mutating func error(_ message: String, at mark: YAMLMark, reason: YAMLError.Reason = .syntax) -> YAMLError {
        scanner.error(message, at: mark, reason: reason)
    }

    private mutating func location(_ mark: YAMLMark) -> SourceLocation { scanner.location(mark) }

    // MARK: - Stream and documents

    /// Parses every document, handing each to `body` when it is complete.
    mutating func parseStream(_ body: (ManifestDocument) -> Void) throws(YAMLError) {
        _ = try scanner.next()
        var documentCount = 0
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
                throw error("input holds more than the limit of \(reader.limits.maxDocuments) documents", at: token.start, reason: .limit)
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
                    root = try parseNode(block: true, indentlessSequence: false).node
                }
            } else {
                if sawDirectives {
                    throw error("expected '---' after the directives of a document", at: token.start)
                }
                root = try parseNode(block: true, indentlessSequence: false).node
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
                throw error("document exceeds the limit of \(reader.limits.maxDocumentBytes) bytes", at: documentStart, reason: .limit)
            }
            body(ManifestDocument(root: root, file: file, index: documentCount))
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
                if major != 1 { throw error("unsupported YAML version \(major).x; this reader reads YAML 1.x", at: token.start) }
                sawVersion = true
            case let .tagDirective(handle, prefix):
                if !allowed { throw error("a directive must follow a document end marker '...'", at: token.start) }
                if declared.contains(handle) { throw error("duplicate %TAG directive for handle '\(handle)'", at: token.start) }
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

    private mutating func parseNode(block: Bool, indentlessSequence: Bool) throws(YAMLError) -> Sized {
        lastNodeWasMergeKey = false
        var anchor: String?
        var tag: (handle: String, suffix: String, mark: YAMLMark)?
        var token = try scanner.peek()
        let propertiesMark = token.start
        while token.kind == .anchor || token.kind == .tag {
            let property = try scanner.next()
            if case let .anchor(name) = property.kind {
                if anchor != nil { throw error("a node can have only one anchor", at: token.start) }
                anchor = name
            } else if case let .tag(handle, suffix) = property.kind {
                if tag != nil { throw error("a node can have only one tag", at: token.start) }
                tag = (handle, suffix, token.start)
            }
            token = try scanner.peek()
        }
        if token.kind == .alias {
            if anchor != nil || tag != nil {
                throw error("an alias cannot have an anchor or a tag", at: propertiesMark)
            }
            guard case let .alias(name) = try scanner.next().kind else { return emptyNode(at: token.start) }
            guard let target = anchors[name] else {
                throw error("alias '*\(name)' refers to no anchor defined before it", at: token.start)
            }
            return (ManifestNode(target.node.value, at: location(token.start)), target.size)
        }
        let resolvedTag = try tag.map { t throws(YAMLError) in try resolveTag(t.handle, t.suffix, at: t.mark) }
        var result: Sized
        switch token.kind {
        case .scalar:
            guard case let .scalar(text, style) = try scanner.next().kind else { return emptyNode(at: token.start) }
            if text.utf8.count > reader.limits.maxScalarBytes {
                throw error("scalar exceeds the limit of \(reader.limits.maxScalarBytes) bytes", at: token.start, reason: .limit)
            }
            let value = try resolveScalar(text, style: style, tag: resolvedTag, at: tag?.mark ?? token.start)
            result = (ManifestNode(value, at: location(token.start)), 1)
            if style == .plain && tag == nil && text.utf8.count == 2 && text == "<<" && reader.schema == .kubernetes {
                lastNodeWasMergeKey = true
                if let anchor { anchors[anchor] = result }
                return result
            }
        case .flowSequenceStart:
            result = try nested { p throws(YAMLError) in try p.parseFlowSequence() }
        case .flowMappingStart:
            result = try nested { p throws(YAMLError) in try p.parseFlowMapping() }
        case .blockSequenceStart where block:
            result = try nested { p throws(YAMLError) in try p.parseBlockSequence() }
        case .blockMappingStart where block:
            result = try nested { p throws(YAMLError) in try p.parseBlockMapping() }
        case .blockEntry where indentlessSequence:
            result = try nested { p throws(YAMLError) in try p.parseIndentlessSequence() }
        default:
            if anchor == nil && tag == nil {
                throw error("expected a value, found \(Self.describe(token.kind))", at: token.start)
            }
            let value = try resolveScalar("", style: .plain, tag: resolvedTag, at: tag?.mark ?? token.start)
            result = (ManifestNode(value, at: location(propertiesMark)), 1)
        }
        if let resolvedTag { try checkCollectionTag(resolvedTag, result.node.value, at: tag?.mark ?? token.start) }
        if let anchor { anchors[anchor] = result }
        return result
    }

    private mutating func nested(_ body: (inout YAMLParser) throws(YAMLError) -> Sized) throws(YAMLError) -> Sized {
        depth += 1
        defer { depth -= 1 }
        if depth > reader.limits.maxDepth {
            throw error("document nests deeper than the limit of \(reader.limits.maxDepth) levels", at: scanner.currentMark, reason: .limit)
        }
        return try body(&self)
    }

    private mutating func emptyNode(at mark: YAMLMark) -> Sized {
        (ManifestNode(.null, at: location(mark)), 1)
    }

    private mutating func parseBlockSequence() throws(YAMLError) -> Sized {
        let start = try scanner.next()
        var items: [ManifestNode] = []
        var size = 1
        while true {
            let token = try scanner.peek()
            switch token.kind {
            case .blockEntry:
                _ = try scanner.next()
                let next = try scanner.peek()
                let item: Sized
                switch next.kind {
                case .blockEntry, .blockEnd: item = emptyNode(at: token.start)
                default: item = try parseNode(block: true, indentlessSequence: false)
                }
                items.append(item.node)
                size = try add(size, item.size, at: token.start)
            case .blockEnd:
                _ = try scanner.next()
                return (ManifestNode(.sequence(items), at: location(start.start)), size)
            default:
                throw error("expected '- ' at column \(start.start.column + 1) for the next entry of the sequence that starts at \(location(start.start)), or less indentation; found \(Self.describe(token.kind))", at: token.start)
            }
        }
    }

    private mutating func parseIndentlessSequence() throws(YAMLError) -> Sized {
        let start = try scanner.peek()
        var items: [ManifestNode] = []
        var size = 1
        while true {
            let token = try scanner.peek()
            guard case .blockEntry = token.kind else { break }
            _ = try scanner.next()
            let next = try scanner.peek()
            let item: Sized
            switch next.kind {
            case .blockEntry, .key, .value, .blockEnd: item = emptyNode(at: token.start)
            default: item = try parseNode(block: true, indentlessSequence: false)
            }
            items.append(item.node)
            size = try add(size, item.size, at: token.start)
        }
        return (ManifestNode(.sequence(items), at: location(start.start)), size)
    }

    private mutating func parseBlockMapping() throws(YAMLError) -> Sized {
        let start = try scanner.next()
        var entries: [ManifestMapping.Entry] = []
        entries.reserveCapacity(4)
        var mergeKeys: [Int] = []
        var size = 1
        while true {
            var token = try scanner.peek()
            let key: Sized
            switch token.kind {
            case .key:
                _ = try scanner.next()
                let next = try scanner.peek()
                switch next.kind {
                case .key, .value, .blockEnd: key = emptyNode(at: token.start)
                default:
                    key = try parseNode(block: true, indentlessSequence: true)
                    if lastNodeWasMergeKey { mergeKeys.append(entries.count) }
                }
            case .value:
                key = emptyNode(at: token.start)
            case .blockEnd:
                _ = try scanner.next()
                return try finishMapping(entries, mergeKeys: mergeKeys, size: size, at: start.start)
            case .blockMappingStart, .blockSequenceStart:
                throw error("inconsistent indentation: expected a key at column \(start.start.column + 1) of the mapping that starts at \(location(start.start)), or less indentation", at: token.start)
            default:
                throw error("expected a key at column \(start.start.column + 1) of the mapping that starts at \(location(start.start)), or less indentation; found \(Self.describe(token.kind))", at: token.start)
            }
            token = try scanner.peek()
            let value: Sized
            if case .value = token.kind {
                _ = try scanner.next()
                let next = try scanner.peek()
                switch next.kind {
                case .key, .value, .blockEnd: value = emptyNode(at: token.start)
                default: value = try parseNode(block: true, indentlessSequence: true)
                }
            } else {
                value = emptyNode(at: token.start)
            }
            entries.append(ManifestMapping.Entry(key: key.node, value: value.node))
            size = try add(try add(size, key.size, at: token.start), value.size, at: token.start)
        }
    }

    private mutating func parseFlowSequence() throws(YAMLError) -> Sized {
        let start = try scanner.next()
        var items: [ManifestNode] = []
        var size = 1
        var first = true
        while true {
            var token = try scanner.peek()
            if case .flowSequenceEnd = token.kind {
                _ = try scanner.next()
                return (ManifestNode(.sequence(items), at: location(start.start)), size)
            }
            if !first {
                guard case .flowEntry = token.kind else {
                    throw error("expected ',' or ']' in the flow sequence that starts at \(location(start.start)), found \(Self.describe(token.kind))", at: token.start)
                }
                _ = try scanner.next()
                token = try scanner.peek()
                if case .flowSequenceEnd = token.kind { continue }
            }
            first = false
            switch token.kind {
            case .key, .value:
                let pair = try parseFlowPair(end: .flowSequenceEnd)
                let entry = ManifestMapping.Entry(key: pair.key.node, value: pair.value.node)
                let pairSize = try add(try add(1, pair.key.size, at: token.start), pair.value.size, at: token.start)
                items.append(ManifestNode(.mapping(ManifestMapping([entry])), at: location(token.start)))
                size = try add(size, pairSize, at: token.start)
            case .flowEntry:
                throw error("expected a value before ',' in a flow sequence", at: token.start)
            default:
                let item = try parseNode(block: false, indentlessSequence: false)
                items.append(item.node)
                size = try add(size, item.size, at: token.start)
            }
        }
    }

    /// `? key : value` or `key: value` inside a flow collection, with either side empty.
    private mutating func parseFlowPair(end: FlowEnd) throws(YAMLError) -> (key: Sized, value: Sized, keyIsMerge: Bool) {
        var token = try scanner.peek()
        var keyIsMerge = false
        let key: Sized
        if case .key = token.kind {
            _ = try scanner.next()
            let next = try scanner.peek()
            if next.kind.isValue || next.kind.isFlowEntry || end.matches(next.kind) {
                key = emptyNode(at: token.start)
            } else {
                key = try parseNode(block: false, indentlessSequence: false)
                keyIsMerge = lastNodeWasMergeKey
            }
        } else {
            key = emptyNode(at: token.start)
        }
        token = try scanner.peek()
        let value: Sized
        if token.kind.isValue {
            _ = try scanner.next()
            let next = try scanner.peek()
            if next.kind.isFlowEntry || end.matches(next.kind) {
                value = emptyNode(at: token.start)
            } else {
                value = try parseNode(block: false, indentlessSequence: false)
            }
        } else {
            value = emptyNode(at: token.start)
        }
        return (key, value, keyIsMerge)
    }

    enum FlowEnd {
        case flowSequenceEnd, flowMappingEnd
        func matches(_ kind: YAMLTokenTag) -> Bool {
            switch (self, kind) {
            case (.flowSequenceEnd, .flowSequenceEnd), (.flowMappingEnd, .flowMappingEnd): return true
            default: return false
            }
        }
    }

    private mutating func parseFlowMapping() throws(YAMLError) -> Sized {
        let start = try scanner.next()
        var entries: [ManifestMapping.Entry] = []
        var mergeKeys: [Int] = []
        var size = 1
        var first = true
        while true {
            var token = try scanner.peek()
            if case .flowMappingEnd = token.kind {
                _ = try scanner.next()
                return try finishMapping(entries, mergeKeys: mergeKeys, size: size, at: start.start)
            }
            if !first {
                guard case .flowEntry = token.kind else {
                    throw error("expected ',' or '}' in the flow mapping that starts at \(location(start.start)), found \(Self.describe(token.kind))", at: token.start)
                }
                _ = try scanner.next()
                token = try scanner.peek()
                if case .flowMappingEnd = token.kind { continue }
            }
            first = false
            let pair: (key: Sized, value: Sized, keyIsMerge: Bool)
            switch token.kind {
            case .key, .value:
                pair = try parseFlowPair(end: .flowMappingEnd)
                if pair.keyIsMerge { mergeKeys.append(entries.count) }
            case .flowEntry:
                throw error("expected a key before ',' in a flow mapping", at: token.start)
            default:
                pair = (try parseNode(block: false, indentlessSequence: false), emptyNode(at: token.start), false)
            }
            entries.append(ManifestMapping.Entry(key: pair.key.node, value: pair.value.node))
            size = try add(try add(size, pair.key.size, at: token.start), pair.value.size, at: token.start)
        }
    }

    private mutating func add(_ a: Int, _ b: Int, at mark: YAMLMark) throws(YAMLError) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        if overflow || sum > reader.limits.maxAliasExpansion {
            throw error("document denotes more than \(reader.limits.maxAliasExpansion) nodes once its aliases are expanded (an alias bomb?)", at: mark, reason: .limit)
        }
        return sum
    }

    // MARK: - Mappings: merge keys and duplicates

    private mutating func finishMapping(_ entries: [ManifestMapping.Entry], mergeKeys: [Int], size: Int, at mark: YAMLMark) throws(YAMLError) -> Sized {
        var entries = entries
        if !mergeKeys.isEmpty {
            entries = try merge(entries, mergeKeys: Set(mergeKeys))
        }
        if !reader.allowsDuplicateKeys {
            try checkDuplicateKeys(entries)
        }
        return (ManifestNode(.mapping(ManifestMapping(entries)), at: location(mark)), size)
    }

    /// YAML 1.1 merge keys (`<<: *base`), which Kubernetes' YAML library applies: keys of
    /// the mapping itself win over merged ones, and earlier merged mappings over later ones.
    private func merge(_ entries: [ManifestMapping.Entry], mergeKeys: Set<Int>) throws(YAMLError) -> [ManifestMapping.Entry] {
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
                throw YAMLError(.content, "the value of a merge key '<<' must be a mapping or a sequence of mappings", at: entry.value.location ?? SourceLocation(line: 1, column: 1), file: file)
            }
            for source in sources {
                guard case let .mapping(m) = source.value else {
                    throw YAMLError(.content, "the value of a merge key '<<' must be a mapping or a sequence of mappings", at: source.location ?? SourceLocation(line: 1, column: 1), file: file)
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
        return YAMLError(.content, "duplicate mapping key \(name)\(firstAt)", at: key.location ?? SourceLocation(line: 1, column: 1), file: file)
    }

    // MARK: - Tags and scalars

    private mutating func resolveTag(_ handle: String, _ suffix: String, at mark: YAMLMark) throws(YAMLError) -> String {
        if handle.isEmpty { return suffix }
        if handle == "!" && suffix.isEmpty { return "!" }
        guard let prefix = tagHandles[handle] else {
            throw error("tag handle '\(handle)' is not declared by a %TAG directive", at: mark)
        }
        return prefix + suffix
    }

    private mutating func resolveScalar(_ text: String, style: YAMLScalarStyle, tag: String?, at mark: YAMLMark) throws(YAMLError) -> ManifestValue {
        guard let tag else {
            return style == .plain ? reader.schema.resolvePlain(text) : .string(text)
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

    private mutating func checkCollectionTag(_ tag: String, _ value: ManifestValue, at mark: YAMLMark) throws(YAMLError) {
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

extension YAMLTokenTag {
    var isValue: Bool { self == .value }
    var isFlowEntry: Bool { self == .flowEntry }
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
