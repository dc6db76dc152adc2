/// `metrics.smi-spec.io`: the read-only metrics API a mesh serves, decoded and encoded exactly.
///
/// TrafficMetrics and TrafficMetricsList (notes section 7, D24).
public enum Metrics {
    /// The API group.
    public static let group = "metrics.smi-spec.io"

    /// `metrics.smi-spec.io/v1alpha1`.
    public enum V1Alpha1: SMIAPIVersion {
        /// `metrics.smi-spec.io/v1alpha1`.
        public static let apiVersion = "metrics.smi-spec.io/v1alpha1"
    }

    /// `metrics.smi-spec.io/v1alpha2`.
    ///
    /// V1alpha1 with `edge.side` and `backend`, which notes D24 accepts under both versions, so
    /// one type reads both.
    public enum V1Alpha2: SMIAPIVersion {
        /// `metrics.smi-spec.io/v1alpha2`.
        public static let apiVersion = "metrics.smi-spec.io/v1alpha2"
    }

    /// The versions `TrafficMetrics` and `TrafficMetricsList` are read in, oldest first.
    public static let apiVersions = [V1Alpha1.apiVersion, V1Alpha2.apiVersion]

    /// A reference to the object metrics are about; every field may be absent (an edge's
    /// `{}` means every peer).
    public struct ObjectReference: Sendable, Equatable, Codable {
        /// The kind, for example `Deployment`.
        public var kind: String?
        /// The namespace.
        public var namespace: String?
        /// The name.
        public var name: String?
        /// The API version.
        public var apiVersion: String?
        /// The UID.
        public var uid: String?
        /// The resource version.
        public var resourceVersion: String?
        /// A field within the object.
        public var fieldPath: String?

        /// Creates a reference.
        public init(kind: String? = nil, namespace: String? = nil, name: String? = nil) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
        }
    }

    /// The peer of an edge and the direction of traffic.
    public struct Edge: Sendable, Equatable, Codable {
        /// `to` (the resource sends to the peer) or `from` (it receives from it).
        public var direction: String
        /// `client` or `server`: where the measurement was taken.
        public var side: String?
        /// The peer; absent or `{}` means every peer.
        public var resource: ObjectReference?

        /// Creates an edge.
        public init(direction: String, side: String? = nil, resource: ObjectReference? = nil) {
            self.direction = direction
            self.side = side
            self.resource = resource
        }
    }

    /// For metrics of a TrafficSplit: which backend, and its weight.
    public struct Backend: Sendable, Equatable, Codable {
        /// The split's root service.
        public var apex: String
        /// The backend service.
        public var name: String
        /// Its weight.
        public var weight: Int

        /// Creates a backend.
        public init(apex: String, name: String, weight: Int) {
            self.apex = apex
            self.name = name
            self.weight = weight
        }
    }

    /// One measured value: `p99_response_latency`, `success_count`, ...
    public struct Metric: Sendable, Equatable, Codable {
        /// The metric's name.
        public var name: String
        /// Its unit as given (`ms`, `seconds`); counts have none.
        public var unit: String?
        /// The exact value.
        public var value: Quantity?

        /// Creates a metric.
        public init(name: String, unit: String? = nil, value: Quantity?) {
            self.name = name
            self.unit = unit
            self.value = value
        }
    }

    /// Metrics of one resource, or of one edge between it and its peers, over a window.
    ///
    /// Either version reads; the one written is kept in `apiVersion`.
    public struct TrafficMetrics: SMIResource {
        /// `metrics.smi-spec.io/v1alpha1`, the version written by default.
        public static var apiVersion: String { V1Alpha1.apiVersion }
        /// `TrafficMetrics`.
        public static var kind: String { "TrafficMetrics" }

        /// The `apiVersion` as written.
        public var apiVersion: String = Self.apiVersion
        /// The `kind` as written.
        public var kind: String = Self.kind
        /// Metadata.
        public var metadata: ObjectMeta
        /// The end of the window (RFC 3339).
        public var timestamp: String?
        /// The window's length (a Go duration such as `30s`).
        public var window: String?
        /// The object measured.
        public var resource: ObjectReference?
        /// The edge, when the metrics are about traffic with some peers only.
        public var edge: Edge?
        /// The split backend, for TrafficSplit metrics.
        public var backend: Backend?
        /// The values.
        public var metrics: [Metric]?

        /// Creates metrics.
        public init(metadata: ObjectMeta, resource: ObjectReference?, metrics: [Metric]?) {
            self.metadata = metadata
            self.resource = resource
            self.metrics = metrics
        }

        private enum CodingKeys: String, CodingKey {
            case apiVersion, kind, metadata, timestamp, window, resource, edge, backend, metrics
        }

        /// Decodes the object, refusing another `apiVersion` or `kind`.
        public init(from decoder: any Decoder) throws {
            apiVersion = try SMIIdentity.check(decoder, apiVersions: Metrics.apiVersions, kind: Self.kind)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metadata = try container.decode(ObjectMeta.self, forKey: .metadata)
            timestamp = try container.decodeIfPresent(String.self, forKey: .timestamp)
            window = try container.decodeIfPresent(String.self, forKey: .window)
            resource = try container.decodeIfPresent(ObjectReference.self, forKey: .resource)
            edge = try container.decodeIfPresent(Edge.self, forKey: .edge)
            backend = try container.decodeIfPresent(Backend.self, forKey: .backend)
            metrics = try container.decodeIfPresent([Metric].self, forKey: .metrics)
        }
    }

    /// The metadata of a list.
    public struct ListMeta: Sendable, Equatable, Codable {
        /// Server-set.
        public var selfLink: String?
        /// Server-set.
        public var resourceVersion: String?
        /// A continuation token.
        public var `continue`: String?
        /// Server-set.
        public var remainingItemCount: Int?

        /// Creates empty list metadata.
        public init() {}
    }

    /// A list of metrics: of every object of a kind, or of the edges of one object.
    ///
    /// In either version (the one written is kept in `apiVersion`).
    public struct TrafficMetricsList: Sendable, Equatable, Codable {
        /// `metrics.smi-spec.io/v1alpha1`, the version written by default.
        public static var apiVersion: String { V1Alpha1.apiVersion }
        /// `TrafficMetricsList`.
        public static var kind: String { "TrafficMetricsList" }

        /// The `apiVersion` as written.
        public var apiVersion: String = Self.apiVersion
        /// The `kind` as written.
        public var kind: String = Self.kind
        /// List metadata.
        public var metadata: ListMeta?
        /// The kind (or object) the list is about.
        public var resource: ObjectReference?
        /// The items.
        public var items: [TrafficMetrics]

        /// Creates a list.
        public init(resource: ObjectReference?, items: [TrafficMetrics]) {
            self.resource = resource
            self.items = items
        }

        private enum CodingKeys: String, CodingKey {
            case apiVersion, kind, metadata, resource, items
        }

        /// Decodes the object, refusing another `apiVersion` or `kind`.
        public init(from decoder: any Decoder) throws {
            apiVersion = try SMIIdentity.check(decoder, apiVersions: Metrics.apiVersions, kind: Self.kind)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            metadata = try container.decodeIfPresent(ListMeta.self, forKey: .metadata)
            resource = try container.decodeIfPresent(ObjectReference.self, forKey: .resource)
            items = try container.decode([TrafficMetrics].self, forKey: .items)
        }
    }
}
