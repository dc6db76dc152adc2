extension Access.V1Alpha3.TrafficTarget {
    /// A TrafficTarget letting the ServiceAccounts `sources` reach the pods of `destination` as
    /// `rules` say.
    ///
    /// Accounts are named `name` (in the target's namespace) or `namespace/name`.
    public init(
        _ name: String, namespace: String = "default", destination: String, sources: [String], rules: [Access.Rule]
    ) {
        let account = { (reference: String) -> Access.Subject in
            let parts = reference.split(separator: "/", maxSplits: 1).map(String.init)
            return parts.count == 2
                ? Access.Subject(name: parts[1], namespace: parts[0])
                : Access.Subject(name: reference, namespace: namespace)
        }
        self.init(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: .init(destination: account(destination), rules: rules, sources: sources.map(account)))
    }
}

extension Access.Rule {
    /// A rule granting the named matches of an HTTPRouteGroup (every match when `matches` is nil).
    public static func httpRouteGroup(_ name: String, matches: [String]? = nil) -> Access.Rule {
        Access.Rule(kind: "HTTPRouteGroup", name: name, matches: matches)
    }

    /// A rule granting the TCP traffic of a TCPRoute.
    public static func tcpRoute(_ name: String) -> Access.Rule {
        Access.Rule(kind: "TCPRoute", name: name)
    }

    /// A rule granting the UDP traffic of a UDPRoute.
    public static func udpRoute(_ name: String) -> Access.Rule {
        Access.Rule(kind: "UDPRoute", name: name)
    }
}

extension Specs.V1Alpha4.HTTPRouteGroup {
    /// An HTTPRouteGroup with its matches.
    public init(_ name: String, namespace: String = "default", matches: [Specs.HTTPMatch]) {
        self.init(metadata: ObjectMeta(name: name, namespace: namespace), spec: .init(matches: matches))
    }
}

extension Specs.V1Alpha4.TCPRoute {
    /// A TCPRoute for `ports` (every port when empty).
    public init(_ name: String, namespace: String = "default", ports: [Int] = []) {
        self.init(metadata: ObjectMeta(name: name, namespace: namespace), spec: .init(matches: .init(ports: ports)))
    }
}

extension Split.V1Alpha4.TrafficSplit {
    /// A TrafficSplit of the Service `service` over `backends` (Service name and weight, in
    /// order).
    ///
    /// It splits only the requests of the HTTPRouteGroups `matches`, when given.
    public init(
        _ name: String, namespace: String = "default", service: String, backends: KeyValuePairs<String, Int>,
        matches: [String]? = nil
    ) {
        self.init(
            metadata: ObjectMeta(name: name, namespace: namespace),
            spec: .init(
                service: service, backends: backends.map { .init(service: $0.key, weight: $0.value) },
                matches: matches?.map { .init(kind: "HTTPRouteGroup", name: $0) }))
    }
}
