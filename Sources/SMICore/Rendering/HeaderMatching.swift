/// Facts about matching request headers and regexes that hold for several meshes.
///
/// Which header names a proxy can match at all, and which regex escapes change meaning between
/// regex engines.
///
/// Adapters share them so that one mesh's fix reaches the others.
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

    /// Why an Envoy-based proxy cannot match a condition on `name` as SMI means it, or nil when
    /// it can.
    ///
    /// Istio, Consul and Gateway API on Envoy are such proxies.
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

    /// Why Rust's regex crate (Linkerd's proxy) reads `regex` otherwise than RE2, or nil when
    /// they read it alike.
    ///
    /// `\d`, `\w`, `\s`, `\b`, `\p` (Unicode in Rust, ASCII in RE2), `\Q...\E` and `\C` (RE2
    /// only: Rust refuses the pattern), and inside a class a nested `[` or the set operators
    /// `&&`, `--`, `~~` (Rust nests and combines classes; RE2 reads the characters).
    ///
    /// Found by the Rust differential (LinkerdRegexDialectTests).
    public static func rustReadsDifferently(_ regex: String) -> String? {
        let bytes = Array(regex.utf8)
        var index = 0
        var inClass = false
        var classStart = 0
        func byte(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        while index < bytes.count {
            let current = bytes[index]
            if current == UInt8(ascii: "\\"), let next = byte(1) {
                if "dDwWsSbBpP".utf8.contains(next) {
                    return
                        "the class \\\(Character(Unicode.Scalar(next))) is Unicode in Rust (Linkerd) and ASCII in RE2"
                }
                if "QEC".utf8.contains(next) {
                    return "\\\(Character(Unicode.Scalar(next))) exists in RE2 only: Rust (Linkerd) refuses the regex"
                }
                index += 2
                continue
            }
            if inClass {
                if current == UInt8(ascii: "["), byte(1) == UInt8(ascii: ":"),
                    let close = closingPOSIXClass(bytes, from: index)
                {
                    index = close
                    continue
                }
                if current == UInt8(ascii: "[") {
                    return "a '[' inside a class nests a class in Rust (Linkerd) and is a character in RE2"
                }
                if "&-~".utf8.contains(current), byte(1) == current, index > classStart {
                    return "'&&', '--' and '~~' in a class are set operations in Rust (Linkerd) and characters in RE2"
                }
                if current == UInt8(ascii: "]"), index > classStart { inClass = false }
            } else if current == UInt8(ascii: "[") {
                inClass = true
                // A `]` right after `[` or `[^` is a character, not the end.
                classStart = index + (byte(1) == UInt8(ascii: "^") ? 2 : 1)
                index = classStart
                continue
            }
            index += 1
        }
        return nil
    }

    /// The offset after the `:]` that closes a POSIX class `[:name:]` starting at `start`.
    private static func closingPOSIXClass(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 2
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: "]") { return index + 2 }
            index += 1
        }
        return nil
    }
}
