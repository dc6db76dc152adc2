extension RenderOptions.DenyScope {
    /// The namespaces to close, and the namespaces of the inventory left open, for `bundle`.
    ///
    /// Every adapter closes the same ones.
    ///
    /// The destination namespaces of TrafficTargets are always in, except with an explicit list
    /// or `.none`.
    public func namespaces(_ bundle: SMIBundle, inventory: Inventory) -> (closed: [String], open: [String]) {
        var closed = bundle.namespaces
        for item in bundle.trafficTargets {
            closed.insert(item.object.spec.destination.namespace ?? item.key.namespace)
        }
        switch self {
        case .smiNamespaces: break
        case .allKnownNamespaces: closed.formUnion(inventory.namespaces.map(\.name))
        case let .namespaces(list): closed = Set(list)
        case .none: closed = []
        }
        return (closed.sorted(), Set(inventory.namespaces.map(\.name)).subtracting(closed).sorted())
    }

    /// The warning every adapter gives about what its scope leaves open, if anything.
    public func warning(open: [String], code: DiagnosticCode) -> Diagnostic? {
        if self == .none {
            return Diagnostic(
                .warning, code,
                "no deny-by-default policy is rendered: workloads without an allow policy accept every request, which SMI denies"
            )
        }
        guard !open.isEmpty else { return nil }
        return Diagnostic(
            .warning, code,
            "namespaces outside the deny-by-default scope stay open, so their workloads accept what SMI denies: \(open.joined(separator: ", "))"
        )
    }
}
