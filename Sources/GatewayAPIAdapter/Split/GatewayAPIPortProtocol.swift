import SMICore

/// What a root Service port carries, which picks the route kind: its `appProtocol`, else the
/// protocol prefix of its name (Istio's convention, which Linkerd and most tooling follow),
/// else HTTP as the meshes detect it.
enum GatewayAPIPortProtocol: Equatable {
    /// HTTP declared (`http`, `http2`, `kubernetes.io/h2c`, a name `http-...`).
    case http
    /// Nothing declared: the meshes detect HTTP, and route anything else as TCP.
    case detected
    /// gRPC (`grpc`, `grpc-web`, a name `grpc-...`): a GRPCRoute.
    case grpc
    /// Other TCP (`tcp`, `tls`, `https`, databases, `linkerd.io/opaque`): a TCPRoute.
    case tcp

    static let grpcNames: Set = ["grpc", "grpc-web"]
    static let httpNames: Set = ["http", "http2", "kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"]
    static let tcpNames: Set = ["tcp", "tls", "https", "mongo", "mysql", "redis", "linkerd.io/opaque"]

    /// The protocol of `port`.
    init(_ port: Inventory.ServicePort) {
        if let declared = port.appProtocol?.lowercased() {
            self = Self.grpcNames.contains(declared) ? .grpc : Self.httpNames.contains(declared) ? .http : .tcp
            return
        }
        let prefix = (port.name ?? "").lowercased().split(separator: "-", maxSplits: 1).first.map(String.init) ?? ""
        self =
            Self.grpcNames.contains(prefix)
            ? .grpc : Self.httpNames.contains(prefix) ? .http : Self.tcpNames.contains(prefix) ? .tcp : .detected
    }
}
