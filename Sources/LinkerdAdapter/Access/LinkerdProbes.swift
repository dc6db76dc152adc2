import SMICore

/// The kubelet's probes of one destination's pods on one port, and what Linkerd does with them
/// on a Server of ours (notes 4.3): with no HTTPRoute it lets HTTP GET probes through from the
/// probe networks whoever sends them (wider than SMI); with HTTPRoutes it refuses them (404 or
/// 403: stricter, and the pods may go unready).
///
/// It exempts only HTTP GET probes (the policy controller reads `httpGet` alone), so a gRPC
/// probe is refused either way; the proxy answers TCP probes itself.
struct LinkerdProbes {
    /// The route the probes' matches go into.
    typealias Route = Linkerd.PolicyV1Beta3.HTTPRoute

    /// The destination, `namespace/serviceAccount`.
    let account: String
    /// The port probed.
    let port: Int
    /// The paths of the HTTP GET probes, without a query (routes match the path alone).
    let paths: [String]
    /// Whether some pod has a gRPC probe on the port.
    private(set) var grpc: Bool
    /// Whether some pod has a TCP probe on the port.
    private(set) var tcp: Bool

    /// The path of the gRPC health check the kubelet calls (`grpc.health.v1.Health/Check`).
    static let grpcHealthPath = "/grpc.health.v1.Health/Check"

    /// The probes on `port` of `pods`, which run as `account` (`namespace/serviceAccount`).
    init(account: String, port: Int, pods: [Inventory.Workload]) {
        self.account = account
        self.port = port
        paths = Set(
            pods.flatMap(\.httpProbes).filter { $0.port == port }.map {
                String($0.path.prefix { $0 != "?" })
            }
        ).sorted()
        grpc = pods.contains { $0.grpcProbePorts.contains(port) }
        tcp = pods.contains { $0.tcpProbePorts.contains(port) }
    }

    /// The probes on `port` of the pods of `namespace/serviceAccount` that `selector` picks.
    init(inventory: Inventory, namespace: String, serviceAccount: String, selector: LabelSelector, port: Int) {
        let pods = inventory.workloads(namespace: namespace, serviceAccount: serviceAccount).filter {
            selector.matches($0.podLabels)
        }
        self.init(account: "\(namespace)/\(serviceAccount)", port: port, pods: pods)
    }

    /// What Linkerd does with the HTTP GET probes of pods no Server selects: its default
    /// Server lets them through for every client of the probe networks, whatever the default
    /// policy (the rest of the pods' traffic is the default policy's, reported apart).
    static func unselected(
        _ pods: [Inventory.Workload], account: String, item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>?
    ) -> [Diagnostic] {
        Set(pods.flatMap { $0.httpProbes.map(\.port) }).sorted().flatMap { port in
            var probes = LinkerdProbes(account: account, port: port, pods: pods)
            probes.grpc = false
            probes.tcp = false
            return probes.diagnostics(routed: false, probeRoute: nil, item: item)
        }
    }

    /// The matches of the route that lets the probes through on a Server with `routed` routes
    /// of its own: nil where Linkerd needs none (no probe, or only HTTP GET probes on a Server
    /// without routes, which Linkerd lets through itself).
    ///
    /// A gRPC probe needs one, and since the route then takes Linkerd's own exemption away, the
    /// GET probes join it.
    func routeMatches(routed: Bool) -> [Route.Match]? {
        guard grpc || (routed && !paths.isEmpty) else { return nil }
        let get = paths.map {
            Route.Match(path: .init(type: "Exact", value: $0), method: "GET")
        }
        let check =
            grpc
            ? [
                Route.Match(
                    path: .init(type: "Exact", value: Self.grpcHealthPath), method: "POST")
            ] : []
        return get + check
    }

    /// What to tell the user about the probes on a Server with `routed` routes of its own,
    /// `probeRoute` the route `--allow-probes` added for them, if any; about `item`.
    func diagnostics(
        routed: Bool, probeRoute: String?, item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>?
    ) -> [Diagnostic] {
        let list = paths.joined(separator: ", ")
        let prefix = "\(account) port \(port)"
        var messages: [String] = []
        if let probeRoute {
            let what = (paths.isEmpty ? [] : ["GET \(list)"]) + (grpc ? ["the gRPC health check"] : [])
            messages.append(
                "\(prefix): --allow-probes: HTTPRoute \(probeRoute) lets \(what.joined(separator: " and ")) (the kubelet's probes) through for every client of every network, which SMI denies; narrow NetworkAuthentication \(probeRoute) to the nodes' networks"
            )
        } else {
            if !paths.isEmpty {
                messages.append(
                    routed
                        ? "\(prefix): with HTTPRoutes on the Server Linkerd refuses the kubelet's probes (GET \(list)): 404 where no route matches, 403 where one does, so the pods may go unready; render with --allow-probes to let them through (wider than SMI)"
                        : "\(prefix): Linkerd lets GET \(list) (the kubelet's probes) through from its probe networks for any client on a port without HTTPRoutes, which SMI denies; restrict the probe networks (policyController.probeNetworks) or serve probes on a port of their own"
                )
            }
            if grpc {
                messages.append(
                    "\(prefix): Linkerd exempts only HTTP GET probes from its policy, so the Server refuses the kubelet's gRPC probe (it has no identity) and the pods may go unready or restart; render with --allow-probes to let it through (wider than SMI) or probe with an httpGet or exec"
                )
            }
        }
        var out = messages.map {
            Diagnostic(
                .warning, .linkerdProbes, $0, object: item?.origin.object, file: item?.origin.source.file,
                location: item?.origin.source.location)
        }
        if tcp {
            out.append(
                Diagnostic(
                    .info, .linkerdProbes,
                    "\(prefix): the proxy completes the kubelet's TCP probe itself, so it passes whatever the Server allows and whether or not the application listens; probe with an httpGet or exec to learn about the application",
                    object: item?.origin.object, file: item?.origin.source.file, location: item?.origin.source.location)
            )
        }
        return out
    }
}
