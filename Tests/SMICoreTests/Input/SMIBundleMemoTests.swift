import Dispatch
import SMICore
import Synchronization
import Testing

/// What a bundle works out once is worked out once, whoever asks and however many at once.
@Suite struct SMIBundleMemoTests {
    @Test func splitChecksAreMadeOnceForConcurrentCallers() {
        let memo = SMIBundle.Memo()
        let calls = Mutex(0)
        let finding = Diagnostic(
            .error, .schema, "made", object: nil, file: "x.yaml", location: SourceLocation(line: 1, column: 1))
        let results = Mutex<[[Diagnostic]]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let found = memo.splitChecks {
                calls.withLock { $0 += 1 }
                var checks = SMIBundle.SplitChecks()
                checks.findings = [finding]
                return checks
            }
            results.withLock { $0.append(found.findings) }
        }
        #expect(calls.withLock { $0 } == 1)
        #expect(results.withLock { $0 } == Array(repeating: [finding], count: 16))
    }

    /// The traffic model and the validator share the findings and agree with a fresh bundle.
    @Test func sharedFindingsAreTheValidatorsOwn() throws {
        let text = """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: web, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: -1}]}
            """
        let bundle = SMIBundle(try YAMLReader().read(text))
        let model = SMITrafficModel(bundle)
        #expect(!model.isUsed(SMIBundle.Key(namespace: "shop", name: "web")))
        let shared = SMIValidator().validate(bundle).map(\.description)
        let fresh = SMIValidator().validate(SMIBundle(try YAMLReader().read(text))).map(\.description)
        #expect(shared == fresh && shared.count == 2)
    }

    /// Which splits route is a typed fact of the bundle and of the split checks, not read
    /// back from diagnostics: a split whose later document fails to decode routes nothing,
    /// though the earlier document of that name is the one the bundle keeps (D25); a split
    /// with only warnings routes.
    @Test func splitsWithErrorsAreKnownByKey() throws {
        let text = """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: web, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: 1}]}
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: web, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, wieght: 1}]}
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: api, namespace: shop}
            spec: {service: api, backends: [{service: api, weight: 1}]}
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: db, namespace: shop}
            spec: {service: db, backends: [{service: db-v1, weight: 0}]}
            """
        let bundle = SMIBundle(try YAMLReader().read(text))
        #expect(bundle.trafficSplits.map(\.key.name) == ["api", "db", "web"])
        #expect(bundle.splitsWithErrors == [SMIBundle.Key(namespace: "shop", name: "web")])
        let checks = SMIValidator().splitChecks(bundle)
        #expect(checks.withErrors == [SMIBundle.Key(namespace: "shop", name: "db")])
        #expect(checks.findings.contains { $0.severity == .warning && $0.object?.name == "api" })
        let model = SMITrafficModel(bundle)
        #expect(
            ["api", "db", "web"].map { model.isUsed(SMIBundle.Key(namespace: "shop", name: $0)) } == [
                true, false, false
            ])
    }
}
