/// What a mesh is asked to measure.
///
/// The SMI TrafficMetrics question (a resource, optionally one edge or every edge of a
/// direction, over a window) in a form each mesh turns into its own queries.
public struct MetricsQuery: Sendable, Equatable {
    /// The kinds TrafficMetrics can be about.
    public enum Kind: String, Sendable, CaseIterable {
        case pod = "Pod", deployment = "Deployment", daemonSet = "DaemonSet", statefulSet = "StatefulSet", namespace =
            "Namespace"
    }

    /// A Kubernetes object metrics are about; a Namespace has no `namespace`.
    public struct Resource: Sendable, Equatable, CustomStringConvertible {
        /// Its kind.
        public var kind: Kind
        /// The namespace (for a Namespace: its own name).
        public var namespace: String
        /// The name (for a Namespace: its own name).
        public var name: String

        /// Creates a reference.
        public init(kind: Kind, namespace: String, name: String) {
            self.kind = kind
            self.namespace = namespace
            self.name = kind == .namespace ? namespace : name
        }

        /// `Kind namespace/name`.
        public var description: String {
            kind == .namespace ? "Namespace \(name)" : "\(kind.rawValue) \(namespace)/\(name)"
        }
    }

    /// Traffic between the resource and a peer.
    public struct Edge: Sendable, Equatable {
        /// `from`: the peer sends to the resource; `to`: the resource sends to the peer.
        public enum Direction: String, Sendable { case from, to }
        /// The proxy whose counts are asked for (v1alpha2 `edge.side`): the client's or the server's.
        public enum Side: String, Sendable { case client, server }
        /// The direction.
        public var direction: Direction
        /// The peer; nil asks for every peer, one series each.
        public var peer: Resource?
        /// The side asked for; nil leaves it to the mesh.
        public var side: Side?

        /// Creates an edge.
        public init(direction: Direction, peer: Resource? = nil, side: Side? = nil) {
            self.direction = direction
            self.peer = peer
            self.side = side
        }

        /// Why a mesh whose series for this edge are the `measured` side's cannot answer it:
        /// the edge asks for the other side.
        ///
        /// Nil when it asks for none or for that one.
        public func problem(measuredAt measured: Side, by mesh: String) -> Problem? {
            guard let side, side != measured else { return nil }
            return Problem(
                description:
                    "edge.side: \(mesh) measures this edge at the \(measured) side's proxy only, so the \(side) side's counts cannot be given"
            )
        }
    }

    /// The metrics SMI defines, with their units.
    public static let metrics: [(name: String, unit: String?)] = [
        ("p99_response_latency", "ms"), ("p90_response_latency", "ms"), ("p50_response_latency", "ms"),
        ("success_count", nil), ("failure_count", nil)
    ]

    /// The resource.
    public var resource: Resource
    /// An edge of it, or nil for all its inbound traffic.
    public var edge: Edge?
    /// The window, in whole seconds (SMI's default is 30 s).
    public var windowSeconds: Int

    /// Creates a query.
    public init(resource: Resource, edge: Edge? = nil, windowSeconds: Int = 30) {
        self.resource = resource
        self.edge = edge
        self.windowSeconds = windowSeconds
    }

    /// A problem with a TrafficMetrics object as a question.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong.
        public var description: String

        /// Creates a problem.
        public init(description: String) {
            self.description = description
        }
    }

    /// The question a TrafficMetrics object asks (its `resource`, `edge` and `window`).
    public init(_ metrics: Metrics.TrafficMetrics) throws(Problem) {
        guard let reference = metrics.resource else { throw Problem(description: "resource: missing") }
        resource = try Self.resource(reference, defaultNamespace: metrics.metadata.namespace, field: "resource")
        if let edge = metrics.edge {
            guard let direction = Edge.Direction(rawValue: edge.direction) else {
                throw Problem(description: "edge.direction: '\(edge.direction)' is neither 'from' nor 'to'")
            }
            // `edge.resource: {}` (or null) means every peer (D24).
            var peer: Resource?
            if let reference = edge.resource,
                reference.kind != nil || reference.name != nil || reference.namespace != nil
            {
                peer = try Self.resource(reference, defaultNamespace: nil, field: "edge.resource")
            }
            var side: Edge.Side?
            if let text = edge.side {
                guard let value = Edge.Side(rawValue: text) else {
                    throw Problem(description: "edge.side: '\(text)' is neither 'client' nor 'server'")
                }
                side = value
            }
            self.edge = Edge(direction: direction, peer: peer, side: side)
        } else {
            edge = nil
        }
        windowSeconds = try Self.seconds(metrics.window ?? "30s")
    }

    private static func resource(_ reference: Metrics.ObjectReference, defaultNamespace: String?, field: String)
        throws(Problem) -> Resource
    {
        guard let kindName = reference.kind, let kind = Kind(rawValue: kindName) else {
            throw Problem(
                description:
                    "\(field).kind: '\(reference.kind ?? "")' is not one of \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let name = reference.name, !name.isEmpty else { throw Problem(description: "\(field).name: missing") }
        if kind == .namespace { return Resource(kind: kind, namespace: name, name: name) }
        guard let namespace = reference.namespace ?? defaultNamespace else {
            throw Problem(description: "\(field).namespace: missing")
        }
        return Resource(kind: kind, namespace: namespace, name: name)
    }

    /// Whole seconds of a Go duration made of `h`, `m` and `s` parts (`30s`, `1m30s`).
    public static func seconds(_ duration: String) throws(Problem) -> Int {
        var total = 0
        var digits = ""
        for character in duration {
            if character.isASCII && character.isNumber {
                digits.append(character)
                continue
            }
            let unit: Int
            switch character {
            case "h": unit = 3600
            case "m": unit = 60
            case "s": unit = 1
            default:
                throw Problem(
                    description: "window: '\(duration)' is not a duration in whole seconds (like 30s or 1m30s)")
            }
            guard let value = Int(digits), value <= 1_000_000_000 else {
                throw Problem(
                    description: "window: '\(duration)' is not a duration in whole seconds (like 30s or 1m30s)")
            }
            total += value * unit
            digits = ""
        }
        guard digits.isEmpty, total > 0 else {
            throw Problem(
                description: "window: '\(duration)' is not a positive duration in whole seconds (like 30s or 1m30s)")
        }
        return total
    }
}
