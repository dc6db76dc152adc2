/// SMI's traffic-split semantics (notes 8.3, D11, D19-D21).
///
/// Where a request sent to a root Service goes, and each backend's exact share.
public struct SMITrafficModel: Sendable {
    /// A backend and its exact share of the root's traffic, `numerator / denominator`.
    public struct Share: Sendable, Hashable, CustomStringConvertible {
        /// The backend Service.
        public var service: String
        /// The share's numerator (the backend's weight, reduced).
        public var numerator: Int
        /// The share's denominator (the sum of the weights, reduced).
        public var denominator: Int

        /// Creates a share.
        public init(service: String, numerator: Int, denominator: Int) {
            self.service = service
            self.numerator = numerator
            self.denominator = denominator
        }

        /// `service numerator/denominator`.
        public var description: String { "\(service) \(numerator)/\(denominator)" }
    }

    /// Where a request to a root Service goes.
    public enum Routing: Sendable, Hashable {
        /// To the root Service itself, as plain Kubernetes routes it, and why.
        case root(String)
        /// Split by `split` among the backends, in the split's order (zero shares included).
        case split(SMIBundle.Key, [Share])
    }

    private let bundle: SMIBundle
    private let invalid: Set<SMIBundle.Key>
    private let pathAnchoring: RE2Regex.Anchoring

    /// A model over `bundle`.
    ///
    /// Splits with any error are left out entirely: dropping a part would silently send traffic
    /// elsewhere (D25).
    public init(_ bundle: SMIBundle, pathAnchoring: RE2Regex.Anchoring = .prefix) {
        self.bundle = bundle
        self.pathAnchoring = pathAnchoring
        var invalid = bundle.splitsWithErrors.union(SMIValidator().splitChecks(bundle).withErrors)
        // Two splits of one root: none of them is used (D21). Each root remembers its last
        // split, which a later split of that root marks with itself.
        var lastOfRoot: [SMIBundle.Key: SMIBundle.Key] = [:]
        lastOfRoot.reserveCapacity(bundle.trafficSplits.count)
        for item in bundle.trafficSplits {
            let root = SMIBundle.Key(
                namespace: item.key.namespace,
                name: (try? Split.rootService(item.object.spec.service, namespace: item.key.namespace).get().name)
                    ?? item.object.spec.service)
            if let previous = lastOfRoot.updateValue(item.key, forKey: root) {
                invalid.insert(previous)
                invalid.insert(item.key)
            }
        }
        self.invalid = invalid
    }

    /// Whether the split is used.
    ///
    /// False when it has errors or shares its root with another split (D21, D25), and then
    /// every request goes to the root Service.
    public func isUsed(_ split: SMIBundle.Key) -> Bool { !invalid.contains(split) }

    /// Where a request for Service `service` in `namespace` goes.
    ///
    /// For a split with `matches`, only HTTP requests that match one of its route groups are
    /// split (`request` gives the method, path and headers); others go to the root.
    public func route(service: String, namespace: String, request: AccessRequest? = nil) -> Routing {
        for item in bundle.trafficSplits where item.key.namespace == namespace {
            guard case let .success((root, _)) = Split.rootService(item.object.spec.service, namespace: namespace),
                root == service
            else { continue }
            if invalid.contains(item.key) {
                return .root("TrafficSplit \(item.key) has errors and is not used")
            }
            if let matches = item.object.spec.matches, !matches.isEmpty {
                guard let request, request.protocol == .http,
                    matches.contains(where: { self.matches(request, $0, namespace) })
                else {
                    return .root("the request matches none of the route groups of TrafficSplit \(item.key)")
                }
            }
            let backends = item.object.spec.backends
            let total = backends.reduce(0) { $0 + $1.weight }
            let shares = backends.map { backend -> Share in
                let g = Self.gcd(backend.weight, total)
                return Share(
                    service: backend.service, numerator: backend.weight / max(g, 1), denominator: total / max(g, 1))
            }
            return .split(item.key, shares)
        }
        return .root("no TrafficSplit has root Service \(namespace)/\(service)")
    }

    private func matches(_ request: AccessRequest, _ reference: Split.RouteReference, _ namespace: String) -> Bool {
        guard let group = bundle.httpRouteGroups[SMIBundle.Key(namespace: namespace, name: reference.name)]?.object,
            SMIAccessModel.grantsAnything(group)
        else { return false }
        return group.spec.matches.contains { HTTPMatchEvaluation.admits(request, $0, pathAnchoring: pathAnchoring) }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (a, b) = (abs(a), abs(b))
        while b != 0 { (a, b) = (b, a % b) }
        return a
    }
}
