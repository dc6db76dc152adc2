/// Kubernetes name rules: DNS-1123 labels (most names) and subdomains (object names).
///
/// A label has lowercase alphanumerics and `-`, at most 63; a subdomain is labels joined by
/// `.`, at most 253.
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
            guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else {
                return false
            }
            return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    /// `name` when it fits in `maxLength` characters, else its start and a hash of the whole
    /// name.
    ///
    /// The hash is `-` and 8 hexadecimal digits, so that shortened names stay distinct and are
    /// the same on every run. The result is still a valid label when `name` is one.
    public static func shortened(_ name: String, maxLength: Int = 63) -> String {
        guard name.utf8.count > maxLength, maxLength > 9 else { return name }
        let suffix = "-" + hash(name)
        var head = String(name.utf8.prefix(maxLength - suffix.count)) ?? ""
        while let last = head.last, last == "-" || last == "." { head.removeLast() }
        return head + suffix
    }

    /// 32 bits of FNV-1a over the name, as 8 hexadecimal digits: stable across runs and
    /// platforms, unlike `hashValue`.
    static func hash(_ name: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in name.utf8 {
            h ^= UInt64(b)
            h = h &* 0x100_0000_01b3
        }
        let folded = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
