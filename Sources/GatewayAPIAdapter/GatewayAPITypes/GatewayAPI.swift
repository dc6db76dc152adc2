/// The Gateway API kinds a TrafficSplit renders into (`gateway.networking.k8s.io`).
///
/// They are named as in the CRDs, with the fields SMI translations use. Which apiVersion each
/// is written as depends on the target release and channel (`GatewayAPIRelease`).
public enum GatewayAPI {
    /// The API group.
    public static let group = "gateway.networking.k8s.io"

    /// A route's attachment to a Service port (GAMMA): the route governs requests to it.
    public struct ParentReference: Sendable, Equatable, Decodable {
        /// `""`, the core group.
        public var group = ""
        /// `Service`.
        public var kind = "Service"
        /// The Service's name, in the route's namespace (a producer route).
        public var name: String
        /// The Service port; nil only for a release whose channel cannot write it.
        public var port: Int?

        /// Creates a reference to Service `name`, on `port`.
        public init(name: String, port: Int?) {
            self.name = name
            self.port = port
        }
    }

    /// A backend Service, its port and weight.
    public struct BackendReference: Sendable, Equatable, Decodable {
        /// `""`, the core group.
        public var group = ""
        /// `Service`.
        public var kind = "Service"
        /// The Service's name, in the route's namespace.
        public var name: String
        /// The Service port (the CRD requires one for a Service).
        public var port: Int
        /// The relative weight, 0 to 1,000,000; nil for a sole backend.
        public var weight: Int?

        /// Creates a reference.
        public init(name: String, port: Int, weight: Int?) {
            self.name = name
            self.port = port
            self.weight = weight
        }
    }

    /// A header condition (HTTPRoute and GRPCRoute).
    ///
    /// `Exact`, or `RegularExpression`, which the implementations read as the whole value.
    public struct HeaderMatch: Sendable, Equatable, Decodable {
        /// `Exact` or `RegularExpression`.
        public var type: String
        /// The header name.
        public var name: String
        /// The value or regex.
        public var value: String

        /// Creates a header condition.
        public init(type: String, name: String, value: String) {
            self.type = type
            self.name = name
            self.value = value
        }
    }
}
