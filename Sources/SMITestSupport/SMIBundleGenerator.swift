import Foundation
public import SMICore

/// Generates random but reproducible SMI bundles and requests over one small space of names,
/// ports and paths.
///
/// The space is small (namespaces, service accounts, ports and paths) so that requests often
/// hit what the bundle allows: the input of property tests that compare a mesh's decisions with
/// the SMI model's.
public struct SMIBundleGenerator {
    /// The namespaces objects and identities live in.
    public static let namespaces = ["a", "b"]
    /// The service accounts.
    public static let serviceAccounts = ["web", "api", "db", "ops"]
    /// The ports routes list and requests use.
    public static let ports = [80, 8080, 9090, 53]
    static let paths = [
        "/", "/api", "/api/", "/api/v1/items", "/api/v2", "/metrics", "/metrics/", "/metrics/x", "/a/x", "/b/",
        "/admin?x=1", "/adminx", "/apix"
    ]
    /// Repetitions with minimums (`+`, `{n,}`) sit beside `.*` so that a translation reading
    /// them as `.*` admits the boundary paths (`/api/`, `/metrics/`) that SMI denies.
    static let pathRegexes = [
        "/api", "/api/v[0-9]+/.*", "", "/metrics$", "/(a|b)/.*", ".*", "/admin", ".*/x$",
        "/api/.+", "/metrics/.{1,}", "/api.{2,}", "/metrics/(?s:.+)$"
    ]
    static let methods = ["GET", "POST", "DELETE"]
    /// Subject names that are not Kubernetes names.
    static let wildcards = ["*", "w*", "a*", "WEB"]

    /// The seed of the property tests.
    ///
    /// `SMI_SEED` (or its older name `SMI_DIFFERENTIAL_SEED`) when set, else fixed, so that any
    /// run CI reports can be repeated.
    public static var seed: UInt64 {
        let environment = ProcessInfo.processInfo.environment
        return (environment["SMI_SEED"] ?? environment["SMI_DIFFERENTIAL_SEED"]).flatMap(UInt64.init) ?? 2026
    }

    private var rng: SeededGenerator
    /// Whether the last request's path or a header value was made from a bundle's regexes.
    public private(set) var lastRequestAtBoundary = false

    /// A generator whose output is fixed by `seed`.
    public init(seed: UInt64) {
        rng = SeededGenerator(seed: seed)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { rng.next() % 100 < percent }
    private mutating func some<T>(_ items: [T], max: Int) -> [T] {
        (0..<Int(rng.next() % UInt64(max + 1))).map { _ in pick(items) }
    }

    /// A bundle's objects, as canonical (newest-version) values.
    public mutating func objects() -> [CanonicalSMIObject] {
        var out: [CanonicalSMIObject] = []
        for ns in Self.namespaces {
            for g in 0..<Int(1 + rng.next() % 2) {
                out.append(.httpRouteGroup(routeGroup(name: "g\(g)", namespace: ns)))
            }
            for r in 0..<2 {
                let ports = Array(Set(some([80, 8080, 9090], max: 2))).sorted()
                out.append(
                    .tcpRoute(
                        .init(
                            metadata: ObjectMeta(name: "t\(r)", namespace: ns),
                            spec: .init(matches: .init(ports: ports)))))
            }
            out.append(
                .udpRoute(
                    .init(
                        metadata: ObjectMeta(name: "u0", namespace: ns),
                        spec: .init(matches: .init(ports: chance(50) ? [53] : [])))))
            for t in 0..<Int(1 + rng.next() % 3) {
                var rules: [Access.Rule] = []
                for _ in 0..<Int(1 + rng.next() % 3) {
                    switch rng.next() % 10 {
                    case 0...4:
                        let names = chance(40) ? some(["m0", "m1", "m2", "nope"], max: 2) : nil
                        rules.append(
                            Access.Rule(kind: "HTTPRouteGroup", name: pick(["g0", "g1", "missing"]), matches: names))
                    case 5...7: rules.append(Access.Rule(kind: "TCPRoute", name: pick(["t0", "t1"])))
                    default: rules.append(Access.Rule(kind: "UDPRoute", name: "u0"))
                    }
                }
                // Now and then a name with a `*`, which meshes read as a wildcard and SMI as a
                // name no account has.
                let sources = (0..<Int(1 + rng.next() % 2)).map { _ in
                    Access.Subject(
                        name: chance(8) ? pick(Self.wildcards) : pick(Self.serviceAccounts),
                        namespace: chance(70) ? (chance(5) ? "*" : pick(Self.namespaces)) : nil)
                }
                let destination = Access.Subject(
                    name: chance(4) ? pick(Self.wildcards) : pick(Self.serviceAccounts),
                    namespace: chance(80) ? ns : nil)
                out.append(
                    .trafficTarget(
                        .init(
                            metadata: ObjectMeta(name: "tt\(t)", namespace: ns),
                            spec: .init(destination: destination, rules: rules, sources: sources))))
            }
        }
        return out
    }

    /// A route group of one to three random matches.
    private mutating func routeGroup(name: String, namespace: String) -> Specs.V1Alpha4.HTTPRouteGroup {
        var matches: [Specs.HTTPMatch] = []
        for m in 0..<Int(1 + rng.next() % 3) {
            var conditions: [HTTPHeaderConditions.Condition] = []
            if chance(25) {
                conditions.append(
                    .init(name: "x-tenant", regex: pick(["t[0-9]", "t1", ".*", ".*1", ".+", "t.+", "t.{0,}"])))
            }
            if chance(25) { conditions.append(.init(name: "x-region", regex: pick(["eu", "us-.*"]))) }
            let headers = conditions.isEmpty ? nil : HTTPHeaderConditions(conditions)
            matches.append(
                Specs.HTTPMatch(
                    name: "m\(m)", pathRegex: chance(85) ? pick(Self.pathRegexes) : nil,
                    // Rarely a method outside the CRD enum, which makes the whole group grant nothing.
                    methods: chance(70)
                        ? Array(Set(some(Self.methods + ["*"], max: 2) + (chance(3) ? ["PURGE"] : []))).sorted() : nil,
                    headers: headers))
        }
        return .init(metadata: ObjectMeta(name: name, namespace: namespace), spec: .init(matches: matches))
    }

    /// The app's own objects for `inventory` inputs.
    ///
    /// A Deployment per namespace and service account (labelled `app: ACCOUNT`, ports 80, 8080
    /// and 9090), and the Services splits name (roots and backends), each selecting one
    /// account's pods on ports 80 and 9090.
    public static var inventoryManifests: String {
        var text = ""
        for ns in namespaces {
            for sa in serviceAccounts {
                text += """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: \(sa), namespace: \(ns)}
                    spec:
                      selector: {matchLabels: {app: \(sa)}}
                      template:
                        metadata: {labels: {app: \(sa), tier: backend}}
                        spec:
                          serviceAccountName: \(sa)
                          containers:
                          - {name: main, image: app, ports: [{containerPort: 80}, {containerPort: 8080}, {containerPort: 9090}]}
                    ---

                    """
            }
            for (service, sa) in zip(rootServices + ["v1", "v2", "v3"], ["web", "api", "db", "ops", "api"]) {
                text += """
                    apiVersion: v1
                    kind: Service
                    metadata: {name: \(service), namespace: \(ns)}
                    spec:
                      selector: {app: \(sa)}
                      ports: [{name: http, port: 80}, {name: grpc, port: 9090}]
                    ---

                    """
            }
        }
        return text
    }

    /// The root Services of generated splits.
    public static let rootServices = ["svc0", "svc1"]

    /// Route groups and TrafficSplits, as canonical values.
    ///
    /// Some splits have matches, zero weights, the root as a backend, or a second split for
    /// their root.
    public mutating func splitObjects() -> [CanonicalSMIObject] {
        var out: [CanonicalSMIObject] = []
        for ns in Self.namespaces {
            for g in 0..<2 {
                out.append(.httpRouteGroup(routeGroup(name: "g\(g)", namespace: ns)))
            }
            for s in 0..<Int(1 + rng.next() % 3) {
                let root = pick(Self.rootServices)
                let backends = (0..<Int(1 + rng.next() % 3)).map { _ in
                    Split.Backend(
                        // The other root too: splits are not hierarchical, so its share is not
                        // split again by that root's split.
                        service: pick(["v1", "v2", "v3", root] + Self.rootServices.filter { $0 != root }),
                        weight: Int(rng.next() % 4) * Int(1 + rng.next() % 25))
                }
                let matches =
                    chance(40) ? some(["g0", "g1", "missing"], max: 2).map { Split.RouteReference(name: $0) } : nil
                out.append(
                    .trafficSplit(
                        .init(
                            metadata: ObjectMeta(name: "s\(s)", namespace: ns),
                            spec: .init(service: root, backends: backends, matches: matches))))
            }
        }
        return out
    }

    /// A random request, most of the time to a destination and source a TrafficTarget of
    /// `objects` names.
    ///
    /// So many requests are decided by rules rather than by default deny.
    public mutating func request(near objects: [CanonicalSMIObject]) -> AccessRequest {
        var request = request()
        lastRequestAtBoundary = false
        let targets = objects.compactMap { object -> Access.V1Alpha3.TrafficTarget? in
            if case let .trafficTarget(t) = object { return t }
            return nil
        }
        guard !targets.isEmpty, chance(70) else { return request }
        let target = pick(targets)
        let namespace = target.metadata.namespace ?? "default"
        request.destination = .init(
            namespace: target.spec.destination.namespace ?? namespace, serviceAccount: target.spec.destination.name)
        if let source = target.spec.sources.isEmpty ? nil : pick(target.spec.sources), chance(90) {
            request.source = .init(namespace: source.namespace ?? namespace, serviceAccount: source.name)
        }
        if chance(75), let match = match(of: target, namespace: namespace, in: objects) {
            aim(&request, at: match)
            // Now and then exactly what the match admits, so that a rendering that denies too
            // much has allows to lose.
            if let source = request.source, chance(75) {
                request = admittedRequest(
                    source: source, destination: request.destination, port: request.port, match: match)
            }
            // The same request to a neighbour of the destination: a selector that takes in
            // more pods than the account's grants it there.
            if chance(20) { request.destination.serviceAccount = pick(Self.serviceAccounts) }
        }
        return request
    }

    /// Requests at the edges of every grant of `objects`, systematically.
    ///
    /// For each TrafficTarget, each source it names (and one it does not), each HTTP match its
    /// rules select and each port, the request the match admits and its near misses (another
    /// method, a nearby path, an edge header value, a neighbouring destination), and raw TCP;
    /// and requests from outside the mesh.
    public mutating func boundaryRequests(for objects: [CanonicalSMIObject]) -> [AccessRequest] {
        var out: [AccessRequest] = []
        for object in objects {
            guard case let .trafficTarget(target) = object else { continue }
            let namespace = target.metadata.namespace ?? "default"
            let destination = AccessRequest.Identity(
                namespace: target.spec.destination.namespace ?? namespace, serviceAccount: target.spec.destination.name)
            let granted = target.spec.sources.map {
                AccessRequest.Identity(namespace: $0.namespace ?? namespace, serviceAccount: $0.name)
            }
            let other = AccessRequest.Identity(
                namespace: pick(Self.namespaces), serviceAccount: pick(Self.serviceAccounts))
            let matches = target.spec.rules.filter { $0.kind == "HTTPRouteGroup" }.flatMap { rule in
                objects.compactMap { object -> [Specs.HTTPMatch]? in
                    guard case let .httpRouteGroup(g) = object, g.metadata.name == rule.name,
                        (g.metadata.namespace ?? "default") == namespace
                    else { return nil }
                    let selected = g.spec.matches.filter { rule.matches?.contains($0.name) ?? true }
                    return selected.isEmpty ? g.spec.matches : selected
                }.joined()
            }
            // A source the target may not name gets what the others get first; its misses
            // would only repeat that its identity is refused.
            for source in granted + [other] {
                for port in Self.ports.dropLast() {
                    out.append(AccessRequest(source: source, destination: destination, port: port, protocol: .tcp))
                    for match in matches {
                        let admitted = admittedRequest(
                            source: source, destination: destination, port: port, match: match)
                        out.append(admitted)
                        guard source != other || granted.contains(other) else { continue }
                        out += misses(of: admitted, match: match)
                        // More of what the match admits, so that over-denies have room to show.
                        for _ in 0..<10 {
                            out.append(
                                admittedRequest(source: source, destination: destination, port: port, match: match))
                        }
                        var aimed = AccessRequest(source: source, destination: destination, port: port, protocol: .http)
                        aim(&aimed, at: match)
                        out.append(aimed)
                    }
                }
            }
            // A client outside the mesh (no identity), which SMI never admits: raw TCP, and the
            // first match's request.
            for port in Self.ports.dropLast() {
                out.append(AccessRequest(source: nil, destination: destination, port: port, protocol: .tcp))
                if let match = matches.first, let source = granted.first {
                    var plaintext = admittedRequest(source: source, destination: destination, port: port, match: match)
                    plaintext.source = nil
                    out.append(plaintext)
                }
            }
        }
        // And from outside the mesh to every account, granted or not, on one of its ports.
        for namespace in Self.namespaces {
            for account in Self.serviceAccounts {
                let http = chance(50)
                out.append(
                    AccessRequest(
                        source: nil, destination: .init(namespace: namespace, serviceAccount: account),
                        port: pick(Array(Self.ports.dropLast())), protocol: http ? .http : .tcp,
                        method: http ? "GET" : nil, path: http ? "/" : nil))
            }
        }
        return out
    }

    /// An HTTP request that `match` admits: one of its methods, a path its regex accepts, a
    /// value each header condition accepts.
    private mutating func admittedRequest(
        source: AccessRequest.Identity, destination: AccessRequest.Identity, port: Int, match: Specs.HTTPMatch
    ) -> AccessRequest {
        let methods = (match.methods ?? []).filter { $0 != "*" }
        var headers: [String: [String]] = [:]
        for condition in match.headers?.conditions ?? [] {
            headers[condition.name] = [(try? RE2Regex(condition.regex))?.sample(using: &rng) ?? ""]
        }
        let path =
            match.pathRegex.flatMap { try? RE2Regex($0) }?.sample(using: &rng).map { $0.hasPrefix("/") ? $0 : "/" + $0 }
            ?? "/"
        return AccessRequest(
            source: source, destination: destination, port: port, protocol: .http,
            method: methods.isEmpty ? pick(Self.methods) : pick(methods),
            path: path, headers: headers.isEmpty ? nil : headers)
    }

    /// `request` with one of `match`'s conditions missed and the others kept: another method, a
    /// nearby path, a header left out or at its edge, a neighbouring destination.
    ///
    /// A translation that drops that one condition admits exactly these.
    private mutating func misses(of request: AccessRequest, match: Specs.HTTPMatch) -> [AccessRequest] {
        var out: [AccessRequest] = []
        let methods = (match.methods ?? []).filter { $0 != "*" }
        if let other = Self.methods.first(where: { !methods.contains($0) }), !methods.isEmpty {
            var miss = request
            miss.method = other
            out.append(miss)
        }
        if match.pathRegex != nil, let path = request.path {
            for near in ["x" + path, "/x" + path, String(path.dropLast()), path + "x", pick(nearby(path))] {
                var miss = request
                miss.path = near
                out.append(miss)
            }
        }
        for name in (request.headers ?? [:]).keys.sorted() {
            var dropped = request
            dropped.headers?[name] = nil
            out.append(dropped)
            var edge = request
            let value = request.headers?[name]?.first ?? ""
            edge.headers?[name] = pick([
                [value + "x"], [String(value.dropLast())], ["x" + value], [""], ["other", value],
                [String(value.dropLast()), String(value.suffix(1))]
            ])
            out.append(edge)
        }
        var neighbour = request
        neighbour.destination.serviceAccount = pick(
            Self.serviceAccounts.filter { $0 != request.destination.serviceAccount })
        out.append(neighbour)
        return out
    }

    /// A match of an HTTPRouteGroup that one of `target`'s rules names (one of the matches it
    /// selects, when it selects some).
    private mutating func match(
        of target: Access.V1Alpha3.TrafficTarget, namespace: String, in objects: [CanonicalSMIObject]
    ) -> Specs.HTTPMatch? {
        let rules = target.spec.rules.filter { $0.kind == "HTTPRouteGroup" }
        guard !rules.isEmpty else { return nil }
        let rule = pick(rules)
        let group = objects.lazy.compactMap { object -> Specs.V1Alpha4.HTTPRouteGroup? in
            if case let .httpRouteGroup(g) = object, g.metadata.name == rule.name,
                (g.metadata.namespace ?? "default") == namespace
            {
                return g
            }
            return nil
        }.first
        guard let matches = group?.spec.matches, !matches.isEmpty else { return nil }
        let selected = matches.filter { rule.matches?.contains($0.name) ?? true }
        return pick(selected.isEmpty ? matches : selected)
    }

    /// Makes `request` an HTTP request at the edges of `match`: a path its regex accepts, or one
    /// of the nearest paths (a character more or less, a case variant, a query, a fragment, a
    /// segment more); header values it accepts or nearly does, empty, repeated, or joined by ','.
    private mutating func aim(_ request: inout AccessRequest, at match: Specs.HTTPMatch) {
        request.protocol = .http
        let methods = (match.methods ?? []).filter { $0 != "*" }
        request.method = !methods.isEmpty && chance(60) ? pick(methods) : pick(Self.methods)
        if let regex = match.pathRegex.flatMap({ try? RE2Regex($0) }), let accepted = regex.sample(using: &rng) {
            let path = accepted.hasPrefix("/") || chance(20) ? accepted : "/" + accepted
            request.path = chance(50) ? pick([path, path + "/x", path + "?q=1"]) : pick(nearby(path))
            lastRequestAtBoundary = true
        }
        var headers: [String: [String]] = [:]
        for condition in match.headers?.conditions ?? [] where chance(85) {
            guard let value = (try? RE2Regex(condition.regex))?.sample(using: &rng) else { continue }
            let edges: [[String]] = [
                [""], [value + "x"], [String(value.dropLast())], [value, "other"], ["other", value], [value + ",other"],
                [value.uppercased()],
                [String(value.dropLast()), String(value.suffix(1))]
            ]
            headers[chance(20) ? condition.name.uppercased() : condition.name] = chance(50) ? [value] : pick(edges)
            lastRequestAtBoundary = true
        }
        request.headers = headers.isEmpty ? request.headers : headers
    }

    /// Paths next to `path` that a regex accepting `path` may reject, or accept by mistake.
    private func nearby(_ path: String) -> [String] {
        [
            String(path.dropLast()), path + "x", path + "/", String(path.dropFirst()), path.uppercased(), path + "#f",
            path + "/..", path + "%2F", "/" + path, "/x" + path, "x" + path
        ]
    }

    /// A random request over the same identities, ports and paths.
    public mutating func request() -> AccessRequest {
        let proto = pick([AccessRequest.TrafficProtocol.http, .http, .tcp, .udp])
        let source =
            chance(95)
            ? AccessRequest.Identity(namespace: pick(Self.namespaces), serviceAccount: pick(Self.serviceAccounts)) : nil
        // Empty values and the bare prefix sit at the edges of `.+` and `t.+`.
        var headers: [String: [String]]? = chance(40) ? ["X-Tenant": [pick(["t1", "t2", "x", "", "t"])]] : nil
        if chance(30) { headers = (headers ?? [:]).merging(["X-Region": [pick(["eu", "us-east", "x"])]]) { $1 } }
        return AccessRequest(
            source: source,
            destination: .init(namespace: pick(Self.namespaces), serviceAccount: pick(Self.serviceAccounts)),
            port: pick(Self.ports), protocol: proto,
            method: proto == .http ? pick(Self.methods) : nil, path: proto == .http ? pick(Self.paths) : nil,
            headers: proto == .http ? headers : nil)
    }
}
