extension SMIBundle {
    /// Gathers decoded documents one at a time, in input order, into what becomes a bundle:
    /// so that a caller can hand documents over as they are decoded and free them.
    struct Indexer {
        var targets = InOrder<Access.V1Alpha3.TrafficTarget>()
        var splits = InOrder<Split.V1Alpha4.TrafficSplit>()
        var groups = InOrder<Specs.V1Alpha4.HTTPRouteGroup>()
        var tcp = InOrder<Specs.V1Alpha4.TCPRoute>()
        var udp = InOrder<Specs.V1Alpha4.UDPRoute>()
        var destinationPorts: [Key: Int] = [:]
        var namespaces: Set<String> = []
        var diagnostics: [Diagnostic] = []
        /// The TrafficSplits whose documents have errors.
        var splitsWithErrors: Set<Key> = []
        private var repeats = Repeats()

        /// Indexes the next document.
        mutating func add(_ prepared: Prepared) {
            let document = prepared.document
            diagnostics += prepared.diagnostics
            if let object = document.object, object.kind == "TrafficSplit",
                prepared.diagnostics.contains(where: { $0.severity == .error })
            {
                splitsWithErrors.insert(Key(namespace: object.namespace ?? "default", name: object.name))
            }
            if case .other = document.content { return }
            namespaces.formUnion(prepared.namespaces)
            guard let canonical = prepared.canonical else { return }
            // A target replacing one of its name has its own port or none, never the other's.
            if case let .trafficTarget(o) = canonical, prepared.destinationPort != nil || !destinationPorts.isEmpty {
                destinationPorts[key(o.metadata, document, reporting: false)] = prepared.destinationPort
            }
            switch canonical {
            case let .trafficTarget(o):
                targets.append(Item(object: repeats.sharing(o), key: key(o.metadata, document), document: document))
            case let .httpRouteGroup(o):
                groups.append(Item(object: repeats.sharing(o), key: key(o.metadata, document), document: document))
            case let .tcpRoute(o):
                tcp.append(Item(object: o, key: key(o.metadata, document), document: document))
            case let .udpRoute(o):
                udp.append(Item(object: o, key: key(o.metadata, document), document: document))
            case let .trafficSplit(o):
                splits.append(Item(object: o, key: key(o.metadata, document), document: document))
            case .trafficMetrics, .trafficMetricsList:
                return
            }
        }

        /// The bundle of everything added.
        var bundle: SMIBundle { SMIBundle(self) }

        /// The key of an object: a missing namespace means `default`, as kubectl applies it.
        private mutating func key(_ metadata: ObjectMeta, _ document: SMIDocument, reporting: Bool = true) -> Key {
            if metadata.namespace == nil && reporting {
                diagnostics.append(
                    Diagnostic(
                        .info, .defaultNamespace, "no metadata.namespace; the object is read as in namespace 'default'",
                        object: document.object, path: "metadata", in: document.source))
            }
            return Key(namespace: metadata.namespace ?? "default", name: metadata.name ?? "")
        }
    }

    /// Objects of one kind in input order, and what the bundle lists of them: sorted by key,
    /// and where two have one kind, namespace and name, the second replaces the first, as a
    /// second `kubectl apply` would, and is reported.
    ///
    /// Input usually comes sorted (as `kubectl get` writes it), so sorting at the end is one
    /// pass, and no table of every key is grown and looked up as each document is read.
    struct InOrder<Object: Sendable> {
        private var items: [Item<Object>] = []

        /// Adds the next object.
        mutating func append(_ item: Item<Object>) {
            items.append(item)
        }

        /// The items sorted by key, each key's last one, with a warning in `diagnostics` for
        /// each item a later one replaces.
        func sorted(reporting diagnostics: inout [Diagnostic]) -> [Item<Object>] {
            // `sorted` is stable: the items of one key stay in input order.
            let sorted = items.sorted { $0.key < $1.key }
            var kept: [Item<Object>] = []
            kept.reserveCapacity(sorted.count)
            for item in sorted {
                if let previous = kept.last, previous.key == item.key {
                    let document = item.origin
                    let firstAt = previous.origin.source.location.map { " (the other one is at \($0))" } ?? ""
                    diagnostics.append(
                        Diagnostic(
                            .warning, .duplicateObject,
                            "a second \(document.object?.kind ?? "object") named \(item.key) replaces the first\(firstAt)",
                            object: document.object, file: document.source.file, location: document.source.location))
                    kept[kept.count - 1] = item
                } else {
                    kept.append(item)
                }
            }
            return kept
        }

        /// `sorted(reporting:)` by key, to look objects up by.
        func indexed(reporting diagnostics: inout [Diagnostic]) -> [Key: Item<Object>] {
            let kept = sorted(reporting: &diagnostics)
            var index: [Key: Item<Object>] = [:]
            index.reserveCapacity(kept.count)
            for item in kept { index[item.key] = item }
            return index
        }
    }
}
