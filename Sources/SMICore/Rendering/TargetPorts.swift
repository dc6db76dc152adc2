/// The destination ports a TrafficTarget's TCP side covers, as every adapter must read them
/// (notes D5, D13, D14, 8.1).
///
/// From its TCPRoute rules, narrowed by an access v1alpha1/v1alpha2 destination port.
public enum TargetPorts: Sendable, Equatable {
    /// Every port.
    case unrestricted
    /// These ports, sorted.
    case some([Int])
    /// No port at all: the target grants nothing.
    case nothing

    /// The ports of `item`, or nil when nothing restricts them (no TCPRoute rule and no
    /// destination port).
    ///
    /// With HTTP rules they only narrow where HTTP is granted; without, they are where TCP of
    /// any content is granted.
    public static func of(_ item: SMIBundle.Item<Access.V1Alpha3.TrafficTarget>, in bundle: SMIBundle) -> TargetPorts? {
        let rules = item.object.spec.rules
        var ports: TargetPorts?
        let tcp = rules.filter { $0.kind == "TCPRoute" }
        if !tcp.isEmpty {
            var listed = Set<Int>()
            ports = .nothing
            for rule in tcp where rule.matches?.isEmpty ?? true {
                guard case let .tcp(route) = bundle.resolve(rule, namespace: item.key.namespace) else { continue }
                if route.spec.matches.ports.isEmpty {
                    listed = []
                    ports = .unrestricted
                    break
                }
                listed.formUnion(route.spec.matches.ports.filter { (1...65535).contains($0) })
                ports = listed.isEmpty ? .nothing : .some(listed.sorted())
            }
        }
        guard let port = bundle.destinationPorts[item.key] else { return ports }
        switch ports {
        // Without TCPRoute rules only HTTP rules narrow; a target with neither grants nothing.
        case nil: return rules.contains { $0.kind == "HTTPRouteGroup" } ? .some([port]) : nil
        case .unrestricted?: return .some([port])
        case let .some(list)?: return list.contains(port) ? .some([port]) : .nothing
        case .nothing?: return .nothing
        }
    }

    /// Whether `port` is covered.
    public func covers(_ port: Int) -> Bool {
        switch self {
        case .unrestricted: true
        case let .some(list): list.contains(port)
        case .nothing: false
        }
    }
}
