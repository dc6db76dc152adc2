/// Generates a deterministic stream of Kubernetes-style manifests (workloads, services,
/// config maps with multi-line data, and SMI objects) of at least a given size.
enum ManifestGenerator {
    static func stream(minimumBytes: Int) -> String {
        var out = ""
        out.reserveCapacity(minimumBytes + 4096)
        var i = 0
        while out.utf8.count < minimumBytes {
            if i > 0 { out += "---\n" }
            out += document(i)
            i += 1
        }
        return out
    }

    static func document(_ i: Int) -> String {
        let ns = "team-\(i / 200)"
        let app = "svc-\(i / 6)"
        switch i % 6 {
        case 0:
            return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: \(app)-v1
                  namespace: \(ns)
                  labels:
                    app.kubernetes.io/name: \(app)
                    app.kubernetes.io/version: "1.\(i % 10).0"
                  annotations:
                    description: "Serves \(app): the 'primary' path, # not a comment"
                spec:
                  replicas: \(i % 5 + 1)
                  selector:
                    matchLabels:
                      app: \(app)
                      version: v1
                  template:
                    metadata:
                      labels:
                        app: \(app)
                        version: v1
                    spec:
                      serviceAccountName: \(app)
                      containers:
                      - name: app
                        image: registry.example.com/\(app):1.\(i % 10).0
                        args: ["--port=8080", "--verbose", "--mode", "on"]
                        ports:
                        - containerPort: 8080
                          name: http
                          protocol: TCP
                        - containerPort: 9090
                          name: grpc
                        env:
                        - name: FEATURE_FLAG
                          value: "yes"
                        - name: RATIO
                          value: "0.75"
                        resources:
                          limits: {cpu: 500m, memory: 256Mi}
                          requests: {cpu: 100m, memory: 128Mi}

                """
        case 1:
            return """
                apiVersion: v1
                kind: Service
                metadata:
                  name: \(app)
                  namespace: \(ns)
                spec:
                  selector:
                    app: \(app)
                  ports:
                  - name: http
                    port: 80
                    targetPort: 8080
                    appProtocol: http
                  - name: grpc
                    port: 9090
                    targetPort: grpc

                """
        case 2:
            return """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: \(app)-config
                  namespace: \(ns)
                data:
                  config.yaml: |
                    server:
                      port: 8080
                      timeout: 30s
                    upstreams:
                      - http://\(app)-backend:80
                  motd: >-
                    Welcome to \(app).
                    This text is folded.

                """
        case 3:
            return """
                apiVersion: split.smi-spec.io/v1alpha4
                kind: TrafficSplit
                metadata:
                  name: \(app)-split
                  namespace: \(ns)
                spec:
                  service: \(app)
                  backends:
                  - service: \(app)-v1
                    weight: 80
                  - service: \(app)-v2
                    weight: 15
                  - service: \(app)-v3
                    weight: 5

                """
        case 4:
            return """
                apiVersion: access.smi-spec.io/v1alpha3
                kind: TrafficTarget
                metadata:
                  name: \(app)-access
                  namespace: \(ns)
                spec:
                  destination:
                    kind: ServiceAccount
                    name: \(app)
                    namespace: \(ns)
                  rules:
                  - kind: HTTPRouteGroup
                    name: \(app)-routes
                    matches: [api, metrics]
                  - kind: TCPRoute
                    name: \(app)-tcp
                  sources:
                  - kind: ServiceAccount
                    name: frontend
                    namespace: \(ns)
                  - kind: ServiceAccount
                    name: prometheus
                    namespace: monitoring

                """
        default:
            return """
                apiVersion: specs.smi-spec.io/v1alpha4
                kind: HTTPRouteGroup
                metadata:
                  name: \(app)-routes
                  namespace: \(ns)
                spec:
                  matches:
                  - name: api
                    pathRegex: '/api/v[0-9]+/.*'
                    methods: [GET, POST]
                    headers:
                      x-tenant: '^team-[a-z]+$'
                  - name: metrics
                    pathRegex: /metrics
                    methods: ["GET"]

                """
        }
    }
}
