import SMICore

/// The consul-k8s config entries a cluster holds after `kubectl apply`
/// (`consul.hashicorp.com/v1alpha1`), read from the applied YAML with the fields Consul acts
/// on, apart from the adapter's own types: the simulation decides over what a user applies.
enum ConsulApplied {
    /// An object's name and namespace.
    struct Metadata: Decodable {
        let name: String?
        let namespace: String?
    }

    /// A ServiceIntentions: who may reach one destination.
    struct ServiceIntentions: Decodable {
        struct Destination: Decodable {
            let name: String
            let namespace: String?
        }
        struct Source: Decodable {
            let name: String
            let namespace: String?
            let action: String?
            let description: String?
            let permissions: [Permission]?
        }
        struct Permission: Decodable {
            let action: String
            let http: HTTPMatch?
        }
        struct Spec: Decodable {
            let destination: Destination
            let sources: [Source]
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// An HTTP condition (a permission's or a route's).
    struct HTTPMatch: Decodable {
        /// A header condition: `present`, `exact`, `prefix`, `suffix` or `regex`, maybe inverted.
        struct Header: Decodable {
            let name: String
            let present: Bool?
            let exact: String?
            let prefix: String?
            let suffix: String?
            let regex: String?
            let invert: Bool?
        }
        var pathExact: String?
        var pathPrefix: String?
        var pathRegex: String?
        var methods: [String]?
        var header: [Header]?
    }

    /// A ServiceDefaults: a service's protocol and mutual TLS mode.
    struct ServiceDefaults: Decodable {
        struct Spec: Decodable {
            let `protocol`: String?
            let mutualTLSMode: String?
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// A ServiceRouter: the first route whose match holds takes the request.
    struct ServiceRouter: Decodable {
        struct Route: Decodable {
            struct Match: Decodable {
                let http: HTTPMatch?
            }
            struct Destination: Decodable {
                let service: String?
                let serviceSubset: String?
                let namespace: String?
            }
            let match: Match?
            let destination: Destination?
        }
        struct Spec: Decodable {
            let routes: [Route]?
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// A ServiceSplitter: weighted shares (percent) of a service's requests.
    struct ServiceSplitter: Decodable {
        struct Split: Decodable {
            let weight: Double
            let service: String?
            let serviceSubset: String?
            let namespace: String?
        }
        struct Spec: Decodable {
            let splits: [Split]
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// A ServiceResolver: named subsets of a service's instances, each a go-bexpr filter.
    struct ServiceResolver: Decodable {
        struct Subset: Decodable {
            let filter: String?
        }
        struct Spec: Decodable {
            let subsets: [String: Subset]?
        }
        let metadata: Metadata
        let spec: Spec
    }

    /// consul-k8s's only apiVersion.
    static let apiVersion = "consul.hashicorp.com/v1alpha1"

    /// The entries of `kind` among `resources`.
    static func entries<T: Decodable>(_ type: T.Type, kind: String, in resources: [ManifestNode]) -> [T] {
        ManifestDecoder().objects(T.self, kind: kind, apiVersion: apiVersion, in: resources)
    }
}
