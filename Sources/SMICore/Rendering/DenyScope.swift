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

    /// Reports what the scope leaves open, as every adapter does.
    ///
    /// No deny-by-default policy at all is reported (an error under `--strict`); namespaces a
    /// chosen scope leaves open are advice, which `--strict` leaves a warning.
    public func reportOpen(_ open: [String], code: DiagnosticCode, into rendering: inout Rendering) {
        if self == .none {
            rendering.report(
                Diagnostic(
                    .warning, code,
                    "no deny-by-default policy is rendered: workloads without an allow policy accept every request, which SMI denies"
                ))
        } else if !open.isEmpty {
            rendering.advise(
                Diagnostic(
                    .warning, code,
                    "namespaces outside the deny-by-default scope stay open, so their workloads accept what SMI denies: \(open.joined(separator: ", "))"
                ))
        }
    }
}
