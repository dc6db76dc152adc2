public import SMICore

/// How Linkerd's inbound proxy decides a request against Servers, HTTPRoutes and their
/// authorizations (notes section 3).
///
/// It reads AuthorizationPolicies and MeshTLSAuthentications too: the mesh side of the
/// differential test. A Server admits by its own and its Namespace's AuthorizationPolicies and
/// by its `accessPolicy`; an HTTPRoute by the policies on it. Ports without a Server get the
/// pod's default policy: its `config.linkerd.io/default-inbound-policy` annotation, else its
/// Namespace's, else the cluster's `defaultPolicy` (the `*-authenticated` ones admit only
/// meshed clients). On a port without HTTPRoutes (a Server without any, or no Server) Linkerd
/// adds a probe route: `GET` of the pod's HTTP probe paths on that port, for every client of
/// the probe networks (by default every address). No translation can remove it short of adding
/// routes, and the adapter reports it (SMI4009). A NetworkAuthentication admits every client,
/// meshed or not: the model knows no addresses, and the rendering writes only the probe
/// networks' default, every address (an over-approximation for narrower ones, never an
/// under-one). A MeshTLSAuthentication names identities as `identityRefs` (a ServiceAccount, in
/// the authentication's namespace unless one is given; a Namespace: its every account) or as
/// `identities` (`<account>.<namespace>.serviceaccount.identity.linkerd.<trust domain>`, `*`,
/// or `*.` and a suffix). A Server's port is a number or a container port's name. It reads the
/// applied objects through `LinkerdApplied`, never the adapter's types.
public struct LinkerdAccessModel: MeshAccessModel {
    private let servers: [LinkerdApplied.Server]
    private let routes: [LinkerdApplied.HTTPRoute]
    private let policies: [LinkerdApplied.AuthorizationPolicy]
    private let authentications: [String: LinkerdApplied.MeshTLSAuthentication]
    /// The NetworkAuthentications, `namespace/name`.
    private let networks: Set<String>
    private let inventory: Inventory
    private let defaultPolicy: String
    private let installation: MeshInstallation
    private let trustDomain: String
    private let regexes: LinkerdRegexEngine

    /// A model over the Linkerd objects among `resources`, for the workloads of `inventory`.
    ///
    /// `defaultPolicy` is the cluster's default inbound policy (`deny` or an allowing one).
    /// Pods without a proxy under `installation`, and ports it skips, accept every request.
    /// HTTPRoute regexes are decided by `regexes`.
    public init(
        resources: [ManifestNode], inventory: Inventory, installation: MeshInstallation,
        defaultPolicy: String = "deny", trustDomain: String = "cluster.local", regexes: LinkerdRegexEngine = .re2
    ) {
        self.installation = installation
        self.trustDomain = trustDomain
        self.regexes = regexes
        let group = "policy.linkerd.io"
        servers = LinkerdApplied.objects(LinkerdApplied.Server.self, kind: "Server", group: group, in: resources)
            .sorted { ($0.metadata.name ?? "") < ($1.metadata.name ?? "") }
        routes = LinkerdApplied.httpRoutes(in: resources)
        policies = LinkerdApplied.objects(
            LinkerdApplied.AuthorizationPolicy.self, kind: "AuthorizationPolicy", group: group, in: resources)
        authentications = Dictionary(
            LinkerdApplied.objects(
                LinkerdApplied.MeshTLSAuthentication.self, kind: "MeshTLSAuthentication", group: group, in: resources
            ).map { ("\($0.metadata.namespace ?? "")/\($0.metadata.name ?? "")", $0) },
            uniquingKeysWith: { a, _ in a })
        networks = Set(
            LinkerdApplied.objects(
                LinkerdApplied.Metadata.Object.self, kind: "NetworkAuthentication", group: group, in: resources
            ).map { "\($0.metadata.namespace ?? "")/\($0.metadata.name ?? "")" })
        self.inventory = inventory
        self.defaultPolicy = defaultPolicy
    }

    /// Whether Linkerd lets the request through to some pod of its destination.
    public func allows(_ request: AccessRequest) -> Bool {
        // UDP is not proxied.
        if request.protocol == .udp { return true }
        let pods = inventory.workloads(
            namespace: request.destination.namespace, serviceAccount: request.destination.serviceAccount)
        return pods.contains { allows(request, to: $0) }
    }

    private func allows(_ request: AccessRequest, to pod: Inventory.Workload) -> Bool {
        // Without a proxy (or on a skipped port) nothing is checked.
        if ProxyPresence.of(pod, in: inventory, installation: installation).bypasses(request.port) { return true }
        guard
            let server = servers.first(where: { server in
                server.metadata.namespace == pod.namespace && server.spec.port.means(request.port, on: pod)
                    && server.spec.podSelector.matches(pod.podLabels)
            })
        else {
            if Self.isProbe(request, of: pod) { return true }
            // No Server: the pod's default policy, from its annotation, else its Namespace's,
            // else the cluster's (the policy controller's order).
            let policy =
                pod.podAnnotations[Self.defaultPolicyAnnotation]
                ?? inventory.namespaces(named: pod.namespace).lazy.compactMap {
                    $0.annotations[Self.defaultPolicyAnnotation]
                }.first ?? defaultPolicy
            return Self.admits(accessPolicy: policy, request)
        }
        let namespace = server.metadata.namespace ?? ""
        // Server-level: policies on the Server or on its Namespace, and what `accessPolicy`
        // implies (Linkerd notes 3, step 2).
        let serverLevel =
            authorized(request, target: "Server", name: server.metadata.name ?? "", namespace: namespace)
            || authorized(request, target: "Namespace", name: namespace, namespace: namespace)
            || Self.admits(accessPolicy: server.spec.accessPolicy ?? "deny", request)
        let attached = routes.filter { route in
            route.namespace == namespace
                && route.spec.parentRefs.contains {
                    $0.group == "policy.linkerd.io" && $0.kind == "Server" && $0.name == server.metadata.name
                }
        }
        // An opaque Server reads no HTTP: a request is bytes, decided at the Server's level.
        guard request.protocol == .http, server.spec.proxyProtocol != "opaque" else { return serverLevel }
        // No route: the default route, with server-level authorizations only, and the probe route.
        guard !attached.isEmpty else { return serverLevel || Self.isProbe(request, of: pod) }
        guard let route = LinkerdRouteSelection.best(attached, request, regexes: regexes)?.route else { return false }
        return serverLevel || authorized(request, target: "HTTPRoute", name: route.name, namespace: namespace)
    }

    /// The annotation that sets a pod's or namespace's default inbound policy, as the policy
    /// controller reads it; stated here apart from the translator's, so that the model checks
    /// the rendering instead of repeating it.
    static let defaultPolicyAnnotation = "config.linkerd.io/default-inbound-policy"

    /// Whether the request is one of the pod's HTTP probes on its port, as Linkerd's probe
    /// route matches them: `GET`, the path exactly, the query aside.
    static func isProbe(_ request: AccessRequest, of pod: Inventory.Workload) -> Bool {
        request.protocol == .http && request.method == "GET"
            && pod.httpProbes.contains {
                $0.port == request.port && String($0.path.prefix { $0 != "?" }) == request.pathOnly
            }
    }

    /// Whether a Server's `accessPolicy` admits the request by itself: `deny` (the CRD default,
    /// also for a value the indexer cannot parse) nothing; the `*-authenticated` ones any
    /// client with a mesh identity; the `*-unauthenticated` ones and `audit` every client (the
    /// requests of the differential all come from inside the cluster).
    static func admits(accessPolicy: String, _ request: AccessRequest) -> Bool {
        switch accessPolicy {
        case "all-unauthenticated", "cluster-unauthenticated", "audit": true
        case "all-authenticated", "cluster-authenticated": request.source != nil
        default: false
        }
    }

    /// Whether an AuthorizationPolicy on the target admits the client: every authentication it
    /// requires does (a NetworkAuthentication any client, a MeshTLSAuthentication the listed
    /// identities).
    private func authorized(_ request: AccessRequest, target kind: String, name: String, namespace: String) -> Bool {
        policies.contains { policy in
            guard policy.metadata.namespace == namespace, policy.spec.targetRef.kind.lowercased() == kind.lowercased(),
                policy.spec.targetRef.name == name
            else { return false }
            return policy.spec.requiredAuthenticationRefs.allSatisfy { ref in
                let key = "\(ref.namespace ?? namespace)/\(ref.name)"
                if ref.kind == "NetworkAuthentication" { return networks.contains(key) }
                guard ref.kind == "MeshTLSAuthentication", let source = request.source,
                    let authentication = authentications[key]
                else { return false }
                return admits(authentication, source, in: authentication.metadata.namespace ?? namespace)
            }
        }
    }

    /// Whether a MeshTLSAuthentication in `namespace` names the client's identity.
    private func admits(
        _ authentication: LinkerdApplied.MeshTLSAuthentication, _ source: AccessRequest.Identity,
        in namespace: String
    ) -> Bool {
        let byReference = (authentication.spec.identityRefs ?? []).contains { ref in
            switch ref.kind {
            case "ServiceAccount":
                ref.name == source.serviceAccount && (ref.namespace ?? namespace) == source.namespace
            case "Namespace": ref.name == source.namespace
            default: false
            }
        }
        let identity = "\(source.serviceAccount).\(source.namespace).serviceaccount.identity.linkerd.\(trustDomain)"
        return byReference
            || (authentication.spec.identities ?? []).contains { name in
                name == "*" || name == identity || (name.hasPrefix("*.") && identity.hasSuffix(name.dropFirst()))
            }
    }
}
