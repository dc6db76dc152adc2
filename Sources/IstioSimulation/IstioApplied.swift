import SMICore

/// The Istio objects a cluster holds after `kubectl apply`, read from the applied YAML with
/// the fields Istio's authorization acts on (`security.istio.io` AuthorizationPolicy), apart
/// from the adapter's own types: the simulation decides over what a user applies.
enum IstioApplied {
    /// An AuthorizationPolicy.
    struct AuthorizationPolicy: Decodable {
        struct Metadata: Decodable {
            let name: String?
            let namespace: String?
        }
        struct Spec: Decodable {
            let selector: Selector?
            let targetRef: TargetReference?
            let targetRefs: [TargetReference]?
            let action: String?
            let rules: [Rule]?
        }
        struct Selector: Decodable {
            let matchLabels: StringMap?
        }
        struct TargetReference: Decodable {
            let group: String?
            let kind: String
            let name: String
        }
        struct Rule: Decodable {
            var from: [From]?
            var to: [To]?
            var when: [Condition]?
        }
        struct From: Decodable {
            let source: Source
        }
        struct Source: Decodable {
            let principals: [String]?
            let notPrincipals: [String]?
            let namespaces: [String]?
            let notNamespaces: [String]?
        }
        struct To: Decodable {
            var operation: Operation
        }
        struct Operation: Decodable {
            var ports: [String]?
            var notPorts: [String]?
            var methods: [String]?
            var notMethods: [String]?
            var paths: [String]?
            var notPaths: [String]?
        }
        struct Condition: Decodable {
            let key: String
            let values: [String]?
            let notValues: [String]?
        }
        let metadata: Metadata
        let spec: Spec

        /// Whether the policy is a waypoint's or gateway's (`targetRef`/`targetRefs`), which
        /// sidecars and ztunnel ignore.
        var targets: [TargetReference] { (spec.targetRef.map { [$0] } ?? []) + (spec.targetRefs ?? []) }
    }

    /// The AuthorizationPolicies among `resources`.
    static func authorizationPolicies(in resources: [ManifestNode]) -> [AuthorizationPolicy] {
        ManifestDecoder().objects(
            AuthorizationPolicy.self, kind: "AuthorizationPolicy", apiVersion: "security.istio.io/", in: resources)
    }
}
