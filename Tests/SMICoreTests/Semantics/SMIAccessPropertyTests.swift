import SMICore
import SMITestSupport
import Testing

/// Properties of the access model over generated bundles and requests.
@Suite struct SMIAccessPropertyTests {
    /// Writes each canonical object in an older version when that is lossless.
    static func olderVersions(_ objects: [CanonicalSMIObject]) -> [ManifestNode] {
        objects.compactMap { object in
            let targets = [
                "access.smi-spec.io/v1alpha1", "specs.smi-spec.io/v1alpha2", "specs.smi-spec.io/v1alpha3",
                "specs.smi-spec.io/v1alpha4"
            ]
            for version in targets {
                if case let .success(old) = SMIConversion.convert(object, to: version) {
                    return try? ManifestEncoder().encode(old.value)
                }
            }
            return try? ManifestEncoder().encode(canonicalValue(object))
        }
    }

    static func canonicalValue(_ object: CanonicalSMIObject) -> any Encodable & Sendable {
        switch object {
        case let .trafficTarget(o): return o
        case let .httpRouteGroup(o): return o
        case let .tcpRoute(o): return o
        case let .udpRoute(o): return o
        case let .trafficSplit(o): return o
        case let .trafficMetrics(o): return o
        case let .trafficMetricsList(o): return o
        }
    }

    static func bundle(_ nodes: [ManifestNode]) throws -> SMIBundle {
        let text = YAMLWriter().write(documents: nodes)
        return SMIBundle(try YAMLReader().read(text, file: "generated.yaml"))
    }

    @Test func writingObjectsInOlderVersionsChangesNoDecision() throws {
        for seed in UInt64(1)...60 {
            var generator = SMIBundleGenerator(seed: seed)
            let objects = generator.objects()
            let newest = try Self.bundle(objects.map { try ManifestEncoder().encode(Self.canonicalValue($0)) })
            let older = try Self.bundle(Self.olderVersions(objects))
            let model = SMIAccessModel()
            for _ in 0..<100 {
                let request = generator.request(near: objects)
                let a = model.decide(request, in: newest)
                let b = model.decide(request, in: older)
                #expect(a.verdict == b.verdict, "seed \(seed): \(request) -> \(a) vs \(b)")
            }
        }
    }

    @Test func fullPathMatchingNeverAllowsMore() throws {
        for seed in UInt64(100)...160 {
            var generator = SMIBundleGenerator(seed: seed)
            let objects = generator.objects()
            let bundle = try Self.bundle(objects.map { try ManifestEncoder().encode(Self.canonicalValue($0)) })
            for _ in 0..<100 {
                let request = generator.request(near: objects)
                if SMIAccessModel(pathAnchoring: .full).decide(request, in: bundle).isAllowed {
                    #expect(SMIAccessModel().decide(request, in: bundle).isAllowed, "seed \(seed): \(request)")
                }
            }
        }
    }

    @Test func theGeneratorProducesBothVerdicts() throws {
        var allowed = 0
        var denied = 0
        for seed in UInt64(1)...30 {
            var generator = SMIBundleGenerator(seed: seed)
            let objects = generator.objects()
            let bundle = try Self.bundle(objects.map { try ManifestEncoder().encode(Self.canonicalValue($0)) })
            for _ in 0..<100 {
                if SMIAccessModel().decide(generator.request(near: objects), in: bundle).isAllowed {
                    allowed += 1
                } else {
                    denied += 1
                }
            }
        }
        #expect(allowed > 300, "allowed \(allowed) of \(allowed + denied)")
        #expect(denied > 100)
    }
}
