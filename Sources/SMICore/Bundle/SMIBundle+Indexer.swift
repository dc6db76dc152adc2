extension SMIBundle {
    /// Gathers decoded documents one at a time, in input order, into what becomes a bundle:
    /// so that a caller can hand documents over as they are decoded and free them.
    struct Indexer {
        var targets = InOrder<Access.V1Alpha3.TrafficTarget>()
        var splits = InOrder<Split.V1Alpha4.TrafficSplit>()
        var groups: [Key: Item<Specs.V1Alpha4.HTTPRouteGroup>] = [:]
        var tcp: [Key: Item<Specs.V1Alpha4.TCPRoute>] = [:]
        var udp: [Key: Item<Specs.V1Alpha4.UDPRoute>] = [:]
        var destinationPorts: [Key: Int] = [:]
        var namespaces: Set<String> = []
        var diagnostics: [Diagnostic] = []
        private var repeats = Repeats()

        /// Indexes the next document.
        mutating func add(_ prepared: Prepared) {
            let document = prepared.document
            diagnostics += prepared.diagnostics
            if case .other = document.content { return }
            namespaces.formUnion(prepared.namespaces)
            guard let canonical = prepared.canonical else { return }
            if case let .trafficTarget(o) = canonical, let destinationPort = prepared.destinationPort {
                destinationPorts[key(o.metadata, document, reporting: false)] = destinationPort
            }
            switch canonical {
            case let .trafficTarget(o):
                Self.insert(repeats.sharing(o), key(o.metadata, document), document, into: &targets, reporting: &diagnostics)
            case let .httpRouteGroup(o):
                Self.insert(repeats.sharing(o), key(o.metadata, document), document, into: &groups, reporting: &diagnostics)
            case let .tcpRoute(o):
                Self.insert(o, key(o.metadata, document), document, into: &tcp, reporting: &diagnostics)
            case let .udpRoute(o):
                Self.insert(o, key(o.metadata, document), document, into: &udp, reporting: &diagnostics)
            case let .trafficSplit(o):
                Self.insert(o, key(o.metadata, document), document, into: &splits, reporting: &diagnostics)
            case .trafficMetrics, .trafficMetricsList:
                return
            }
        }

        /// The bundle of everything added.
        var bundle: SMIBundle { SMIBundle(self) }

        /// The key of an object: a missing namespace means `default`, as kubectl applies it.
        private mutating func key(_ metadata: ObjectMeta, _ document: SMIDocument, reporting: Bool = true) -> Key {
            if metadata.namespace == nil && reporting {
                diagnostics.append(Diagnostic(
                    .info, .defaultNamespace, "no metadata.namespace; the object is read as in namespace 'default'",
                    object: document.object, path: "metadata", file: document.source.file,
                    location: document.source.location(at: "metadata")))
            }
            return Key(namespace: metadata.namespace ?? "default", name: metadata.name ?? "")
        }

        /// Indexes an object; a second object of the same kind, namespace and name replaces
        /// the first, as a second `kubectl apply` of it would, and is reported.
        private static func insert<Object>(
            _ object: Object, _ key: Key, _ document: SMIDocument, into index: inout [Key: Item<Object>], reporting diagnostics: inout [Diagnostic]
        ) {
            if let previous = index.updateValue(Item(object: object, key: key, document: document), forKey: key) {
                reportReplaced(previous.origin, by: document, key, into: &diagnostics)
            }
        }

        /// Adds an object to a list kept in input order; a second object of the same kind,
        /// namespace and name replaces the first where it was, and is reported.
        private static func insert<Object>(
            _ object: Object, _ key: Key, _ document: SMIDocument, into list: inout InOrder<Object>, reporting diagnostics: inout [Diagnostic]
        ) {
            if let previous = list.insert(Item(object: object, key: key, document: document)) {
                reportReplaced(previous.origin, by: document, key, into: &diagnostics)
            }
        }

        private static func reportReplaced(_ previous: SMIDocument, by document: SMIDocument, _ key: Key, into diagnostics: inout [Diagnostic]) {
            let firstAt = previous.source.location.map { " (the other one is at \($0))" } ?? ""
            diagnostics.append(Diagnostic(
                .warning, .duplicateObject, "a second \(document.object?.kind ?? "object") named \(key) replaces the first\(firstAt)",
                object: document.object, file: document.source.file, location: document.source.location))
        }
    }

    /// Items of one kind in the order they were first added, one per key: the bundle lists
    /// them sorted by key, and input usually comes sorted (as `kubectl get` writes it), so
    /// sorting what is already in order is one pass, where sorting a dictionary's values
    /// starts from no order at all.
    struct InOrder<Object: Sendable> {
        private var items: [Item<Object>] = []
        private var positions: [Key: Int] = [:]

        /// Adds an item, or replaces the one with its key; returns the one replaced.
        mutating func insert(_ item: Item<Object>) -> Item<Object>? {
            guard let position = positions[item.key] else {
                positions[item.key] = items.count
                items.append(item)
                return nil
            }
            defer { items[position] = item }
            return items[position]
        }

        /// The items, sorted by key.
        func sorted() -> [Item<Object>] {
            items.sorted { $0.key < $1.key }
        }
    }
}
