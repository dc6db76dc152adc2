extension Split {
    /// The root Service a split names, as a Service name in the split's namespace (notes D19).
    ///
    /// A bare name, or `name.ns`, `name.ns.svc` and `name.ns.svc.<domain>` when `ns` is the
    /// split's own namespace (`normalized` says so).
    ///
    /// Anything else is refused.
    public static func rootService(_ written: String, namespace: String) -> Result<
        (name: String, normalized: Bool), ConversionProblem
    > {
        if DNSName.isLabel1035(written) { return .success((written, false)) }
        let parts = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count >= 2, DNSName.isLabel1035(parts[0]), parts[1] == namespace, parts.count == 2 || parts[2] == "svc"
        {
            return .success((parts[0], true))
        }
        return .failure(
            ConversionProblem(
                "'\(written)' is not a Service in namespace '\(namespace)'; a split's root must be one",
                at: "spec.service"))
    }
}
