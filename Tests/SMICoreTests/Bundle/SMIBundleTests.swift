import SMICore
import Testing

/// What a bundle indexes and what it keeps of objects it leaves out.
@Suite struct SMIBundleTests {
    static func bundle(_ yaml: String) throws -> SMIBundle {
        SMIBundle(try YAMLReader().read(yaml))
    }

    /// An invalid TrafficTarget grants nothing, but its namespaces stay in `namespaces`, so an
    /// adapter still closes them: leaving them open would allow what SMI denies.
    @Test func namespacesIncludeInvalidObjects() throws {
        let bundle = try Self.bundle("""
            apiVersion: access.smi-spec.io/v1alpha2
            kind: TrafficTarget
            metadata: {name: t, namespace: team}
            spec:
              destination: {kind: ServiceAccount, name: api, namespace: shop, port: 8080}
              rules: [{kind: HTTPRouteGroup, name: routes}]
              sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: access.smi-spec.io/v1alpha1
            kind: TrafficTarget
            metadata: {name: old, namespace: legacy}
            destination: {kind: ServiceAccount, name: db, namespace: data, port: "5432"}
            specs: [{kind: HTTPRouteGroup, name: routes}]
            sources: [{kind: ServiceAccount, name: web}]
            ---
            apiVersion: specs.smi-spec.io/v1alpha4
            kind: TCPRoute
            metadata: {name: tcp}
            spec: {matches: {ports: [5432]}}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: elsewhere}
            """)
        #expect(bundle.trafficTargets.isEmpty)
        #expect(bundle.namespaces == ["team", "shop", "legacy", "data", "default"])
    }
}
