public import SMICore

/// A mesh adapter whose TrafficSplits are rendered as Gateway API routes.
///
/// Access control by the mesh's own resources (the mesh adapter with
/// `RenderOptions.rendersSplits` off), routing by `GatewayAPIAdapter` for that mesh.
///
/// What `smi render --mesh M --routing gateway-api` runs.
public struct GatewayAPIRoutedAdapter: MeshAdapter {
    /// The mesh adapter that renders access control.
    public var access: any MeshAdapter
    /// The routes' adapter.
    public var routing: GatewayAPIAdapter

    /// Pairs `access` with routes for `release` read by `implementation`.
    public init(access: any MeshAdapter, release: GatewayAPIRelease = .newest, implementation: GatewayAPIImplementation)
    {
        self.access = access
        routing = GatewayAPIAdapter(release: release, implementation: implementation, accessRenderedElsewhere: true)
    }

    /// The mesh's name.
    public var mesh: String { access.mesh }

    /// The mesh's installation.
    public var installation: MeshInstallation { access.installation }

    /// The mesh's rows for access control, the routes' rows for splits.
    public var capabilities: Capabilities {
        let routed: Set<SMIFeature> = [.splitRoot, .splitWeights, .splitPorts, .splitMatches, .splitNonHTTP]
        let rows =
            access.capabilities.features.filter { !routed.contains($0.feature) }
            + routing.capabilities.features.filter { routed.contains($0.feature) }
        return Capabilities(
            rows,
            diagnostics: access.capabilities.diagnostics.merging(routing.capabilities.diagnostics) { mesh, _ in mesh })
    }

    /// The mesh's access control and the Gateway API routes, sorted together.
    public func render(_ bundle: SMIBundle, inventory: Inventory, options: RenderOptions) -> Rendering {
        let accessOptions = { () -> RenderOptions in
            var accessOptions = options
            accessOptions.rendersSplits = false
            return accessOptions
        }()
        let (access, routes) = Parallel.both(
            { self.access.render(bundle, inventory: inventory, options: accessOptions) },
            { routing.render(bundle, inventory: inventory, options: options) })
        var rendering = access
        rendering.append(contentsOf: routes)
        rendering.sort()
        return rendering
    }
}
