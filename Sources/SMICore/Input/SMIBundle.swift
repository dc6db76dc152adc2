/// The SMI objects of an input, in their canonical versions, indexed by namespace and name.
///
/// References (TrafficTarget rules, TrafficSplit matches) resolve in constant time.
///
/// Documents that are not SMI (an app's Services and Deployments often share the files) are
/// not kept: an `Inventory` reads what adapters need of them. Order is independent of the
/// input's: every collection is sorted by namespace and name.
public struct SMIBundle: Sendable {
    /// A namespace and a name.
    public struct Key: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The namespace.
        public var namespace: String
        /// The name.
        public var name: String

        /// Creates a key.
        public init(namespace: String, name: String) {
            self.namespace = namespace
            self.name = name
        }

        /// Orders by namespace, then name.
        public static func < (lhs: Key, rhs: Key) -> Bool { (lhs.namespace, lhs.name) < (rhs.namespace, rhs.name) }

        /// `namespace/name`.
        public var description: String { "\(namespace)/\(name)" }
    }

    /// A canonical object with the document it came from (for diagnostics).
    ///
    /// Its parts are held in one shared box: a bundle of a large mesh indexes tens of
    /// thousands of items, and an item inline was over 500 bytes that every index copied when
    /// it grew and every pass over the items copied again. Of the document it keeps only the
    /// parts that are not the object again: not its content (a second copy of the object),
    /// and not the namespace and name it was written with when they are the key's.
    public struct Item<Object: Sendable>: Sendable {
        private struct Parts: Sendable {
            var object: Object
            var key: Key
            var source: DocumentSource
            var apiVersion: String
            var written: Written
            var diagnostics: [Diagnostic]
        }

        /// The kind, namespace and name the document was written with: almost always the
        /// kind and the key, which are then not kept twice.
        private enum Written: Sendable {
            case kindAndKey(kind: String)
            case other(SharedValue<Diagnostic.Object?>)

            init(_ object: Diagnostic.Object?, key: Key) {
                if let object, object == Diagnostic.Object(kind: object.kind, namespace: key.namespace, name: key.name)
                {
                    self = .kindAndKey(kind: object.kind)
                } else {
                    self = .other(SharedValue(object))
                }
            }

            func object(key: Key) -> Diagnostic.Object? {
                switch self {
                case let .kindAndKey(kind): Diagnostic.Object(kind: kind, namespace: key.namespace, name: key.name)
                case let .other(object): object.value
                }
            }
        }

        private var parts: SharedValue<Parts>

        init(object: Object, key: Key, document: SMIDocument) {
            parts = SharedValue(
                Parts(
                    object: object, key: key, source: document.source, apiVersion: document.apiVersion,
                    written: Written(document.object, key: key), diagnostics: document.diagnostics))
        }

        /// The object in its canonical version.
        public var object: Object {
            get { parts.value.object }
            set { parts.value.object = newValue }
        }

        /// Its namespace (`default` when the manifest has none, notes D15) and name.
        public var key: Key {
            get { parts.value.key }
            set {
                var changed = parts.value
                changed.written = .other(SharedValue(changed.written.object(key: changed.key)))
                changed.key = newValue
                parts.value = changed
            }
        }

        /// The decoded document, with the source locations.
        ///
        /// Its `content` is `object`, in its canonical version (the version written is its
        /// `apiVersion`); setting a content that is an object of the item's kind and version
        /// sets `object`.
        public var document: SMIDocument {
            get {
                var document = origin
                document.content = Self.smiObject(object).map(SMIDocument.Content.smi) ?? .invalid
                return document
            }
            set {
                var changed = parts.value
                if case let .smi(content) = newValue.content, let object = Self.object(in: content) {
                    changed.object = object
                }
                changed.source = newValue.source
                changed.apiVersion = newValue.apiVersion
                changed.written = Written(newValue.object, key: changed.key)
                changed.diagnostics = newValue.diagnostics
                parts.value = changed
            }
        }

        /// The `apiVersion` the object was written in.
        package var apiVersion: String { parts.value.apiVersion }

        /// The document without its content (`.invalid`): where the object came from and
        /// how it was written, for diagnostics, without making a copy of the object.
        package var origin: SMIDocument {
            let parts = parts.value
            return SMIDocument(
                content: .invalid, source: parts.source, apiVersion: parts.apiVersion,
                object: parts.written.object(key: parts.key), diagnostics: parts.diagnostics)
        }

        /// A canonical object as an `SMIObject`.
        private static func smiObject(_ object: Object) -> SMIObject? {
            switch object {
            case let o as Access.V1Alpha3.TrafficTarget: .trafficTargetV1Alpha3(o)
            case let o as Specs.V1Alpha4.HTTPRouteGroup: .httpRouteGroupV1Alpha4(o)
            case let o as Specs.V1Alpha4.TCPRoute: .tcpRouteV1Alpha4(o)
            case let o as Specs.V1Alpha4.UDPRoute: .udpRouteV1Alpha4(o)
            case let o as Split.V1Alpha4.TrafficSplit: .trafficSplitV1Alpha4(o)
            default: nil
            }
        }

        /// The object of an `SMIObject` of the item's kind in its canonical version.
        private static func object(in content: SMIObject) -> Object? {
            switch content {
            case let .trafficTargetV1Alpha3(o): o as? Object
            case let .httpRouteGroupV1Alpha4(o): o as? Object
            case let .tcpRouteV1Alpha4(o): o as? Object
            case let .udpRouteV1Alpha4(o): o as? Object
            case let .trafficSplitV1Alpha4(o): o as? Object
            default: nil
            }
        }
    }

    /// TrafficTargets, sorted by namespace and name.
    public private(set) var trafficTargets: [Item<Access.V1Alpha3.TrafficTarget>] = []
    /// HTTPRouteGroups by namespace and name.
    public private(set) var httpRouteGroups: [Key: Item<Specs.V1Alpha4.HTTPRouteGroup>] = [:]
    /// TCPRoutes by namespace and name.
    public private(set) var tcpRoutes: [Key: Item<Specs.V1Alpha4.TCPRoute>] = [:]
    /// UDPRoutes by namespace and name.
    public private(set) var udpRoutes: [Key: Item<Specs.V1Alpha4.UDPRoute>] = [:]
    /// TrafficSplits, sorted by namespace and name.
    public private(set) var trafficSplits: [Item<Split.V1Alpha4.TrafficSplit>] = []
    /// The destination port of each TrafficTarget read from access v1alpha1 or v1alpha2 that
    /// names one.
    ///
    /// Its rules then grant only on that port (notes 8.1).
    ///
    /// The canonical version has no such field, so it is kept beside the target, never dropped.
    public private(set) var destinationPorts: [Key: Int] = [:]
    /// Every namespace an SMI document of the input names: its own, and a TrafficTarget's
    /// destination.
    ///
    /// Documents that are invalid and left out count too: the namespaces an access-control
    /// rendering must cover, so that a refused object never leaves one open.
    public private(set) var namespaces: Set<String> = []
    /// What decoding, conversion and indexing found, sorted by file and position.
    public private(set) var diagnostics: [Diagnostic] = []
    /// The TrafficSplits whose documents have errors, left out or not: a split of that name
    /// routes nothing (D25), whatever an earlier document of the name said.
    package private(set) var splitsWithErrors: Set<Key> = []
    /// What is worked out from the bundle once, for all its copies.
    private(set) var memo = Memo()

    /// Decodes, converts to the canonical versions and indexes `documents`.
    ///
    /// Invalid objects are left out (they grant and route nothing) and reported. Lists (what
    /// `kubectl get -o yaml` prints) are read as their items.
    public init(_ documents: [ManifestDocument]) {
        // Decoding and conversion look at one document each, so they run on all cores.
        self.init(prepared: documents.concurrentMap(Self.prepareObjects).flatMap { $0 })
    }

    /// Indexes documents already decoded and converted, in input order.
    init(prepared documents: [Prepared]) {
        var indexer = Indexer()
        for prepared in documents { indexer.add(prepared) }
        self = indexer.bundle
    }

    /// A bundle of what an indexer gathered.
    init(_ indexer: consuming Indexer) {
        var diagnostics = indexer.diagnostics
        httpRouteGroups = indexer.groups.indexed(reporting: &diagnostics)
        tcpRoutes = indexer.tcp.indexed(reporting: &diagnostics)
        udpRoutes = indexer.udp.indexed(reporting: &diagnostics)
        trafficTargets = indexer.targets.sorted(reporting: &diagnostics)
        trafficSplits = indexer.splits.sorted(reporting: &diagnostics)
        destinationPorts = indexer.destinationPorts
        namespaces = indexer.namespaces
        splitsWithErrors = indexer.splitsWithErrors
        self.diagnostics = diagnostics.sorted(by: Self.order)
    }

    /// One document decoded and converted, before indexing.
    struct Prepared: Sendable {
        var document: SMIDocument
        var diagnostics: [Diagnostic] = []
        /// The namespaces the document names (its own, a TrafficTarget's destination).
        var namespaces: [String] = []
        var canonical: CanonicalSMIObject?
        var destinationPort: Int?

        init(document: SMIDocument, diagnostics: [Diagnostic] = []) {
            self.document = document
            self.diagnostics = diagnostics
        }

        /// A document that holds no object and carries the problems of a list (its items that
        /// are not objects); nil when there are none.
        init?(problemsOf list: ManifestDocument, _ problems: [Diagnostic]) {
            guard !problems.isEmpty else { return nil }
            self.init(
                document: SMIDocument(
                    content: .other, source: DocumentSource(list), apiVersion: "", object: nil, diagnostics: []),
                diagnostics: problems)
        }
    }

    /// Each object of `document` (its items, when it is a list) prepared, and a document
    /// that carries only the problems of the list, if it has any.
    static func prepareObjects(_ document: ManifestDocument) -> [Prepared] {
        guard document.listItems != nil else { return [prepare(document)] }
        let found = document.objects
        var prepared = found.objects.map(prepare)
        if let problems = Prepared(problemsOf: document, found.problems) { prepared.append(problems) }
        return prepared
    }

    static func prepare(_ source: ManifestDocument) -> Prepared {
        var document = SMIDocument.decode(source)
        var prepared = Prepared(document: document, diagnostics: document.diagnostics)
        if case .other = document.content { return prepared }
        if !source.octalIntegers.isEmpty { prepared.diagnostics += octalWarnings(source, object: document.object) }
        prepared.namespaces.append(document.object?.namespace ?? "default")
        if document.object?.kind == "TrafficTarget" {
            // v1alpha1 has the destination at the top level.
            for path: FieldPath in ["spec.destination.namespace", "destination.namespace"] {
                if let destination = source.root.node(at: path)?.value.stringValue {
                    prepared.namespaces.append(destination)
                }
            }
        }
        if case let .smi(object) = document.content, let (portless, port, path) = Self.withoutDestinationPort(object) {
            guard (1...65535).contains(port) else {
                prepared.diagnostics.append(
                    Diagnostic(
                        .error, .portRange, "destination port \(port) is not in 1-65535, so this target grants nothing",
                        object: document.object,
                        path: path, file: document.source.file,
                        location: (source.root.node(at: path) ?? source.root).location))
                return prepared
            }
            document.content = .smi(portless)
            prepared.destinationPort = port
        }
        let (canonical, problems) = document.canonical()
        prepared.document = document
        prepared.diagnostics += problems
        prepared.canonical = canonical
        return prepared
    }

    /// A warning for each integer of the object written with a leading zero (`010`), naming
    /// the octal value that Kubernetes reads (8).
    private static func octalWarnings(_ source: ManifestDocument, object: Diagnostic.Object?) -> [Diagnostic] {
        let wanted = Set(source.octalIntegers)
        var found: [Diagnostic] = []
        var stack: [(ManifestNode, FieldPath)] = [(source.root, FieldPath())]
        while let (node, path) = stack.popLast() {
            switch node.value {
            case let .int(value):
                if let location = node.location, wanted.contains(location) {
                    found.append(
                        Diagnostic(
                            .warning, .octalInteger,
                            "the leading zero makes this integer octal: Kubernetes reads \(value); drop the zero if a decimal number is meant",
                            object: object, path: path, file: source.file, location: location))
                }
            case let .sequence(items):
                for (index, item) in items.enumerated().reversed() { stack.append((item, path.appending(index))) }
            case let .mapping(mapping):
                for entry in mapping.entries.reversed() {
                    if let key = entry.key.value.stringValue { stack.append((entry.value, path.appending(key))) }
                }
            default:
                break
            }
        }
        return found
    }

    /// An older TrafficTarget without its destination port, and the port, when it has one.
    private static func withoutDestinationPort(_ object: SMIObject) -> (SMIObject, Int, FieldPath)? {
        switch object {
        case var .trafficTargetV1Alpha1(t):
            guard let port = t.destination.port else { return nil }
            t.destination.port = nil
            return (.trafficTargetV1Alpha1(t), port, "destination.port")
        case var .trafficTargetV1Alpha2(t):
            guard let port = t.spec.destination.port else { return nil }
            t.spec.destination.port = nil
            return (.trafficTargetV1Alpha2(t), port, "spec.destination.port")
        default:
            return nil
        }
    }

    private static func order(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        let la = a.location ?? SourceLocation(line: 0, column: 0)
        let lb = b.location ?? SourceLocation(line: 0, column: 0)
        return (a.file ?? "", la.line, la.column, a.code.rawValue) < (b.file ?? "", lb.line, lb.column, b.code.rawValue)
    }
}
