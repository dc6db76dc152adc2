/// A Gateway API release and channel.
///
/// Which route kinds and apiVersions its CRDs serve, which fields they hold, and their limits
/// (read from the CRDs of each release; GatewayAPIReleaseTests holds this table against them).
public struct GatewayAPIRelease: Sendable, Equatable, Comparable, CustomStringConvertible {
    /// The CRD set installed: `standard` (the stable fields) or `experimental` (all of them).
    public enum Channel: String, Sendable, Equatable, CaseIterable {
        /// The standard channel.
        case standard
        /// The experimental channel.
        case experimental
    }

    /// The minor version of `v1.N` (patch releases change no field this adapter writes).
    public var minor: Int
    /// The channel.
    public var channel: Channel

    /// The releases this adapter can target: v1.0 to v1.6.
    public static let minors = 0...6
    /// The newest release, standard channel: the default.
    public static let newest = GatewayAPIRelease(minor: 6, channel: .standard)

    /// Creates a release; `minor` must be in `minors`.
    public init(minor: Int, channel: Channel = .standard) {
        self.minor = minor
        self.channel = channel
    }

    /// Reads `v1.N`, `1.N` or `v1.N.P`; nil for anything else or a release outside `minors`.
    public init?(_ text: String, channel: Channel = .standard) {
        let parts = (text.hasPrefix("v") ? text.dropFirst() : Substring(text)).split(separator: ".")
        guard (2...3).contains(parts.count), parts[0] == "1", let minor = Int(parts[1]), Self.minors.contains(minor),
            parts.dropFirst(2).allSatisfy({ Int($0) != nil })
        else { return nil }
        self.init(minor: minor, channel: channel)
    }

    /// `v1.N (standard)`.
    public var description: String { "v1.\(minor) (\(channel.rawValue))" }

    /// Orders by release, then standard before experimental.
    public static func < (left: Self, right: Self) -> Bool {
        (left.minor, left.channel == .experimental ? 1 : 0) < (right.minor, right.channel == .experimental ? 1 : 0)
    }

    /// Whether `parentRefs[].port` exists: standard from v1.1, experimental always.
    public var hasParentPort: Bool { minor >= 1 || channel == .experimental }

    /// The apiVersion GRPCRoute is served as, or nil when the channel has no GRPCRoute (v1.0
    /// standard).
    ///
    /// V1 from v1.1, v1alpha2 in v1.0 experimental.
    public var grpcRouteVersion: String? {
        if minor >= 1 { return "v1" }
        return channel == .experimental ? "v1alpha2" : nil
    }

    /// Whether GRPCRoute v1alpha2 is served (v1.0 and v1.1 experimental; no longer from v1.2).
    public var servesGRPCRouteV1alpha2: Bool { minor <= 1 && channel == .experimental }

    /// The apiVersions TCPRoute is served as, newest first.
    ///
    /// V1 from v1.6 (both channels), v1alpha2 in the experimental channel of every release;
    /// none in standard before v1.6.
    public var tcpRouteVersions: [String] {
        (minor >= 6 ? ["v1"] : []) + (channel == .experimental ? ["v1alpha2"] : [])
    }

    /// Matches per HTTPRoute rule: 8 before v1.2, then 64.
    public var httpMatchesPerRule: Int { minor >= 2 ? 64 : 8 }
    /// Matches per GRPCRoute rule: 8 before v1.3, then 64.
    public var grpcMatchesPerRule: Int { minor >= 3 ? 64 : 8 }
    /// The CEL limit on matches over all the rules of a route (v1.2+), or nil.
    public var matchesPerRoute: Int? { minor >= 2 ? 128 : nil }
    /// Rules per route, backends per rule and header conditions per match: 16 in every release.
    public static let rulesPerRoute = 16
    /// Backends per rule.
    public static let backendsPerRule = 16
    /// Header conditions per match.
    public static let headersPerMatch = 16
    /// The largest weight of a backend.
    public static let maximumWeight = 1_000_000
    /// The longest path value.
    public static let maximumPathLength = 1024
    /// The longest header value.
    public static let maximumHeaderValueLength = 4096
}
