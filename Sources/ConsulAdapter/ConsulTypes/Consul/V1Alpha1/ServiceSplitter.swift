public import SMICore

extension Consul.V1Alpha1 {
    /// consul-k8s' `ServiceSplitter`.
    ///
    /// Shares of a service's HTTP requests by percentage with two decimals, summing to exactly 100
    /// (Consul notes 2.5).
    public struct ServiceSplitter: KubernetesResource, Equatable, Decodable {
        /// One share.
        public struct Split: Sendable, Equatable, Decodable {
            /// The percentage.
            public var weight: ConsulWeight
            /// The target service (absent: the splitter's own).
            public var service: String?
            /// A subset of the target (a ServiceResolver defines it).
            public var serviceSubset: String?
            /// The target's Consul namespace (Enterprise).
            public var namespace: String?
        }

        /// The body.
        public struct Spec: Sendable, Equatable, Decodable {
            /// The shares.
            public var splits: [Split]
        }

        /// `consul.hashicorp.com/v1alpha1`.
        public var apiVersion = ConsulKinds.apiVersion
        /// `ServiceSplitter`.
        public var kind = "ServiceSplitter"
        /// Named after the service clients dial.
        public var metadata: ObjectMeta
        /// The body.
        public var spec: Spec

        /// Creates a splitter.
        public init(metadata: ObjectMeta, splits: [Split]) {
            self.metadata = metadata
            spec = Spec(splits: splits)
        }
    }
}

/// A split percentage in hundredths of a percent, written as the shortest number (`50`,
/// `33.34`).
///
/// Consul's float32 reading keeps it exactly.
public struct ConsulWeight: Sendable, Hashable, Decodable {
    /// Hundredths of a percent, 0 to 10,000.
    public var hundredths: Int

    /// Creates a weight.
    public init(hundredths: Int) {
        self.hundredths = hundredths
    }

    /// Reads a number of percent.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        hundredths = Int((value * 100).rounded())
    }

    /// The number of percent when whole.
    var whole: Int? { hundredths % 100 == 0 ? hundredths / 100 : nil }
    /// The number of percent as written: `50`, `33.34`, `9.05`.
    var text: String {
        whole.map(String.init) ?? "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }
    /// The number of percent.
    var percent: Double { Double(hundredths) / 100 }
}
