/// Kubernetes name rules: DNS-1123 labels (most names: lowercase alphanumerics and `-`, at
/// most 63) and subdomains (object names: labels joined by `.`, at most 253).
public enum DNSName {
    /// Whether `name` is a DNS-1123 label.
    public static func isLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 63, let first = bytes.first, let last = bytes.last,
              isAlphanumeric(first), isAlphanumeric(last)
        else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Whether `name` is a DNS-1035 label (Service names): a DNS-1123 label that starts
    /// with a letter.
    public static func isLabel1035(_ name: String) -> Bool {
        guard let first = name.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return isLabel(name)
    }

    /// Whether `name` is a DNS-1123 subdomain.
    public static func isSubdomain(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        return name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
            let bytes = Array(label.utf8)
            guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
            return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }
}
