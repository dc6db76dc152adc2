/// A synthetic mesh of `services` services in `services / 200` namespaces (at least one): each
/// service has a Deployment and a Service, a TrafficSplit over three neighbouring services, a
/// TrafficTarget with two sources and an HTTP and a TCP rule, an HTTPRouteGroup of three
/// matches with regexes and headers, and a TCPRoute; SMI versions rotate over the released
/// ones.
///
/// Deterministic: the same count gives the same bytes.
enum MeshGenerator {
    static let perNamespace = 200

    static func manifests(services: Int) -> String {
        var out = ""
        out.reserveCapacity(services * 2_400)
        for i in 0..<services {
            service(i, services: services, into: &out)
        }
        return out
    }

    static func service(_ i: Int, services: Int, into out: inout String) {
        let namespace = "ns-\(i / perNamespace)"
        let first = (i / perNamespace) * perNamespace
        let size = min(perNamespace, services - first)
        let name = "s\(i)"
        let neighbour = { (k: Int) in "s\(first + (i - first + k) % size)" }
        let splitVersion = ["v1alpha2", "v1alpha3", "v1alpha4"][i % 3]
        let (accessVersion, specsVersion) = i % 2 == 0 ? ("v1alpha3", "v1alpha4") : ("v1alpha2", "v1alpha3")
        // A v1alpha4 TCPRoute names its ports; a v1alpha3 one has an empty spec (every port).
        let tcpSpec = specsVersion == "v1alpha4" ? "spec:\n  matches:\n    ports: [9090]" : "spec: {}"
        if i > 0 { out += "---\n" }
        out += """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: \(name)
              namespace: \(namespace)
              labels: {app: \(name), tier: backend}
            spec:
              replicas: \(i % 3 + 1)
              selector:
                matchLabels: {app: \(name)}
              template:
                metadata:
                  labels: {app: \(name), version: "1.\(i % 7)"}
                spec:
                  serviceAccountName: \(name)
                  containers:
                  - name: app
                    image: registry.example.com/\(name):1.\(i % 7).0
                    ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: metrics}]
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: \(name), namespace: \(namespace)}
            spec:
              selector: {app: \(name)}
              ports:
              - {name: http, port: 80, targetPort: 8080}
              - {name: tcp-metrics, port: 9090, targetPort: 9090}
            ---
            apiVersion: split.smi-spec.io/\(splitVersion)
            kind: TrafficSplit
            metadata: {name: \(name)-split, namespace: \(namespace)}
            spec:
              service: \(name)
              backends:
              - {service: \(neighbour(1)), weight: 80}
              - {service: \(neighbour(2)), weight: 15}
              - {service: \(neighbour(3)), weight: 5}
            ---
            apiVersion: specs.smi-spec.io/\(specsVersion)
            kind: HTTPRouteGroup
            metadata: {name: \(name)-routes, namespace: \(namespace)}
            spec:
              matches:
              - name: read
                pathRegex: "/api/v[12]/items(/[0-9]+)?"
                methods: [GET, HEAD]
              - name: write
                pathRegex: /api/v2/items
                methods: [POST, PUT]
                headers:
                - content-type: "application/(json|yaml)"
              - name: admin
                pathRegex: "/admin/.*"
                methods: [GET]
                headers:
                - x-role: "^(admin|ops)$"
            ---
            apiVersion: specs.smi-spec.io/\(specsVersion)
            kind: TCPRoute
            metadata: {name: \(name)-tcp, namespace: \(namespace)}
            \(tcpSpec)
            ---
            apiVersion: access.smi-spec.io/\(accessVersion)
            kind: TrafficTarget
            metadata: {name: \(name)-access, namespace: \(namespace)}
            spec:
              destination: {kind: ServiceAccount, name: \(name), namespace: \(namespace)}
              rules:
              - kind: HTTPRouteGroup
                name: \(name)-routes
                matches: [read, write, admin]
              - kind: TCPRoute
                name: \(name)-tcp
              sources:
              - {kind: ServiceAccount, name: \(neighbour(1)), namespace: \(namespace)}
              - {kind: ServiceAccount, name: \(neighbour(2)), namespace: \(namespace)}

            """
    }
}
