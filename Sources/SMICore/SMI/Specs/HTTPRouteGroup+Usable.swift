extension Specs.V1Alpha4.HTTPRouteGroup {
    /// The HTTP methods the HTTPRouteGroup CRD's enum allows, and `*`.
    public static let methods: Set<String> = [
        "*", "GET", "HEAD", "PUT", "POST", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"
    ]

    /// Whether the group can match anything at all: a method outside the CRD enum makes the
    /// whole group invalid (D2, D25).
    ///
    /// The translators' and the validator's reading; the reference models read it themselves.
    public var isUsable: Bool {
        spec.matches.allSatisfy { ($0.methods ?? []).allSatisfy(Self.methods.contains) }
    }
}
