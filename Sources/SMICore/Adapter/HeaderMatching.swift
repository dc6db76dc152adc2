/// Facts about matching request headers and regexes that hold for several meshes: which
/// header names a proxy can match at all, and which regex escapes change meaning between
/// regex engines. Adapters share them so that one mesh's fix reaches the others.
public enum HeaderMatching {
    /// Whether `name` is an HTTP token (RFC 9110 field name): the only header names that
    /// Gateway API and Linkerd routes accept.
    public static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy(isTokenByte)
    }

    /// Whether a byte may be in a header name (an HTTP token character).
    public static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }

    /// Why an Envoy-based proxy (Istio, Consul, Gateway API on Envoy) cannot match a condition
    /// on `name` as SMI means it, or nil when it can.
    ///
    /// Envoy joins repeated `cookie` headers with "; " (other headers with ","), so a value
    /// holding "; " matches two cookies that SMI would each compare on their own; pseudo-headers
    /// are not request headers to SMI, and Envoy keeps `host` as `:authority`.
    public static func envoyCannotMatch(_ name: String) -> String? {
        let lower = name.lowercased()
        if lower.isEmpty { return "a header needs a name" }
        if lower.hasPrefix(":") { return "'\(name)' is a pseudo-header, not a request header" }
        if lower == "host" { return "Envoy matches 'host' as ':authority', which SMI does not name" }
        if lower == "cookie" {
            return
                "Envoy joins repeated cookie headers with '; ', so a value could match two cookies that SMI compares one by one"
        }
        return nil
    }

    /// Whether the regex has an escape (`\d`, `\w`, `\s`, `\b`, `\p` or their negations)
    /// whose meaning depends on the regex engine: Rust's regex crate (Linkerd) reads them as
    /// Unicode classes, RE2 as ASCII. Bytes suffice: no byte of a multi-byte character is ASCII.
    public static func hasEngineDependentClass(_ regex: String) -> Bool {
        var escaped = false
        for byte in regex.utf8 {
            if escaped {
                if "dDwWsSbBpP".utf8.contains(byte) { return true }
                escaped = false
            } else if byte == UInt8(ascii: "\\") {
                escaped = true
            }
        }
        return false
    }
}
