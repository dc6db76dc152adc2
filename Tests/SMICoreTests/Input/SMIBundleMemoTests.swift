import Dispatch
import SMICore
import Synchronization
import Testing

/// What a bundle works out once is worked out once, whoever asks and however many at once.
@Suite struct SMIBundleMemoTests {
    @Test func splitFindingsAreMadeOnceForConcurrentCallers() {
        let memo = SMIBundle.Memo()
        let calls = Mutex(0)
        let finding = Diagnostic(
            .error, .schema, "made", object: nil, file: "x.yaml", location: SourceLocation(line: 1, column: 1))
        let results = Mutex<[[Diagnostic]]>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let found = memo.splitFindings {
                calls.withLock { $0 += 1 }
                return [finding]
            }
            results.withLock { $0.append(found) }
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
}
