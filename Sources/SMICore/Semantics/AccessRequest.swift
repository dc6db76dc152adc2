/// A request whose admission the access models decide.
///
/// Who sends it, to whom, on which port and protocol, and for HTTP the method, path and
/// headers.
public struct AccessRequest: Sendable, Hashable, Codable {
    /// A workload identity: a service account in a namespace.
    public struct Identity: Sendable, Hashable, Codable, CustomStringConvertible {
        /// The namespace.
        public var namespace: String
        /// The service account.
        public var serviceAccount: String

        /// Creates an identity.
        public init(namespace: String, serviceAccount: String) {
            self.namespace = namespace
            self.serviceAccount = serviceAccount
        }

        /// `namespace/serviceAccount`.
        public var description: String { "\(namespace)/\(serviceAccount)" }
    }

    /// The protocol of the request, as the destination sees it.
    public enum TrafficProtocol: String, Sendable, Hashable, Codable {
        /// HTTP (any version).
        case http
        /// TCP that is not inspected as HTTP.
        case tcp
        /// UDP.
        case udp
    }

    /// The client's identity; `nil` for a client outside the mesh, which has none.
    public var source: Identity?
    /// The server's identity.
    public var destination: Identity
    /// The port the destination pod receives on (notes D6).
    public var port: Int
    /// The protocol.
    public var `protocol`: TrafficProtocol
    /// The HTTP method.
    public var method: String?
    /// The HTTP path; a query string (from `?`) and a fragment are not part of it.
    public var path: String?
    /// HTTP headers; names compare case-insensitively, and a header may repeat.
    public var headers: [String: [String]]?

    /// Creates a request.
    public init(
        source: Identity?, destination: Identity, port: Int, protocol: TrafficProtocol,
        method: String? = nil, path: String? = nil, headers: [String: [String]]? = nil
    ) {
        self.source = source
        self.destination = destination
        self.port = port
        self.protocol = `protocol`
        self.method = method
        self.path = path
        self.headers = headers
    }

    /// The path without its query string and fragment.
    public var pathOnly: String {
        let path = self.path ?? "/"
        guard let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) else { return path }
        return String(path[..<end])
    }

    /// The values of a header, whatever the case of its name, in a stable order.
    public func values(ofHeader name: String) -> [String] {
        let lowered = name.lowercased()
        return (headers ?? [:]).filter { $0.key.lowercased() == lowered }.sorted { $0.key < $1.key }.flatMap(\.value)
    }
}
