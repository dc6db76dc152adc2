public import SMICore

/// Where Consul sends an HTTP request for a service, as its discovery chain compiler builds the
/// chain.
///
/// See Consul notes 2.5-2.7 and `agent/consul/discoverychain/compile.go`: the service's
/// ServiceRouter takes the first route whose match holds (none: the service itself); a
/// destination without a subset takes its service's ServiceSplitter, if it has one; a split to
/// another service without a subset follows that service's splitter in turn (splits are
/// hierarchical in Consul); everything else ends at a resolver: the instances of a service, or
/// of one of its subsets. A splitter consul-k8s's webhook would refuse (its float32 sum is not
/// exactly 100) takes no part, nor does a resolver with a subset filter go-bexpr refuses
/// (`ConsulBexpr`), nor a router or splitter that names a subset no resolver defines (Consul
/// refuses to write an entry whose chain does not compile). The routing side of the Consul
/// split differential; it reads the applied entries through `ConsulApplied`, never the
/// adapter's types.
public struct ConsulDiscoveryChain: Sendable {
    /// A service by Consul namespace (nil in Consul CE) and name.
    public struct Service: Sendable, Hashable, CustomStringConvertible {
        /// The Consul namespace; nil in Consul CE.
        public var namespace: String?
        /// The name.
        public var name: String

        /// The service `name` in Consul namespace `namespace`.
        public init(namespace: String?, name: String) {
            self.namespace = namespace
            self.name = name
        }

        /// `namespace/name`, or the name alone.
        public var description: String { namespace.map { "\($0)/\(name)" } ?? name }
    }

    /// Where requests end: the instances of a service, all of them or one subset's.
    public struct Target: Sendable, Hashable {
        /// The service.
        public var service: Service
        /// The subset, nil for every instance.
        public var subset: String?

        /// The instances of `service`, or of its `subset`.
        public init(service: Service, subset: String?) {
            self.service = service
            self.subset = subset
        }
    }

    private let routers: [Service: ConsulApplied.ServiceRouter]
    private let splitters: [Service: ConsulApplied.ServiceSplitter]
    /// Each service's subsets: their filters, nil for every instance (an empty filter).
    private let subsets: [Service: [String: ConsulBexpr?]]

    /// The chains of the ServiceRouters and ServiceSplitters among `resources` (consul-k8s
    /// CRDs).
    ///
    /// Each is in the Consul namespace `cluster` gives its Kubernetes namespace.
    public init(resources: [ManifestNode], cluster: ConsulCluster) {
        func byService<T>(_ entries: [T], _ metadata: (T) -> ConsulApplied.Metadata) -> [Service: T] {
            var out: [Service: T] = [:]
            for entry in entries {
                guard let name = metadata(entry).name else { continue }
                out[Service(namespace: cluster.consulNamespace(metadata(entry).namespace ?? "default"), name: name)] =
                    entry
            }
            return out
        }
        // A resolver with a filter go-bexpr refuses does not exist.
        let subsets = byService(
            ConsulApplied.entries(ConsulApplied.ServiceResolver.self, kind: "ServiceResolver", in: resources),
            \.metadata
        ).compactMapValues { resolver -> [String: ConsulBexpr?]? in
            var out: [String: ConsulBexpr?] = [:]
            for (name, subset) in resolver.spec.subsets ?? [:] {
                guard let filter = subset.filter, !filter.isEmpty else {
                    out[name] = .some(nil)
                    continue
                }
                guard let expression = ConsulBexpr(filter) else { return nil }
                out[name] = expression
            }
            return out
        }
        self.subsets = subsets
        func defined(_ service: Service, _ subset: String?) -> Bool {
            subset.map { subsets[service]?[$0] != nil } ?? true
        }
        routers = byService(
            ConsulApplied.entries(ConsulApplied.ServiceRouter.self, kind: "ServiceRouter", in: resources), \.metadata
        ).filter { service, router in
            (router.spec.routes ?? []).allSatisfy { route in
                defined(
                    Service(
                        namespace: route.destination?.namespace ?? service.namespace,
                        name: route.destination?.service ?? service.name), route.destination?.serviceSubset)
            }
        }
        // consul-k8s refuses a splitter whose weights, read as float32 and added in list order,
        // are not exactly 100 (`ServiceSplits.validate`): such a splitter does not exist.
        splitters = byService(
            ConsulApplied.entries(ConsulApplied.ServiceSplitter.self, kind: "ServiceSplitter", in: resources),
            \.metadata
        ).filter { service, splitter in
            splitter.spec.splits.reduce(Float32(0)) { $0 + Float32($1.weight) } == 100
                && splitter.spec.splits.allSatisfy { split in
                    defined(
                        Service(namespace: split.namespace ?? service.namespace, name: split.service ?? service.name),
                        split.serviceSubset)
                }
        }
    }

    /// Whether `instance`, of the target's service, is one the target reaches.
    ///
    /// Every instance, or those its subset's filter selects.
    public func reaches(_ target: Target, _ instance: ConsulInstance) -> Bool {
        guard instance.service == target.service.name else { return false }
        guard let subset = target.subset else { return true }
        guard let filter = subsets[target.service]?[subset] else { return false }
        return filter?.admits(instance) ?? true
    }

    /// Each target's share of the requests like `request` that clients send to `service`.
    public func shares(of service: Service, for request: AccessRequest) -> [Target: Double] {
        if let router = routers[service] {
            for route in router.spec.routes ?? [] where Self.routes(route.match?.http, request) {
                let destination = Service(
                    namespace: route.destination?.namespace ?? service.namespace,
                    name: route.destination?.service ?? service.name)
                if let subset = route.destination?.serviceSubset {
                    return [Target(service: destination, subset: subset): 1]
                }
                return splitOrResolve(destination, visited: [])
            }
        }
        return splitOrResolve(service, visited: [])
    }

    /// The service's splitter, or its resolver (every instance) when it has none.
    private func splitOrResolve(_ service: Service, visited: Set<Service>) -> [Target: Double] {
        guard let splitter = splitters[service], !visited.contains(service) else {
            return [Target(service: service, subset: nil): 1]
        }
        var out: [Target: Double] = [:]
        for split in splitter.spec.splits {
            let share = split.weight / 100
            let next = Service(namespace: split.namespace ?? service.namespace, name: split.service ?? service.name)
            if next != service, split.serviceSubset == nil {
                for (target, part) in splitOrResolve(next, visited: visited.union([service])) {
                    out[target, default: 0] += share * part
                }
            } else {
                out[Target(service: next, subset: split.serviceSubset), default: 0] += share
            }
        }
        return out
    }

    /// Whether an Envoy route match holds: as a permission's (`ConsulAccessModel.matches`),
    /// but a path prefix is matched against the path with its query, as Envoy's route `prefix`
    /// reads `:path`.
    static func routes(_ match: ConsulApplied.HTTPMatch?, _ request: AccessRequest) -> Bool {
        var withoutPrefix = match
        withoutPrefix?.pathPrefix = nil
        guard ConsulAccessModel.matches(withoutPrefix, request) else { return false }
        // What a client sends as `:path`: the path and query, no fragment.
        let sent = (request.path ?? "/").prefix { $0 != "#" }
        return match?.pathPrefix.map { sent.hasPrefix($0) } ?? true
    }
}
