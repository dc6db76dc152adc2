/// How a mesh is installed in a cluster, as far as a rendering must know.
///
/// Each adapter's `installation` holds a stock installation's: the namespaces of its control
/// plane, which a rendering never governs, and how pods get a proxy, without which nothing is
/// enforced.
public struct MeshInstallation: Sendable, Equatable {
    /// Namespaces of the control plane, by name (Istio's root namespace `istio-system`).
    public var controlPlaneNamespaces: Set<String>
    /// Name prefixes of control-plane namespaces (Linkerd's extensions, `linkerd-viz`).
    public var controlPlanePrefixes: [String]
    /// Namespace labels that mark a control-plane namespace, whatever their value.
    ///
    /// Examples are `linkerd.io/is-control-plane` and `linkerd.io/extension`.
    public var controlPlaneLabels: [String]
    /// How pods get a proxy.
    public var injection: ProxyInjection

    /// Creates an installation.
    public init(
        controlPlaneNamespaces: Set<String>, controlPlanePrefixes: [String] = [], controlPlaneLabels: [String] = [],
        injection: ProxyInjection
    ) {
        self.controlPlaneNamespaces = controlPlaneNamespaces
        self.controlPlanePrefixes = controlPlanePrefixes
        self.controlPlaneLabels = controlPlaneLabels
        self.injection = injection
    }

    /// Whether `namespace` holds the mesh's control plane: by name, prefix, or (when the
    /// input holds the Namespace) label.
    public func isControlPlane(_ namespace: String, in inventory: Inventory) -> Bool {
        if controlPlaneNamespaces.contains(namespace)
            || controlPlanePrefixes.contains(where: { namespace.hasPrefix($0) })
        {
            return true
        }
        guard !controlPlaneLabels.isEmpty else { return false }
        return inventory.namespaces(named: namespace).contains { declared in
            controlPlaneLabels.contains { declared.labels[$0] != nil }
        }
    }
}

/// How a mesh decides whether a pod runs its proxy, and which inbound ports bypass it.
public struct ProxyInjection: Sendable, Equatable {
    /// A label or annotation that turns injection on or off.
    public struct Switch: Sendable, Equatable {
        /// Where the switch is read.
        public enum Place: String, Sendable, Equatable {
            /// A label.
            case label
            /// An annotation.
            case annotation
        }

        /// Where it is read.
        public var place: Place
        /// Its key.
        public var key: String
        /// The values that turn injection on; nil when any value does (`istio.io/rev`).
        public var enabling: Set<String>?
        /// The values that turn it off.
        public var disabling: Set<String>

        /// Creates a switch.
        public init(_ place: Place, _ key: String, enabling: Set<String>?, disabling: Set<String> = []) {
            self.place = place
            self.key = key
            self.enabling = enabling
            self.disabling = disabling
        }

        /// `on`, `off`, or nil when the map does not hold the key (or holds another value).
        func state(labels: StringMap, annotations: StringMap) -> (on: Bool, written: String)? {
            guard let value = (place == .label ? labels : annotations)[key] else { return nil }
            let written = "\(place.rawValue) \(key)=\(value)"
            if disabling.contains(value) { return (false, written) }
            if enabling?.contains(value) ?? true { return (true, written) }
            return nil
        }
    }

    /// Switches on the pod template, in the order the mesh reads them.
    public var pod: [Switch]
    /// Switches on the namespace.
    public var namespace: [Switch]
    /// Whether a namespace switch that turns injection off wins over a pod switch that turns it
    /// on.
    ///
    /// Istio's webhooks do not look at the pods of such a namespace.
    public var namespaceOffWins: Bool
    /// Whether pods are injected when neither their template nor their namespace says.
    public var byDefault: Bool
    /// Pod annotations listing inbound ports that bypass the proxy (`a,b`, ranges `a-b`).
    public var excludedInboundPorts: [String]
    /// A pod annotation listing the only inbound ports sent through the proxy (`*` or
    /// absent: all).
    public var includedInboundPorts: String?
    /// What turns injection on, in words, for messages (`the namespace label
    /// istio-injection=enabled`).
    public var requirement: String

    /// Creates the rules.
    public init(
        pod: [Switch], namespace: [Switch], namespaceOffWins: Bool = false, byDefault: Bool,
        excludedInboundPorts: [String] = [], includedInboundPorts: String? = nil, requirement: String
    ) {
        self.requirement = requirement
        self.pod = pod
        self.namespace = namespace
        self.namespaceOffWins = namespaceOffWins
        self.byDefault = byDefault
        self.excludedInboundPorts = excludedInboundPorts
        self.includedInboundPorts = includedInboundPorts
    }
}

/// Whether a workload's pods run the mesh's proxy, as far as the input tells.
public enum ProxyPresence: Sendable, Equatable {
    /// They do; the listed inbound ports bypass it (or every port but those listed reaches it).
    case proxied(bypassed: PortSet)
    /// They do not: every request reaches them, whatever a policy says. The reason names the
    /// switch or setting that decides it.
    case absent(reason: String)
    /// They are assumed to: what decides it (the Namespace object) is not in the input.
    case assumed(assumption: String)

    /// Inbound ports that bypass a proxy.
    public enum PortSet: Sendable, Equatable {
        /// These ports.
        case only([Int])
        /// Every port but these.
        case allBut([Int])

        /// Whether `port` bypasses the proxy.
        public func contains(_ port: Int) -> Bool {
            switch self {
            case let .only(ports): ports.contains(port)
            case let .allBut(ports): !ports.contains(port)
            }
        }

        /// Nothing bypasses it.
        public static let none = PortSet.only([])
    }

    /// Whether a request to `port` of pods with this presence skips the proxy.
    ///
    /// Nothing decides it, so it is let through (an assumed proxy is taken as there).
    public func bypasses(_ port: Int) -> Bool {
        switch self {
        case .absent: true
        case let .proxied(bypassed): bypassed.contains(port)
        case .assumed: false
        }
    }

    /// The presence of `workload`'s proxy under `installation`.
    public static func of(_ workload: Inventory.Workload, in inventory: Inventory, installation: MeshInstallation)
        -> ProxyPresence
    {
        let rules = installation.injection
        if workload.hostNetwork {
            return .absent(reason: "it uses the node's network (hostNetwork: true), which no proxy intercepts")
        }
        let namespace = inventory.namespaces(named: workload.namespace).first { $0.declared }
        let namespaceState = namespace.flatMap { ns in
            rules.namespace.lazy.compactMap { $0.state(labels: ns.labels, annotations: ns.annotations) }.first
        }
        let podState = rules.pod.lazy.compactMap {
            $0.state(labels: workload.podLabels, annotations: workload.podAnnotations)
        }.first
        let decided: (on: Bool, reason: String)?
        if rules.namespaceOffWins, let off = namespaceState, !off.on {
            decided = (false, "namespace \(workload.namespace) has \(off.written)")
        } else if let pod = podState {
            decided = (pod.on, "its pod template has \(pod.written)")
        } else if let ns = namespaceState {
            decided = (ns.on, "namespace \(workload.namespace) has \(ns.written)")
        } else if namespace != nil || rules.namespace.isEmpty {
            decided = (
                rules.byDefault,
                rules.byDefault
                    ? "the mesh injects by default"
                    : "neither its pod template nor namespace \(workload.namespace) has \(rules.requirement)"
            )
        } else {
            decided = nil
        }
        guard let decided else {
            return rules.byDefault
                ? .proxied(bypassed: bypassed(workload, rules))
                : .assumed(
                    assumption:
                        "the Namespace \(workload.namespace) is not in the input: its pods are assumed to run the proxy, which takes \(rules.requirement)"
                )
        }
        return decided.on ? .proxied(bypassed: bypassed(workload, rules)) : .absent(reason: decided.reason)
    }

    /// The inbound ports of `workload` that bypass its proxy.
    private static func bypassed(_ workload: Inventory.Workload, _ rules: ProxyInjection) -> PortSet {
        let excluded = rules.excludedInboundPorts.flatMap { ports(in: workload.podAnnotations[$0] ?? "") }
        if let key = rules.includedInboundPorts, let included = workload.podAnnotations[key],
            included.trimmingCharacters(in: " ") != "*"
        {
            return .allBut(ports(in: included).filter { !excluded.contains($0) }.sorted())
        }
        return .only(Array(Set(excluded)).sorted())
    }

    /// The ports of a list such as `80, 8080, 9000-9002`, as the meshes' port annotations write
    /// them.
    ///
    /// Ranges are capped at 65535 ports; what is not a port or range is left out.
    public static func ports(in list: String) -> [Int] {
        list.split(separator: ",").flatMap { item -> [Int] in
            let bounds = item.split(separator: "-", maxSplits: 1).compactMap { Int($0.trimmingCharacters(in: " ")) }
            guard let low = bounds.first, (1...65535).contains(low) else { return [] }
            let high = bounds.count == 2 ? min(bounds[1], 65535) : low
            return high >= low ? Array(low...high) : []
        }
    }
}

private extension StringProtocol {
    /// The text without leading and trailing `characters`.
    func trimmingCharacters(in characters: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, characters.contains(first) { slice.removeFirst() }
        while let last = slice.last, characters.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
