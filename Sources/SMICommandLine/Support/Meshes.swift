import ConsulAdapter
import GatewayAPIAdapter
import IstioAdapter
import LinkerdAdapter
import SMICore

/// The meshes the tool can render for, by the name `--mesh` takes.
enum Meshes {
    /// The adapters available in this build.
    static let available: [any MeshAdapter] = [IstioAdapter(), LinkerdAdapter(), ConsulAdapter(), GatewayAPIAdapter()]

    /// The names of the formats some mesh writes, each once, in the meshes' order.
    static var outputFormatNames: [String] {
        var seen: Set<String> = []
        return available.flatMap(\.outputFormats).map(\.name).filter { seen.insert($0).inserted }
    }

    /// The adapter for `name`, or a usage error that lists the choices.
    static func adapter(named name: String) throws(UsageError) -> any MeshAdapter {
        if let adapter = available.first(where: { $0.mesh == name }) { return adapter }
        throw UsageError(message: "unknown mesh '\(name)'; available: \(available.map(\.mesh).joined(separator: ", "))")
    }

    /// The adapter for `name`, configured by `settings` (each mesh by its own part).
    static func adapter(named name: String, settings: MeshSettings) throws(UsageError) -> any MeshAdapter {
        switch try adapter(named: name) {
        case is ConsulAdapter: ConsulAdapter(configuration: settings.consul)
        case is LinkerdAdapter: LinkerdAdapter(configuration: settings.linkerd)
        case is GatewayAPIAdapter: GatewayAPIAdapter(release: settings.gatewayAPI)
        case let other: other
        }
    }

    /// The metrics query builder of the mesh named `name` (for Istio, with `waypoints` reporting
    /// the requests, in ambient mode), or a usage error that lists the meshes that have one.
    static func metrics(named name: String, waypoints: Bool = false) throws(UsageError) -> any MeshMetrics {
        guard let metrics = available.first(where: { $0.mesh == name })?.metrics else {
            let meshes = available.filter { $0.metrics != nil }.map(\.mesh).joined(separator: ", ")
            throw UsageError(
                message: "metrics queries for '\(name)' are not available in this version; available: \(meshes)")
        }
        guard waypoints, var istio = metrics as? IstioMetricsQueries else { return metrics }
        istio.waypoints = true
        return istio
    }
}
