public import SMICore

/// How Consul decides a request against service-intentions (Consul notes section 3).
///
/// The most precise intention matching source and destination wins; an L4 one decides by its
/// action, an L7 one by its first matching permission and otherwise by the default, never by a
/// less precise intention.
///
/// The mesh side of the differential test, over the CRD form.
///
/// Outside the intentions it models what the notes name: pods without the sidecar and
/// excluded inbound ports accept everything, UDP is never proxied, only registered ports are
/// reached through the proxy (every TCP container port unless one is pinned, as consul-k8s
/// 2.x registers them: the widest reading), identities are ServiceAccount names (managed
/// ACLs), a service whose protocol is `http` refuses raw TCP, a service whose ServiceDefaults
/// set `mutualTLSMode: permissive` takes plaintext from outside the mesh (a request without
/// a source) past its intentions (Consul 1.16+, where the mesh config allows it), of two
/// ServiceIntentions for one destination only the first is admitted (consul-k8s webhook), and
/// a ServiceIntentions with a source `description` over 512 bytes is refused whole (Consul's
/// config-entry validation counts bytes), so its destination keeps the default.
/// Permissions' header conditions are Envoy's: repeated values joined with `,`, an absent
/// header matching only `present: false` (or, inverted, `present: true`). The expose-path
/// listeners of probes are not modelled (the adapter warns, SMI5008), nor is Envoy's path
/// normalisation. It reads the applied entries through `ConsulApplied`, and the pods through
/// `ConsulCluster`, never the adapter's types.
public struct ConsulAccessModel: MeshAccessModel {
    private typealias Name = ConsulDiscoveryChain.Service
    private let intentions: [ConsulApplied.ServiceIntentions]
    private let protocols: [Name: String]
    private let permissive: Set<Name>
    private let inventory: Inventory
    private let cluster: ConsulCluster
    private let defaultAllow: Bool

    /// A model over the Consul entries among `resources`, for the workloads of `inventory` in
    /// `cluster`.
    ///
    /// `defaultAllow` is what Consul does where no intention decides (allow without ACLs or
    /// `default_intention_policy`); a rendering must be right under `true`.
    public init(resources: [ManifestNode], inventory: Inventory, cluster: ConsulCluster, defaultAllow: Bool = true) {
        // consul-k8s's admission webhook refuses a ServiceIntentions whose destination another
        // one already names: applied in order, only the first of each destination exists.
        var named: Set<String> = []
        intentions = ConsulApplied.entries(
            ConsulApplied.ServiceIntentions.self, kind: "ServiceIntentions", in: resources
        )
        .filter { entry in
            entry.spec.sources.allSatisfy { ($0.description?.utf8.count ?? 0) <= 512 }
                && named.insert("\(entry.spec.destination.namespace ?? "")/\(entry.spec.destination.name)")
                    .inserted
        }
        var protocols: [Name: String] = [:]
        var permissive: Set<Name> = []
        for defaults in ConsulApplied.entries(
            ConsulApplied.ServiceDefaults.self, kind: "ServiceDefaults", in: resources)
        {
            let name = Name(
                namespace: defaults.metadata.namespace.flatMap(cluster.consulNamespace),
                name: defaults.metadata.name ?? "")
            if let proto = defaults.spec.protocol { protocols[name] = proto }
            if defaults.spec.mutualTLSMode == "permissive" { permissive.insert(name) }
        }
        self.protocols = protocols
        self.permissive = permissive
        self.inventory = inventory
        self.cluster = cluster
        self.defaultAllow = defaultAllow
    }

    /// Whether Consul lets the request through to some pod of its destination.
    public func allows(_ request: AccessRequest) -> Bool {
        if request.protocol == .udp { return true }
        return inventory.workloads(
            namespace: request.destination.namespace, serviceAccount: request.destination.serviceAccount
        )
        .contains { allows(request, to: $0) }
    }

    private func allows(_ request: AccessRequest, to pod: Inventory.Workload) -> Bool {
        if !cluster.isInjected(pod) || cluster.excludedInboundPorts(pod).contains(request.port) { return true }
        guard cluster.reachablePorts(pod).contains(request.port), let destination = cluster.name(request.destination)
        else { return false }
        // Permissive mutual TLS lets plaintext from outside the mesh through, intentions unread.
        guard let source = request.source.flatMap(cluster.name) else {
            return request.source == nil && permissive.contains(destination)
        }
        let http = ["http", "http2", "grpc"].contains(protocols[destination] ?? "tcp")
        if http && request.protocol == .tcp { return false }
        var best: (precedence: Int, source: ConsulApplied.ServiceIntentions.Source)?
        for entry in intentions {
            let to = entry.spec.destination
            guard Self.covers(to.name, destination.name), Self.covers(to.namespace, destination.namespace) else {
                continue
            }
            for from in entry.spec.sources {
                guard Self.covers(from.name, source.name), Self.covers(from.namespace ?? to.namespace, source.namespace)
                else { continue }
                let precedence =
                    [2: 9, 1: 6, 0: 3][Self.exactness(to.namespace, to.name), default: 3]
                    - (2 - Self.exactness(from.namespace ?? to.namespace, from.name))
                if best.map({ precedence > $0.precedence }) ?? true { best = (precedence, from) }
            }
        }
        guard let winner = best?.source else { return defaultAllow }
        guard let permissions = winner.permissions else { return winner.action == "allow" }
        guard http, request.protocol == .http else { return false }
        for permission in permissions where Self.matches(permission.http, request) {
            return permission.action == "allow"
        }
        return defaultAllow
    }

    /// Whether a pattern (a value or `*`) covers a value; nil patterns and values are CE's
    /// single namespace.
    private static func covers(_ pattern: String?, _ value: String?) -> Bool {
        pattern == "*" || pattern == value
    }

    /// 2 for an exact name, 1 for `ns/*`, 0 for `*/*`.
    private static func exactness(_ namespace: String?, _ name: String) -> Int {
        namespace == "*" ? 0 : name == "*" ? 1 : 2
    }

    /// Envoy RBAC's reading of a permission's HTTP conditions (absent: every request).
    static func matches(_ match: ConsulApplied.HTTPMatch?, _ request: AccessRequest) -> Bool {
        guard let match else { return true }
        let path = request.pathOnly
        if let exact = match.pathExact, path != exact { return false }
        if let prefix = match.pathPrefix, !path.hasPrefix(prefix) { return false }
        if let pattern = match.pathRegex, (try? RE2Regex(pattern))?.matches(path, anchoring: .full) != true {
            return false
        }
        if let methods = match.methods, !methods.contains(request.method ?? "") { return false }
        return (match.header ?? []).allSatisfy { matches($0, request) }
    }

    /// Envoy's header matcher: repeated values joined with `,`; an absent header matches only
    /// `present: false`, or inverted, `present: true`.
    private static func matches(_ header: ConsulApplied.HTTPMatch.Header, _ request: AccessRequest) -> Bool {
        let values = header.name == ":method" ? [request.method ?? ""] : request.values(ofHeader: header.name)
        let inverted = header.invert ?? false
        guard !values.isEmpty else { return header.present.map { $0 == inverted } ?? false }
        let value = values.joined(separator: ",")
        var matched = true
        if let exact = header.exact { matched = matched && value == exact }
        if let prefix = header.prefix { matched = matched && value.hasPrefix(prefix) }
        if let suffix = header.suffix { matched = matched && value.hasSuffix(suffix) }
        if let pattern = header.regex {
            matched = matched && (try? RE2Regex(pattern))?.matches(value, anchoring: .full) == true
        }
        if let present = header.present { matched = matched && present }
        return matched != inverted
    }
}
