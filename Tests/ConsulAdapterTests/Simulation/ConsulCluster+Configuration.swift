import ConsulAdapter
import ConsulSimulation

extension ConsulCluster {
    /// The cluster an adapter configuration describes: its namespace mapping and its
    /// injection default, which the simulation takes as the cluster's facts.
    init(_ configuration: ConsulConfiguration) {
        switch configuration.namespaces {
        case .none: self.init(injectedByDefault: configuration.injectedByDefault)
        case let .mirroring(prefix):
            self.init(mirroringPrefix: prefix, injectedByDefault: configuration.injectedByDefault)
        }
    }
}
