/// A TrafficSplit as every mesh must route it, before any mesh syntax.
///
/// The root Service, the root's ports, for each port the backends that take part (SMI's port
/// rule: only backends exposing the same port; zero weights left out, a backend named twice
/// summed), and the HTTP conditions of its `matches`, one per method, leaving out matches SMI
/// says admit nothing.
///
/// Adapters only choose how to write it (and how to scale the weights).
public struct SplitPlan: Sendable {
    /// A backend and its weight (positive).
    public struct Backend: Sendable, Equatable {
        /// The backend Service.
        public var service: String
        /// Its weight, relative to the others of the port.
        public var weight: Int
    }

    /// The backends of one root port.
    public struct PortPlan: Sendable, Equatable {
        /// The port; nil when the root Service is not in the inventory (every port).
        public var port: Int?
        /// The weighted backends, in the split's order.
        public var backends: [Backend]
    }

    /// One header condition: the whole of some value must match the RE2 regex (notes D3).
    public struct HeaderCondition: Sendable, Hashable {
        /// The header name, lower-case.
        public var name: String
        /// The RE2 regex.
        public var regex: String

        /// Creates a condition on header `name` (lower-case).
        public init(name: String, regex: String) {
            self.name = name
            self.regex = regex
        }
    }

    /// One HTTP condition of an SMI match: path AND method AND every header.
    public struct Condition: Sendable, Hashable {
        /// The RE2 path regex, as the SMI match has it; nil for any path.
        public var pathRegex: String?
        /// The method; nil for any.
        public var method: String?
        /// Header conditions, sorted by name.
        public var headers: [HeaderCondition]

        /// Creates a condition.
        public init(pathRegex: String?, method: String?, headers: [HeaderCondition]) {
            self.pathRegex = pathRegex
            self.method = method
            self.headers = headers
        }

        /// Whether every HTTP request meets the condition.
        ///
        /// Any method, no header, and no path or one that matches every path under `anchoring`.
        public func admitsEveryRequest(anchoring: RE2Regex.Anchoring) -> Bool {
            guard method == nil, headers.isEmpty else { return false }
            guard let path = pathRegex else { return true }
            return (try? RE2Regex(path))?.shape(anchoring: anchoring, assumingNoNewlines: true) == .matchAll
        }

        /// Whether some request may meet both conditions.
        ///
        /// False only when their methods differ or their paths are finite sets of exact paths
        /// and prefixes with nothing in common (headers are not compared).
        public func mayOverlap(_ other: Condition, anchoring: RE2Regex.Anchoring) -> Bool {
            if let method, let otherMethod = other.method, method != otherMethod { return false }
            guard let path = pathRegex, let otherPath = other.pathRegex,
                let forms = (try? RE2Regex(path))?.forms(anchoring: anchoring, assumingNoNewlines: true),
                let otherForms = (try? RE2Regex(otherPath))?.forms(anchoring: anchoring, assumingNoNewlines: true)
            else { return true }
            return forms.contains { form in otherForms.contains(where: form.intersects) }
        }

        /// An SMI match as conditions, one per method (one for any method).
        ///
        /// None when SMI says the match admits nothing (a regex that is not RE2, a header named
        /// twice).
        public static func expanding(_ match: Specs.HTTPMatch) -> [Condition] {
            let path = match.pathRegex.flatMap { $0.isEmpty ? nil : $0 }
            if let path, (try? RE2Regex(path)) == nil { return [] }
            let headers = (match.headers?.conditions ?? []).map {
                HeaderCondition(name: $0.name.lowercased(), regex: $0.regex)
            }
            guard Set(headers.map(\.name)).count == headers.count,
                headers.allSatisfy({ (try? RE2Regex($0.regex)) != nil })
            else { return [] }
            let sortedHeaders = headers.sorted { $0.name < $1.name }
            let methods = match.methods ?? []
            if methods.isEmpty || methods.contains("*") {
                return [Condition(pathRegex: path, method: nil, headers: sortedHeaders)]
            }
            return methods.map { Condition(pathRegex: path, method: $0, headers: sortedHeaders) }
        }
    }

    /// The split.
    public var key: SMIBundle.Key
    /// The root Service's name (in the split's namespace).
    public var root: String
    /// The ports to route; ports where no backend takes part are left out (their traffic
    /// stays on the root).
    public var ports: [PortPlan]
    /// The conditions that select split requests; nil when the split has no `matches` (every
    /// request, TCP included, is split).
    public var conditions: [Condition]?
    /// The split's document, for diagnostics.
    public var document: SMIDocument

    /// Plans every split of `bundle` that can be rendered, handing each plan to `body` as soon
    /// as it is made.
    ///
    /// Plans come in the order of the splits; it returns what it reports about the others and
    /// every port the SMI rule takes a backend out of. One plan at a time: at mesh scale all
    /// the plans together are megabytes that an adapter needs only one by one.
    public static func forEach(in bundle: SMIBundle, inventory: Inventory, _ body: (SplitPlan) -> Void) -> [Diagnostic]
    {
        let model = SMITrafficModel(bundle)
        var diagnostics: [Diagnostic] = []
        var seen = Set<Diagnostic>()
        for item in bundle.trafficSplits {
            func report(_ severity: Diagnostic.Severity, _ code: DiagnosticCode, _ message: String) {
                let diagnostic = Diagnostic(
                    severity, code, message, object: item.origin.object, file: item.origin.source.file,
                    location: item.origin.source.location)
                if seen.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            }
            guard model.isUsed(item.key) else {
                report(
                    .error, .splitNotRendered,
                    "the TrafficSplit has errors (or shares its root Service with another split) and is not rendered; traffic to the root Service is not split"
                )
                continue
            }
            let namespace = item.key.namespace
            guard case let .success((root, _)) = Split.rootService(item.object.spec.service, namespace: namespace)
            else { continue }
            let ports: [Int?]
            let known = { (service: String) in inventory.service(namespace: namespace, name: service) }
            if let service = known(root), !service.ports.isEmpty {
                // The meshes' proxies route TCP only: a UDP or SCTP port gets no route.
                ports = Set(service.ports.filter { $0.protocol == "TCP" }.map(\.port)).sorted()
                let other = service.ports.filter { $0.protocol != "TCP" && !ports.contains($0.port) }.map {
                    "\($0.port)/\($0.protocol)"
                }
                if !other.isEmpty {
                    report(
                        .warning, .splitPorts,
                        "port\(other.count == 1 ? "" : "s") \(other.joined(separator: ", ")) of Service \(namespace)/\(root) \(other.count == 1 ? "is" : "are") not split: the mesh's proxies route TCP only"
                    )
                }
            } else {
                ports = [nil]
                report(
                    .warning, .splitPorts,
                    "Service \(namespace)/\(root) is not in the inventory (or lists no port), so the ports of the root and its backends are unknown"
                )
            }
            var conditions: [Condition]?
            if let references = item.object.spec.matches, !references.isEmpty {
                conditions = Self.conditions(references, namespace: namespace, in: bundle)
                if conditions?.isEmpty ?? false {
                    report(
                        .warning, .splitPorts,
                        "no request can match the split's route groups: every request goes to the root Service, and nothing is rendered"
                    )
                    continue
                }
            }
            var portPlans: [PortPlan] = []
            for port in ports {
                var kept: [Backend] = []
                for backend in item.object.spec.backends where backend.weight > 0 {
                    if let port, let service = known(backend.service),
                        !service.ports.contains(where: { $0.port == port })
                    {
                        report(
                            .warning, .splitPorts,
                            "backend \(backend.service) has no port \(port), so it gets none of port \(port)'s traffic (SMI's port rule)"
                        )
                        continue
                    }
                    if let index = kept.firstIndex(where: { $0.service == backend.service }) {
                        kept[index].weight += backend.weight
                    } else {
                        kept.append(Backend(service: backend.service, weight: backend.weight))
                    }
                }
                guard !kept.isEmpty else {
                    report(
                        .warning, .splitPorts,
                        "no backend with a positive weight takes \(port.map { "port \($0)" } ?? "the root Service"); its traffic goes to the root Service"
                    )
                    continue
                }
                portPlans.append(PortPlan(port: port, backends: kept))
            }
            guard !portPlans.isEmpty else { continue }
            body(
                SplitPlan(key: item.key, root: root, ports: portPlans, conditions: conditions, document: item.document))
        }
        return diagnostics
    }

    /// The conditions of the referenced route groups: every match of every usable group, one
    /// condition per method, leaving out matches that admit nothing (a regex that is not RE2,
    /// a header named twice).
    static func conditions(_ references: [Split.RouteReference], namespace: String, in bundle: SMIBundle) -> [Condition]
    {
        var out: [Condition] = []
        for reference in references where reference.kind == "HTTPRouteGroup" {
            guard let group = bundle.httpRouteGroups[SMIBundle.Key(namespace: namespace, name: reference.name)]?.object,
                group.isUsable
            else { continue }
            for match in group.spec.matches {
                out += Condition.expanding(match)
            }
        }
        return out
    }
}

extension SplitPlan {
    /// Weights a mesh can hold, from one port's backends.
    ///
    /// The exact ratio reduced by the gcd when `fits` accepts it, else shares of `scale` by
    /// largest remainder, with one message per change (why, the exact and the rounded shares,
    /// and any backend rounded to 0).
    ///
    /// Nil with a message when the weights are too large to scale exactly.
    public static func weights(_ backends: [Backend], scale: Int, reason: String, fits: ([Int]) -> Bool) -> (
        values: [Int]?, messages: [String]
    ) {
        let reduced = WeightNormalizer.reduced(backends.map(\.weight))
        if fits(reduced) { return (reduced, []) }
        guard let rounded = WeightNormalizer.rounded(reduced, to: scale) else {
            return (nil, ["the weights are too large to scale to \(scale) exactly; the split is not rendered"])
        }
        var messages: [String] = []
        let services = backends.map(\.service)
        if !rounded.changed.isEmpty {
            let exact = zip(services, reduced).map { "\($0) \($1)" }.joined(separator: ", ")
            let approx = zip(services, rounded.values).map { "\($0) \($1)" }.joined(separator: ", ")
            messages.append("\(reason): the shares (\(exact)) are rounded to \(approx) of \(scale)")
        }
        for index in rounded.zeroed {
            messages.append(
                "backend \(services[index]) rounds to 0 and gets no traffic, although SMI gives it \(reduced[index]) of \(reduced.reduce(0, +))"
            )
        }
        return (rounded.values, messages)
    }
}
