import SMICore

/// What differs by Linkerd release (Linkerd notes 2.1 and 4.7), for
/// `RenderOptions.release` (`2.15`); no version means a current one.
struct LinkerdTargetVersion {
    let options: RenderOptions

    init(_ options: RenderOptions) {
        self.options = options
    }

    /// AuthorizationPolicy and MeshTLSAuthentication exist from 2.12.
    var hasAuthorizationPolicies: Bool { !options.targetsBefore(2, 12) }

    /// HTTPRoute backends with weights exist from 2.13 (`v1beta2`).
    var hasWeightedRoutes: Bool { !options.targetsBefore(2, 13) }

    /// Server `v1beta3` (with `accessPolicy`) from 2.16; `v1beta2` in 2.15, which deprecates
    /// `v1beta1` (Linkerd notes 1); `v1beta1` before.
    ///
    /// Each denies without authorizations.
    var serverAPIVersion: String {
        options.targetsBefore(2, 15)
            ? "policy.linkerd.io/v1beta1"
            : options.targetsBefore(2, 16) ? "policy.linkerd.io/v1beta2" : "policy.linkerd.io/v1beta3"
    }

    /// HTTPRoute `v1beta3` from 2.14, `v1beta2` in 2.13, `v1beta1` in 2.12.
    var httpRouteAPIVersion: String {
        options.targetsBefore(2, 13)
            ? "policy.linkerd.io/v1beta1"
            : options.targetsBefore(2, 14) ? "policy.linkerd.io/v1beta2" : "policy.linkerd.io/v1beta3"
    }
}
