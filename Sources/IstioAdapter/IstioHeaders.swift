import SMICore

/// Header names Envoy does not present to Istio's matchers as SMI means them (Istio notes
/// 3.8): there is no condition on such a header that says what SMI's does.
enum IstioHeaders {
    /// Why Istio cannot match a condition on `name` as SMI means it, or nil when it can.
    ///
    /// Envoy joins repeated `cookie` headers with "; " (other headers with ","), so a value
    /// holding "; " matches two cookies that SMI would each compare on their own; pseudo-headers
    /// are not request headers to SMI, and Envoy keeps `host` as `:authority`.
    static func unmatchable(_ name: String) -> String? {
        let lower = name.lowercased()
        if lower.isEmpty { return "a header needs a name" }
        if lower.hasPrefix(":") { return "'\(name)' is a pseudo-header, not a request header" }
        if lower == "host" { return "Envoy matches 'host' as ':authority', which SMI does not name" }
        if lower == "cookie" { return "Envoy joins repeated cookie headers with '; ', so a value could match two cookies that SMI compares one by one" }
        return nil
    }
}
