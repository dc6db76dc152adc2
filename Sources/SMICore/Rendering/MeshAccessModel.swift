/// A mesh's own decision procedure over the resources an adapter rendered.
///
/// The mesh side of the differential test that proves a rendering never allows what SMI denies.
public protocol MeshAccessModel: Sendable {
    /// Whether the mesh lets `request` through to some pod of its destination.
    func allows(_ request: AccessRequest) -> Bool
}
