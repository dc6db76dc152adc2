import SMICore

/// The mesh that reads the rendered routes.
///
/// It says what differs between meshes where the Gateway API leaves behaviour to the
/// implementation (regex dialect and precedence, repeated headers) and which releases each
/// reads. The release of the mesh is `RenderOptions.release` (none: a current one).
public enum GatewayAPIImplementation: String, Sendable, Equatable, CaseIterable {
    /// Any conformant mesh: only what the Gateway API specifies is relied on.
    case generic
    /// Istio (GAMMA stable since 1.22): Envoy's RE2, full match.
    ///
    /// The rules of all routes on a Service are sorted Exact > PathPrefix > RegularExpression,
    /// then by value length, method, header count (pilot/pkg/config/kube/gateway/conversion.go
    /// `sortHTTPRoutes`).
    case istio
    /// Linkerd (2.14+): Rust regexes that must span the whole value.
    ///
    /// The best match scores the matched path length, then header count, then method, ties to
    /// the earlier rule (linkerd2-proxy `http-route` `RequestMatch`, `PathMatch`).
    case linkerd

    /// Whether the proxy matches a repeated header's values joined by ',' (Envoy) rather than
    /// each value (Linkerd, and SMI).
    var joinsRepeatedHeaders: Bool { self != .linkerd }

    /// Whether regexes may use escapes whose meaning differs between engines (only where the
    /// engine is known to be RE2).
    var acceptsEngineDependentClasses: Bool { self == .istio }

    /// The apiVersion of HTTPRoute the mesh reads: Linkerd before 2.18 reads v1beta1.
    func httpRouteVersion(_ options: RenderOptions) -> String {
        self == .linkerd && options.targetsBefore(2, 18) ? "v1beta1" : "v1"
    }

    /// The apiVersion of GRPCRoute to write, or why none can be.
    func grpcRouteVersion(_ release: GatewayAPIRelease, _ options: RenderOptions) -> Result<String, GatewayAPIRefusal> {
        if self == .linkerd, options.targetsBefore(2, 18) {
            if options.targetsBefore(2, 15) {
                return .failure("Linkerd \(options.releaseName) reads no GRPCRoute (2.15+)")
            }
            return release.servesGRPCRouteV1alpha2
                ? .success("v1alpha2")
                : .failure("Linkerd 2.15-2.17 read GRPCRoute v1alpha2, which Gateway API \(release) does not serve")
        }
        return release.grpcRouteVersion.map { .success($0) }
            ?? .failure("Gateway API \(release) has no GRPCRoute (standard from v1.1)")
    }

    /// The apiVersion of TCPRoute to write, or why none can be.
    func tcpRouteVersion(_ release: GatewayAPIRelease, _ options: RenderOptions) -> Result<String, GatewayAPIRefusal> {
        if self == .linkerd {
            if options.targetsBefore(2, 17) {
                return .failure("Linkerd \(options.releaseName) reads no TCPRoute (2.17+)")
            }
            return release.tcpRouteVersions.contains("v1alpha2")
                ? .success("v1alpha2")
                : .failure(
                    "Linkerd reads TCPRoute v1alpha2, which Gateway API \(release) does not serve (use --gateway-api-channel experimental)"
                )
        }
        return release.tcpRouteVersions.first.map { .success($0) }
            ?? .failure("Gateway API \(release) has no TCPRoute (standard from v1.6; experimental before)")
    }

    /// What is wrong with reading `release` with this mesh at `options.release`: errors
    /// for combinations that cannot work, warnings for ones the mesh does not document.
    func releaseProblems(_ release: GatewayAPIRelease, _ options: RenderOptions) -> [(Diagnostic.Severity, String)] {
        switch self {
        case .generic:
            return []
        case .istio:
            if options.targetsBefore(1, 16) {
                return [
                    (
                        .error,
                        "Istio \(options.releaseName) does not route mesh traffic with Gateway API routes (1.16+, stable from 1.22)"
                    )
                ]
            }
            if options.targetsBefore(1, 22) {
                return [
                    (
                        .warning,
                        "Istio \(options.releaseName) routes mesh traffic with Gateway API routes only as a beta feature (stable from 1.22)"
                    )
                ]
            }
            return []
        case .linkerd:
            if options.targetsBefore(2, 14) {
                return [
                    (
                        .error,
                        "Linkerd \(options.releaseName) does not read gateway.networking.k8s.io HTTPRoutes (2.14+)"
                    )
                ]
            }
            if options.targetsBefore(2, 18), release.minor > 1 {
                return [(.error, "Linkerd 2.14-2.17 read Gateway API up to v1.1.1, not \(release)")]
            }
            if !options.targetsBefore(2, 18), release.minor < 1 || release.minor > 2 {
                return [(.warning, "Linkerd 2.18+ documents Gateway API v1.1.1 to v1.2.1, not \(release)")]
            }
            return []
        }
    }
}

/// Why a route cannot be written for the target: one sentence for a diagnostic.
struct GatewayAPIRefusal: Error, ExpressibleByStringInterpolation {
    let message: String

    init(stringLiteral value: String) {
        message = value
    }

    init(stringInterpolation: DefaultStringInterpolation) {
        message = String(stringInterpolation: stringInterpolation)
    }
}
