/// Decodes `Decodable` types from manifest nodes, so every typed resource is a plain
/// `Codable` struct.
///
/// Numbers decode strictly, as Kubernetes' JSON decoding does: a string field takes only a
/// string, an integer field only an integral number. Errors carry the field path and the
/// source location of the offending node. With `rejectsUnknownKeys`, a key that the type
/// never asks for is an error, as `kubectl --validate=strict` reports it.
public struct ManifestDecoder: Sendable {
    /// Whether keys that the decoded type does not read are errors.
    public var rejectsUnknownKeys: Bool
    /// The file name used in errors.
    public var file: String?

    /// Creates a decoder.
    public init(rejectsUnknownKeys: Bool = false, file: String? = nil) {
        self.rejectsUnknownKeys = rejectsUnknownKeys
        self.file = file
    }

    /// Decodes a value of `type` from `node`.
    public func decode<T: Decodable>(_ type: T.Type, from node: ManifestNode) throws(ManifestDecodingError) -> T {
        let (value, unknown) = try decodeCollectingUnknownKeys(type, from: node)
        if rejectsUnknownKeys, let first = unknown.first { throw first }
        return value
    }

    /// Decodes a value of `type` from `node`, and lists every key the type does not read, in
    /// document order.
    ///
    /// The list is empty unless `rejectsUnknownKeys`, so that all of them can be reported
    /// rather than the first.
    public func decodeCollectingUnknownKeys<T: Decodable>(
        _ type: T.Type, from node: ManifestNode
    ) throws(ManifestDecodingError) -> (value: T, unknownKeys: [ManifestDecodingError]) {
        let state = DecodingState(file: file, tracksKeys: rejectsUnknownKeys)
        let value: T
        do {
            value = try T(from: NodeDecoder(node: node, codingPath: [], state: state))
        } catch let error as ManifestDecodingError {
            throw error
        } catch let error as DecodingError {
            throw Self.convert(error, root: node, file: file)
        } catch {
            throw ManifestDecodingError("\(error)", path: FieldPath(), location: node.location, file: file)
        }
        return (value, state.unknownKeys())
    }

    /// Decodes a value of `type` from `node` and reports every problem at once.
    ///
    /// Each missing required field, each value of the wrong type and each unknown key (with
    /// `rejectsUnknownKeys`), in document order, as `kubectl apply` reports an object's field
    /// errors.
    ///
    /// A field in error is read as an empty value so that decoding goes on; the value is
    /// returned only when there is no error.
    public func decodeCollectingErrors<T: Decodable>(_ type: T.Type, from node: ManifestNode) -> (
        value: T?, errors: [ManifestDecodingError]
    ) {
        let state = DecodingState(file: file, tracksKeys: rejectsUnknownKeys, recoveringFrom: node)
        var value: T?
        do {
            value = try T(from: NodeDecoder(node: node, codingPath: [], state: state))
        } catch is DecodingState.Abandoned {
            value = nil
        } catch {
            state.record(error)
        }
        let errors = state.errors(adding: state.unknownKeys())
        return (errors.isEmpty ? value : nil, errors)
    }

    /// Turns a `DecodingError` thrown by hand-written `init(from:)` code into one with a
    /// source location, found by following its coding path.
    static func convert(_ error: DecodingError, root: ManifestNode, file: String?) -> ManifestDecodingError {
        let context: DecodingError.Context
        let message: String
        switch error {
        case let .typeMismatch(type, c):
            context = c
            message = c.debugDescription.isEmpty ? "expected \(type)" : c.debugDescription
        case let .valueNotFound(type, c):
            context = c
            message = c.debugDescription.isEmpty ? "expected \(type), found null" : c.debugDescription
        case let .keyNotFound(key, c):
            context = DecodingError.Context(codingPath: c.codingPath + [key], debugDescription: c.debugDescription)
            message = "missing required field"
        case let .dataCorrupted(c):
            context = c
            message = c.debugDescription
        @unknown default:
            return ManifestDecodingError("\(error)", path: FieldPath(), location: root.location, file: file)
        }
        var path = FieldPath(codingPath: context.codingPath)
        var node = root.node(at: path)
        while node == nil && !path.components.isEmpty {
            path.components.removeLast()
            node = root.node(at: path)
        }
        return ManifestDecodingError(
            message, path: FieldPath(codingPath: context.codingPath), location: node?.location, file: file)
    }
}

/// What one decoding run shares between its containers: the file name and, when unknown
/// keys are rejected, which entries of each decoded mapping were read.
final class DecodingState {
    /// The entries of one mapping that one keyed container read.
    final class Reads {
        let path: [any CodingKey]
        let mapping: ManifestMapping
        var read: [Bool]

        init(path: [any CodingKey], mapping: ManifestMapping) {
            self.path = path
            self.mapping = mapping
            read = Array(repeating: false, count: mapping.count)
        }
    }

    /// Thrown where a field in error cannot be read as an empty value either (a type whose
    /// decoding checks what it reads): the field around it is read as empty instead.
    struct Abandoned: Error {}

    let file: String?
    let tracksKeys: Bool
    /// The root being decoded, when errors are recorded and decoding goes on past them
    /// (`decodeCollectingErrors`); nil when the first error is thrown.
    let recoveryRoot: ManifestNode?
    private var containers: [Reads] = []
    private var recorded: [ManifestDecodingError] = []

    init(file: String?, tracksKeys: Bool, recoveringFrom root: ManifestNode? = nil) {
        self.file = file
        self.tracksKeys = tracksKeys
        recoveryRoot = root
    }

    /// Whether errors are recorded and decoding goes on past them.
    var recovers: Bool { recoveryRoot != nil }

    /// Notes an error met while recovering.
    func record(_ error: any Error) {
        switch error {
        case let error as ManifestDecodingError:
            recorded.append(error)
        case let error as DecodingError:
            recorded.append(ManifestDecoder.convert(error, root: recoveryRoot ?? ManifestNode(.null), file: file))
        case is Abandoned:
            break
        default:
            recorded.append(
                ManifestDecodingError("\(error)", path: FieldPath(), location: recoveryRoot?.location, file: file))
        }
    }

    /// `body` over `child`; when recovering, an error it throws is recorded and `body` runs
    /// again over an empty stand-in for the field, whose value nobody uses.
    func recovering<T>(_ child: NodeDecoder, _ body: (NodeDecoder) throws -> T) throws -> T {
        guard recovers, !child.standsIn else { return try body(child) }
        do {
            return try body(child)
        } catch {
            record(error)
        }
        do {
            return try body(child.standIn)
        } catch {
            throw Abandoned()
        }
    }

    /// The recorded errors and `others`, in document order, each once.
    func errors(adding others: [ManifestDecodingError]) -> [ManifestDecodingError] {
        var seen = Set<String>()
        let all = (recorded + others).filter { seen.insert("\($0.path)\u{0}\($0.message)").inserted }
        return all.enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }

    /// A record for a new keyed container over `mapping`, when keys are tracked.
    func register(_ mapping: ManifestMapping, at path: [any CodingKey]) -> Reads? {
        guard tracksKeys else { return nil }
        let reads = Reads(path: path, mapping: mapping)
        containers.append(reads)
        return reads
    }

    /// The keys that no container asked for, in document order.
    ///
    /// Containers over the same field (a type that reads its mapping twice) share what they
    /// read.
    func unknownKeys() -> [ManifestDecodingError] {
        // Most containers read every entry; only the places of those that did not (often the
        // root, which types read with two containers) need their readers' flags merged.
        let depths = Set(containers.lazy.filter { $0.read.contains(false) }.map(\.path.count))
        guard !depths.isEmpty else { return [] }
        // Containers over one field share what they read (the field's coding path, as keys).
        var byPlace: [[String]: (path: [any CodingKey], mapping: ManifestMapping, read: [Bool])] = [:]
        for container in containers where depths.contains(container.path.count) {
            let place = container.path.map { $0.intValue.map(String.init) ?? $0.stringValue }
            if var seen = byPlace[place], seen.read.count == container.read.count {
                for (i, flag) in container.read.enumerated() where flag { seen.read[i] = true }
                byPlace[place] = seen
            } else if byPlace[place] == nil {
                byPlace[place] = (container.path, container.mapping, container.read)
            }
        }
        var found: [(location: SourceLocation?, error: ManifestDecodingError)] = []
        for entry in byPlace.values {
            for (i, e) in entry.mapping.entries.enumerated() where !entry.read[i] {
                guard case let .string(key) = e.key.value else { continue }
                let path = FieldPath(codingPath: entry.path).appending(key)
                found.append(
                    (
                        e.key.location,
                        ManifestDecodingError(
                            "unknown field '\(key)'", path: path, location: e.key.location, file: file)
                    ))
            }
        }
        return found.sorted { a, b in
            switch (a.location, b.location) {
            case let (l?, r?): return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.error.path.description < b.error.path.description
            }
        }.map(\.error)
    }
}

/// A coding key for sequence elements and ad-hoc string keys (free-form maps).
struct ManifestCodingKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

struct NodeDecoder: Decoder {
    let node: ManifestNode
    let codingPath: [any CodingKey]
    let state: DecodingState
    /// Whether this decoder stands in for a field in error while recovering: it reads as an
    /// empty value (empty containers, zero, "", false) and reports nothing.
    var standsIn = false
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// An empty stand-in for this decoder's field.
    var standIn: NodeDecoder {
        NodeDecoder(node: ManifestNode(.null, at: node.location), codingPath: codingPath, state: state, standsIn: true)
    }

    func fail(_ message: String, at node: ManifestNode? = nil) -> ManifestDecodingError {
        ManifestDecodingError(
            message, path: FieldPath(codingPath: codingPath), location: (node ?? self.node).location, file: state.file)
    }

    func mismatch(_ expected: String) -> ManifestDecodingError {
        fail("expected \(expected), found \(Self.describe(node.value))")
    }

    static func describe(_ value: ManifestValue) -> String {
        switch value {
        case .null: return "null"
        case let .bool(b): return "boolean \(b)"
        case let .int(i): return "integer \(i)"
        case let .double(d): return "number \(d)"
        case let .string(s): return s.count > 40 ? "a string" : "string \"\(s)\""
        case .sequence: return "a sequence"
        case .mapping: return "a mapping"
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if standsIn {
            return KeyedDecodingContainer(KeyedNodeDecoder<Key>(decoder: self, mapping: ManifestMapping(), reads: nil))
        }
        guard case let .mapping(m) = node.value else { throw mismatch("a mapping") }
        return KeyedDecodingContainer(
            KeyedNodeDecoder<Key>(decoder: self, mapping: m, reads: state.register(m, at: codingPath)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        if standsIn { return UnkeyedNodeDecoder(decoder: self, items: []) }
        guard case let .sequence(items) = node.value else { throw mismatch("a sequence") }
        return UnkeyedNodeDecoder(decoder: self, items: items)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func child(_ node: ManifestNode, _ key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], state: state, standsIn: standsIn)
    }

    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        if let node = node as? T { return node }
        return try T(from: self)
    }
}

extension NodeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        if case .null = node.value { return true }
        return false
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        if standsIn { return false }
        guard case let .bool(b) = node.value else { throw mismatch("a boolean") }
        return b
    }

    func decode(_ type: String.Type) throws -> String {
        if standsIn { return "" }
        guard case let .string(s) = node.value else { throw mismatch("a string") }
        return s
    }

    func decode(_ type: Double.Type) throws -> Double {
        if standsIn { return 0 }
        switch node.value {
        case let .double(d): return d
        case let .int(i): return Double(i)
        default: throw mismatch("a number")
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decodeInteger<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        if standsIn { return 0 }
        switch node.value {
        case let .int(i):
            guard let v = I(exactly: i) else { throw fail("integer \(i) is out of range for \(I.self)") }
            return v
        case let .double(d):
            guard d.rounded() == d, let v = I(exactly: d) else {
                throw fail(
                    d.rounded() == d
                        ? "number \(d) is out of range for \(I.self)" : "expected an integer, found number \(d)")
            }
            return v
        default:
            throw mismatch("an integer")
        }
    }

    func decode(_ type: Int.Type) throws -> Int { try decodeInteger(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try decodeInteger(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try decodeInteger(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try decodeInteger(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try decodeInteger(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try decodeInteger(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try decodeInteger(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try decodeInteger(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try decodeInteger(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try decodeInteger(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodeValue(type) }
}

struct KeyedNodeDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let mapping: ManifestMapping
    private let index: [String: Int]?
    /// Which entries were read, when unknown keys are tracked.
    private let reads: DecodingState.Reads?

    init(decoder: NodeDecoder, mapping: ManifestMapping, reads: DecodingState.Reads?) {
        self.decoder = decoder
        self.mapping = mapping
        self.reads = reads
        if mapping.count > 8 {
            var index: [String: Int] = [:]
            for (i, e) in mapping.entries.enumerated() {
                if case let .string(k) = e.key.value, index[k] == nil { index[k] = i }
            }
            self.index = index
        } else {
            index = nil
        }
    }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] {
        mapping.entries.compactMap { e in
            if case let .string(k) = e.key.value { return Key(stringValue: k) }
            return nil
        }
    }

    private func position(_ key: Key) -> Int? {
        if let index { return index[key.stringValue] }
        let wanted = key.stringValue
        return mapping.entries.firstIndex { if case let .string(k) = $0.key.value { k == wanted } else { false } }
    }

    /// The entry for `key`, noted as read.
    private func read(_ key: Key) -> ManifestMapping.Entry? {
        guard let i = position(key) else { return nil }
        reads?.read[i] = true
        return mapping.entries[i]
    }

    /// The decoder of `key`'s value.
    ///
    /// A missing key is an error reported at the field's own path (as `kubectl` reports
    /// `spec.sources: Required value`); while recovering it is recorded and the field reads as
    /// empty.
    private func value(_ key: Key) throws -> NodeDecoder {
        guard let e = read(key) else {
            let missing = decoder.child(ManifestNode(.null, at: decoder.node.location), key)
            if decoder.standsIn { return missing }
            let error = missingField(key, of: missing)
            guard decoder.state.recovers else { throw error }
            decoder.state.record(error)
            return missing.standIn
        }
        return decoder.child(e.value, key)
    }

    /// The error for a missing `key`.
    ///
    /// A required field is often missing because it is misspelled: the key that is probably
    /// meant is named, where it is, and counts as read so that it is not reported again as
    /// unknown.
    private func missingField(_ key: Key, of missing: NodeDecoder) -> ManifestDecodingError {
        if let i = mapping.entries.firstIndex(where: { Self.isNearMiss($0.key.value.stringValue, of: key.stringValue) }
        ),
            let name = mapping.entries[i].key.value.stringValue
        {
            reads?.read[i] = true
            return missing.fail(
                "missing required field; unknown field '\(name)' may be a misspelling of it", at: mapping.entries[i].key
            )
        }
        return missing.fail("missing required field", at: decoder.node)
    }

    /// `body` over `key`'s value, recovering from its errors when the decoding run does.
    private func decoded<T>(_ key: Key, _ body: (NodeDecoder) throws -> T) throws -> T {
        try decoder.state.recovering(try value(key), body)
    }

    func contains(_ key: Key) -> Bool { position(key) != nil }

    /// Whether `candidate` differs from `key` by case alone or by at most two edits (both at
    /// least three characters long, so that short keys are not matched by chance).
    static func isNearMiss(_ candidate: String?, of key: String) -> Bool {
        guard let candidate, candidate != key else { return false }
        let a = Array(candidate.lowercased().unicodeScalars)
        let b = Array(key.lowercased().unicodeScalars)
        guard a.count >= 3, b.count >= 3, a.count <= 64, b.count <= 64, abs(a.count - b.count) <= 2 else {
            return false
        }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let e = read(key) else { return true }
        if case .null = e.value.value { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try decoded(key) { try $0.decode(type) } }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try decoded(key) { try $0.decode(type) } }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoded(key) { try $0.decodeValue(type) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try decoded(key) { try $0.container(keyedBy: type) }
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoded(key) { try $0.unkeyedContainer() }
    }

    func superDecoder() throws -> any Decoder { decoder }

    func superDecoder(forKey key: Key) throws -> any Decoder { try value(key) }
}

struct UnkeyedNodeDecoder: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [ManifestNode]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [ManifestNode]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw decoder.fail("expected more elements in the sequence")
        }
        let child = decoder.child(items[currentIndex], ManifestCodingKey(intValue: currentIndex))
        currentIndex += 1
        return child
    }

    /// `body` over the next element, recovering from its errors when the decoding run does.
    private mutating func decodedNext<T>(_ body: (NodeDecoder) throws -> T) throws -> T {
        try decoder.state.recovering(try next(), body)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd else { return false }
        if case .null = items[currentIndex].value {
            currentIndex += 1
            return true
        }
        return false
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: String.Type) throws -> String { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Double.Type) throws -> Double { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Float.Type) throws -> Float { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Int.Type) throws -> Int { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try decodedNext { try $0.decode(type) } }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try decodedNext { try $0.decode(type) } }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try decodedNext { try $0.decodeValue(type) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<
        NestedKey
    > {
        try decodedNext { try $0.container(keyedBy: type) }
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try decodedNext { try $0.unkeyedContainer() }
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}
