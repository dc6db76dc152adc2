/// Conversions between the released versions of each SMI kind, through the canonical (newest)
/// version.
///
/// Up from any version, and down to any version where nothing is lost or widened (notes
/// sections 4.4, 5.4, 6 and 11).
///
/// A conversion that would change what an object allows or routes is refused with the field
/// that prevents it, never done silently.
public enum SMIConversion {
    /// The object in the newest version of its kind.
    ///
    /// Refused only for a v1alpha1 or v1alpha2 TrafficTarget with a `destination.port`
    /// (v1alpha3 cannot say it without rewriting routes) or a UDPRoute rule (outside their
    /// CRDs' enum), and for v1alpha1 split weights that have no exact integer ratio.
    public static func canonical(_ object: SMIObject) -> Result<CanonicalSMIObject, ConversionProblem> {
        switch object {
        case let .trafficTargetV1Alpha1(t):
            return targetUp(
                t.metadata, t.destination, t.specs, t.sources, from: Access.V1Alpha1.apiVersion, rulesPath: "specs",
                portPath: "destination.port")
        case let .trafficTargetV1Alpha2(t):
            return targetUp(
                t.metadata, t.spec.destination, t.spec.rules, t.spec.sources, from: Access.V1Alpha2.apiVersion,
                rulesPath: "spec.rules", portPath: "spec.destination.port")
        case let .trafficTargetV1Alpha3(t):
            return .success(.trafficTarget(t))
        case let .httpRouteGroupV1Alpha1(g):
            // v1alpha1 requires both (D12); without one, a match would match more than its author wrote.
            if let i = g.matches.firstIndex(where: { $0.pathRegex == nil || $0.methods == nil }) {
                let missing = g.matches[i].pathRegex == nil ? "pathRegex" : "methods"
                return .failure(
                    ConversionProblem(
                        "a v1alpha1 match requires pathRegex and methods; this one has no \(missing), so the group is not used",
                        at: FieldPath("matches").appending(i)))
            }
            let matches = g.matches.map { Specs.HTTPMatch(name: $0.name, pathRegex: $0.pathRegex, methods: $0.methods) }
            return .success(.httpRouteGroup(.init(metadata: g.metadata, spec: .init(matches: matches))))
        case let .httpRouteGroupV1Alpha2(g):
            return .success(.httpRouteGroup(.init(metadata: g.metadata, spec: .init(matches: g.matches))))
        case let .httpRouteGroupV1Alpha3(g):
            return .success(.httpRouteGroup(.init(metadata: g.metadata, spec: g.spec)))
        case let .httpRouteGroupV1Alpha4(g):
            return .success(.httpRouteGroup(g))
        case let .tcpRouteV1Alpha1(r):
            return .success(.tcpRoute(allPorts(r.metadata)))
        case let .tcpRouteV1Alpha2(r):
            return .success(.tcpRoute(allPorts(r.metadata)))
        case let .tcpRouteV1Alpha3(r):
            return .success(.tcpRoute(allPorts(r.metadata)))
        case let .tcpRouteV1Alpha4(r):
            return .success(.tcpRoute(r))
        case let .udpRouteV1Alpha4(r):
            return .success(.udpRoute(r))
        case let .trafficSplitV1Alpha1(s):
            return splitUp(s)
        case let .trafficSplitV1Alpha2(s):
            let spec = Split.Spec(service: s.spec.service, backends: s.spec.backends)
            return .success(.trafficSplit(.init(metadata: s.metadata, spec: spec)))
        case let .trafficSplitV1Alpha3(s):
            return .success(.trafficSplit(.init(metadata: s.metadata, spec: s.spec)))
        case let .trafficSplitV1Alpha4(s):
            return .success(.trafficSplit(s))
        case let .trafficMetrics(m):
            return .success(.trafficMetrics(m))
        case let .trafficMetricsList(l):
            return .success(.trafficMetricsList(l))
        }
    }

    /// The canonical object written in `apiVersion`, when that version can say everything
    /// the object says.
    public static func convert(_ canonical: CanonicalSMIObject, to apiVersion: String) -> Result<
        SMIObject, ConversionProblem
    > {
        switch canonical {
        case let .trafficTarget(t): return targetDown(t, to: apiVersion)
        case let .httpRouteGroup(g): return routeGroupDown(g, to: apiVersion)
        case let .tcpRoute(r): return tcpRouteDown(r, to: apiVersion)
        case let .udpRoute(r):
            guard apiVersion == Specs.V1Alpha4.apiVersion else {
                return .failure(
                    ConversionProblem("UDPRoute exists only in \(Specs.V1Alpha4.apiVersion)", at: "apiVersion"))
            }
            return .success(.udpRouteV1Alpha4(r))
        case let .trafficSplit(s): return splitDown(s, to: apiVersion)
        case var .trafficMetrics(m):
            guard Metrics.apiVersions.contains(apiVersion) else { return unknownVersion(apiVersion, "TrafficMetrics") }
            if let problem = metricsDown([m], inList: false, to: apiVersion) { return .failure(problem) }
            m.apiVersion = apiVersion
            return .success(.trafficMetrics(m))
        case var .trafficMetricsList(l):
            guard Metrics.apiVersions.contains(apiVersion) else {
                return unknownVersion(apiVersion, "TrafficMetricsList")
            }
            if let problem = metricsDown(l.items, inList: true, to: apiVersion) { return .failure(problem) }
            l.apiVersion = apiVersion
            for index in l.items.indices { l.items[index].apiVersion = apiVersion }
            return .success(.trafficMetricsList(l))
        }
    }

    /// Why metrics cannot be written in v1alpha1: a client of that version (the Go SDK's) drops
    /// `edge.side` and `backend`, which v1alpha2 added (notes section 7).
    ///
    /// `inList`: the items of a TrafficMetricsList, whose paths start at `items[i]`.
    private static func metricsDown(_ items: [Metrics.TrafficMetrics], inList: Bool, to apiVersion: String)
        -> ConversionProblem?
    {
        guard apiVersion == Metrics.V1Alpha1.apiVersion else { return nil }
        for (index, item) in items.enumerated() {
            let path = inList ? FieldPath([.key("items"), .index(index)]) : FieldPath()
            if item.edge?.side != nil {
                return ConversionProblem(
                    "edge.side exists only from \(Metrics.V1Alpha2.apiVersion)",
                    at: path.appending("edge").appending("side"))
            }
            if item.backend != nil {
                return ConversionProblem(
                    "backend exists only from \(Metrics.V1Alpha2.apiVersion)", at: path.appending("backend"))
            }
        }
        return nil
    }

    private static func unknownVersion(_ apiVersion: String, _ kind: String) -> Result<SMIObject, ConversionProblem> {
        .failure(ConversionProblem("\(kind) has no version '\(apiVersion)'", at: "apiVersion"))
    }

    // MARK: - TrafficTarget

    /// A v1alpha1 or v1alpha2 target (`from`) in v1alpha3.
    ///
    /// Their CRDs allow HTTPRouteGroup and TCPRoute rules only: a cluster rejects one with a
    /// UDPRoute rule, so it grants nothing (notes D25), and is refused here rather than read as
    /// v1alpha3 would read it.
    private static func targetUp(
        _ metadata: ObjectMeta, _ destination: Access.PortedSubject, _ rules: [Access.Rule]?,
        _ sources: [Access.Subject]?,
        from apiVersion: String, rulesPath: FieldPath, portPath: FieldPath
    ) -> Result<CanonicalSMIObject, ConversionProblem> {
        if let i = rules?.firstIndex(where: { $0.kind == Specs.UDPRouteKind.kind }) {
            return .failure(
                ConversionProblem(
                    "rule kind 'UDPRoute' is not in \(apiVersion), whose CRD allows HTTPRouteGroup and TCPRoute (UDPRoute rules exist from \(Access.V1Alpha3.apiVersion)): a cluster rejects this TrafficTarget, so it grants nothing",
                    at: rulesPath.appending(i).appending("kind"), code: .ruleKind))
        }
        if let port = destination.port {
            return .failure(
                ConversionProblem(
                    "destination port \(port) has no place in \(Access.V1Alpha3.apiVersion); dropping it would allow every port, so convert its rules to TCPRoutes with ports [\(port)] first",
                    at: portPath))
        }
        let spec = Access.V1Alpha3.TrafficTargetSpec(
            destination: Access.Subject(
                kind: destination.kind, name: destination.name, namespace: destination.namespace),
            rules: rules ?? [], sources: sources ?? [])
        return .success(.trafficTarget(.init(metadata: metadata, spec: spec)))
    }

    private static func targetDown(_ t: Access.V1Alpha3.TrafficTarget, to apiVersion: String) -> Result<
        SMIObject, ConversionProblem
    > {
        if apiVersion == Access.V1Alpha3.apiVersion { return .success(.trafficTargetV1Alpha3(t)) }
        if let i = t.spec.rules.firstIndex(where: { $0.kind == Specs.UDPRouteKind.kind }) {
            return .failure(
                ConversionProblem(
                    "UDPRoute rules do not exist before \(Access.V1Alpha3.apiVersion)",
                    at: FieldPath("spec.rules").appending(i).appending("kind")))
        }
        let d = t.spec.destination
        let destination = Access.PortedSubject(kind: d.kind, name: d.name, namespace: d.namespace)
        switch apiVersion {
        case Access.V1Alpha2.apiVersion:
            let spec = Access.V1Alpha2.TrafficTargetSpec(
                destination: destination, rules: t.spec.rules, sources: t.spec.sources)
            return .success(.trafficTargetV1Alpha2(.init(metadata: t.metadata, spec: spec)))
        case Access.V1Alpha1.apiVersion:
            return .success(
                .trafficTargetV1Alpha1(
                    .init(metadata: t.metadata, destination: destination, specs: t.spec.rules, sources: t.spec.sources))
            )
        default:
            return unknownVersion(apiVersion, Access.TrafficTargetKind.kind)
        }
    }

    // MARK: - Routes

    private static func allPorts(_ metadata: ObjectMeta) -> Specs.V1Alpha4.TCPRoute {
        .init(metadata: metadata, spec: .init(matches: .init(ports: [])))
    }

    private static func routeGroupDown(_ g: Specs.V1Alpha4.HTTPRouteGroup, to apiVersion: String) -> Result<
        SMIObject, ConversionProblem
    > {
        switch apiVersion {
        case Specs.V1Alpha4.apiVersion:
            return .success(.httpRouteGroupV1Alpha4(g))
        case Specs.V1Alpha3.apiVersion:
            return .success(.httpRouteGroupV1Alpha3(.init(metadata: g.metadata, spec: g.spec)))
        case Specs.V1Alpha2.apiVersion:
            return .success(.httpRouteGroupV1Alpha2(.init(metadata: g.metadata, matches: g.spec.matches)))
        case Specs.V1Alpha1.apiVersion:
            if let i = g.spec.matches.firstIndex(where: { !($0.headers?.conditions.isEmpty ?? true) }) {
                return .failure(
                    ConversionProblem(
                        "v1alpha1 matches have no headers; dropping them would widen the match",
                        at: FieldPath("spec.matches").appending(i).appending("headers")))
            }
            let matches = g.spec.matches.map {
                Specs.V1Alpha1.HTTPMatch(name: $0.name, pathRegex: $0.pathRegex, methods: $0.methods)
            }
            return .success(.httpRouteGroupV1Alpha1(.init(metadata: g.metadata, matches: matches)))
        default:
            return unknownVersion(apiVersion, Specs.HTTPRouteGroupKind.kind)
        }
    }

    private static func tcpRouteDown(_ r: Specs.V1Alpha4.TCPRoute, to apiVersion: String) -> Result<
        SMIObject, ConversionProblem
    > {
        if apiVersion == Specs.V1Alpha4.apiVersion { return .success(.tcpRouteV1Alpha4(r)) }
        guard r.spec.matches.ports.isEmpty else {
            return .failure(
                ConversionProblem(
                    "TCPRoutes before v1alpha4 cover every port; dropping the ports would widen the route",
                    at: "spec.matches.ports"))
        }
        switch apiVersion {
        case Specs.V1Alpha3.apiVersion:
            return .success(.tcpRouteV1Alpha3(.init(metadata: r.metadata, spec: Specs.EmptySpec())))
        case Specs.V1Alpha2.apiVersion: return .success(.tcpRouteV1Alpha2(.init(metadata: r.metadata)))
        case Specs.V1Alpha1.apiVersion: return .success(.tcpRouteV1Alpha1(.init(metadata: r.metadata)))
        default: return unknownVersion(apiVersion, Specs.TCPRouteKind.kind)
        }
    }

    // MARK: - TrafficSplit

    private static func splitUp(_ s: Split.V1Alpha1.TrafficSplit) -> Result<CanonicalSMIObject, ConversionProblem> {
        let weights = s.spec.backends.map(\.weight)
        let integers: [Int]
        let whole = weights.compactMap(\.integerValue)
        if whole.count == weights.count && whole.allSatisfy({ $0 >= 0 }) {
            // Whole quantities are kept as they are (notes section 6).
            integers = whole
        } else if let ratio = Quantity.integerRatio(weights) {
            integers = ratio
        } else {
            let index = weights.firstIndex(where: \.isNegative) ?? 0
            return .failure(
                ConversionProblem(
                    "weights \(weights.map(\.kubernetesText)) have no exact integer ratio",
                    at: FieldPath("spec.backends").appending(index).appending("weight")))
        }
        let backends = zip(s.spec.backends, integers).map { Split.Backend(service: $0.service, weight: $1) }
        return .success(
            .trafficSplit(.init(metadata: s.metadata, spec: .init(service: s.spec.service, backends: backends))))
    }

    private static func splitDown(_ s: Split.V1Alpha4.TrafficSplit, to apiVersion: String) -> Result<
        SMIObject, ConversionProblem
    > {
        switch apiVersion {
        case Split.V1Alpha4.apiVersion: return .success(.trafficSplitV1Alpha4(s))
        case Split.V1Alpha3.apiVersion:
            return .success(.trafficSplitV1Alpha3(.init(metadata: s.metadata, spec: s.spec)))
        default: break
        }
        if !(s.spec.matches ?? []).isEmpty {
            return .failure(
                ConversionProblem(
                    "splits before v1alpha3 apply to all traffic; dropping matches would widen the split",
                    at: "spec.matches"))
        }
        switch apiVersion {
        case Split.V1Alpha2.apiVersion:
            return .success(
                .trafficSplitV1Alpha2(
                    .init(metadata: s.metadata, spec: .init(service: s.spec.service, backends: s.spec.backends))))
        case Split.V1Alpha1.apiVersion:
            let backends = s.spec.backends.map {
                Split.QuantityBackend(service: $0.service, weight: Quantity($0.weight))
            }
            return .success(
                .trafficSplitV1Alpha1(
                    .init(metadata: s.metadata, spec: .init(service: s.spec.service, backends: backends))))
        default:
            return unknownVersion(apiVersion, Split.TrafficSplitKind.kind)
        }
    }
}
