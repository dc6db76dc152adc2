import Foundation
import GatewayAPIAdapter
import SMICore
import SMITestSupport
import Testing

/// `GatewayAPIRelease` says what each release's CRDs serve and allow: held against the CRDs of
/// every release and channel in ../shared/reference/gateway-api.
@Suite struct GatewayAPIReleaseTests {
    /// The CRD of `kind` (plural file name) in a release folder, or nil when the channel has none.
    static func crd(_ plural: String, _ release: GatewayAPIRelease) throws -> ManifestNode? {
        guard let root = SharedReference.root else { return nil }
        let base = root.appendingPathComponent("reference/gateway-api")
        let folder = try FileManager.default.contentsOfDirectory(atPath: base.path).first {
            $0.hasPrefix("v1.\(release.minor).")
        }
        guard let folder else { return nil }
        let file = base.appendingPathComponent(
            "\(folder)/\(release.channel.rawValue)/gateway.networking.k8s.io_\(plural).yaml")
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try YAMLReader().read([UInt8](data)).first?.root
    }

    /// The versions a CRD serves, and the schema of each.
    static func served(_ crd: ManifestNode?) -> [String: ManifestNode] {
        var out: [String: ManifestNode] = [:]
        for version in crd?.node(at: "spec.versions")?.value.sequenceValue ?? []
        where version.node(at: "served")?.value == .bool(true) {
            if let name = version.node(at: "name")?.value.stringValue,
                let schema = version.node(at: "schema.openAPIV3Schema")
            {
                out[name] = schema
            }
        }
        return out
    }

    static func int(_ node: ManifestNode?, _ path: FieldPath) -> Int? {
        if case let .int(value)? = node?.node(at: path)?.value { return value }
        return nil
    }

    static let releases = GatewayAPIRelease.minors.flatMap { minor in
        GatewayAPIRelease.Channel.allCases.map { GatewayAPIRelease(minor: minor, channel: $0) }
    }

    @Test(arguments: releases)
    func tableMatchesTheCRDs(release: GatewayAPIRelease) throws {
        guard SharedReference.root != nil else {
            #expect(!SharedReference.required, "../shared/reference/gateway-api is missing")
            return
        }
        let http = try #require(Self.served(try Self.crd("httproutes", release))["v1"])
        let rules = "properties.spec.properties.rules"
        #expect(
            (http.node(at: "properties.spec.properties.parentRefs.items.properties.port") != nil)
                == release.hasParentPort)
        #expect(
            Self.int(http, FieldPath(stringLiteral: rules + ".items.properties.matches.maxItems"))
                == release.httpMatchesPerRule)
        #expect(Self.int(http, FieldPath(stringLiteral: rules + ".maxItems")) == GatewayAPIRelease.rulesPerRoute)
        #expect(
            Self.int(http, FieldPath(stringLiteral: rules + ".items.properties.backendRefs.maxItems"))
                == GatewayAPIRelease.backendsPerRule)
        #expect(
            Self.int(
                http, FieldPath(stringLiteral: rules + ".items.properties.matches.items.properties.headers.maxItems"))
                == GatewayAPIRelease.headersPerMatch)
        #expect(
            Self.int(
                http,
                FieldPath(
                    stringLiteral: rules + ".items.properties.matches.items.properties.path.properties.value.maxLength")
            ) == GatewayAPIRelease.maximumPathLength)
        let total =
            http.node(at: FieldPath(stringLiteral: rules + ".x-kubernetes-validations"))?.value.sequenceValue?.contains
        { ($0.node(at: "rule")?.value.stringValue ?? "").hasSuffix("<= 128") } ?? false
        #expect(total == (release.matchesPerRoute == 128))
        #expect(
            Self.served(try Self.crd("httproutes", release))["v1beta1"] != nil,
            "Linkerd 2.14-2.17 read HTTPRoute v1beta1")

        let grpc = Self.served(try Self.crd("grpcroutes", release))
        #expect(release.grpcRouteVersion.map { grpc[$0] != nil } ?? grpc.isEmpty)
        #expect((grpc["v1alpha2"] != nil) == release.servesGRPCRouteV1alpha2)
        if let version = release.grpcRouteVersion {
            #expect(
                Self.int(grpc[version], FieldPath(stringLiteral: rules + ".items.properties.matches.maxItems"))
                    == release.grpcMatchesPerRule)
        }
        let tcp = Self.served(try Self.crd("tcproutes", release))
        #expect(Set(release.tcpRouteVersions) == Set(tcp.keys))
    }
}
