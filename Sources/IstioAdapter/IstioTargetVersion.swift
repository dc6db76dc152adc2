import SMICore

/// What differs by Istio release (Istio notes section 2 and 3.2), for
/// `RenderOptions.release`; no version means a current one.
struct IstioTargetVersion {
    let options: RenderOptions

    init(_ options: RenderOptions) {
        self.options = options
    }

    /// Before 1.15 weights had to be percentages summing to 100.
    var needsPercentages: Bool { options.targetsBefore(1, 15) }

    /// `security.istio.io/v1` is served from 1.17; v1beta1 before.
    var securityAPIVersion: String {
        options.targetsBefore(1, 17) ? "security.istio.io/v1beta1" : "security.istio.io/v1"
    }

    /// `networking.istio.io/v1` is served from 1.22; v1beta1 before.
    var networkingAPIVersion: String {
        options.targetsBefore(1, 22) ? "networking.istio.io/v1beta1" : "networking.istio.io/v1"
    }
}
