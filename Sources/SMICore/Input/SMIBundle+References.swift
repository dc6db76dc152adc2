extension SMIBundle {
    /// What a TrafficTarget rule refers to, resolved in the target's namespace.
    public enum RuleTarget: Sendable, Equatable {
        /// The HTTPRouteGroup and the matches the rule selects. All when it names none.
        ///
        /// Only unique names that exist when it names some (notes D7 and D16).
        case http(Specs.V1Alpha4.HTTPRouteGroup, [Specs.HTTPMatch])
        /// The TCPRoute.
        case tcp(Specs.V1Alpha4.TCPRoute)
        /// The UDPRoute.
        case udp(Specs.V1Alpha4.UDPRoute)
        /// Nothing: the route does not exist, or the kind is unknown.
        case missing
    }

    /// Resolves a rule of a TrafficTarget in `namespace`.
    public func resolve(_ rule: Access.Rule, namespace: String) -> RuleTarget {
        let key = Key(namespace: namespace, name: rule.name)
        switch rule.kind {
        case Specs.HTTPRouteGroupKind.kind:
            guard let group = httpRouteGroups[key]?.object else { return .missing }
            guard let wanted = rule.matches, !wanted.isEmpty else { return .http(group, group.spec.matches) }
            var counts: [String: Int] = [:]
            for m in group.spec.matches { counts[m.name, default: 0] += 1 }
            return .http(group, group.spec.matches.filter { wanted.contains($0.name) && counts[$0.name] == 1 })
        case Specs.TCPRouteKind.kind:
            return tcpRoutes[key].map { .tcp($0.object) } ?? .missing
        case Specs.UDPRouteKind.kind:
            return udpRoutes[key].map { .udp($0.object) } ?? .missing
        default:
            return .missing
        }
    }

    /// The HTTP matches a TrafficTarget rule grants, as the SMI model reads them.
    ///
    /// Those it selects of its HTTPRouteGroup when the group is usable (notes D12, D25); none
    /// for a missing or unusable group, or a rule of another kind.
    public func grantedMatches(_ rule: Access.Rule, namespace: String) -> [Specs.HTTPMatch] {
        guard case let .http(group, selected) = resolve(rule, namespace: namespace), group.isUsable
        else { return [] }
        return selected
    }

    /// The HTTPRouteGroups a TrafficSplit's `matches` name, in its namespace; `nil` for one
    /// that does not exist.
    public func routeGroups(of split: Item<Split.V1Alpha4.TrafficSplit>) -> [Specs.V1Alpha4.HTTPRouteGroup?] {
        (split.object.spec.matches ?? []).map {
            httpRouteGroups[Key(namespace: split.key.namespace, name: $0.name)]?.object
        }
    }
}
