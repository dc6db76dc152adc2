@testable import ConsulAdapter
import SMICore
import SMITestSupport
import Testing

/// consul-k8s admits a ServiceSplitter only when its weights, added as float32 in list order,
/// make exactly 100: every rendered split must, and stay within 0.01 of SMI's exact shares.
@Suite struct ConsulSplitWeightsTests {
    @Test func oneEightTwoSumsToExactlyAHundred() throws {
        let rounded = try #require(WeightNormalizer.rounded([1, 8, 2], to: 10_000)).values
        #expect(rounded == [909, 7273, 1818])
        #expect(!ConsulSplitWeights.sumsToHundred(rounded), "largest remainder gives 100.00001 in float32")
        let admitted = try #require(ConsulSplitWeights.hundredths(for: [1, 8, 2]))
        #expect(
            ConsulSplitWeights.sumsToHundred(admitted.order.map { admitted.values[$0] })
                && admitted.values.reduce(0, +) == 10_000)
        #expect(Self.withinAHundredth(admitted.values, of: [1, 8, 2]))
    }

    /// Random splits of 2 to 20 backends with weights up to 1,000 (and equal backends): each
    /// gets admitted hundredths, within a hundredth of its exact share.
    @Test func everySplitGetsWeightsConsulAdmits() {
        var rng = SeededGenerator(seed: 11)
        var needed = 0, checked = 0
        var splits: [[Int]] = (2...20).map { Array(repeating: 1, count: $0) }
        for _ in 0..<6_000 {
            splits.append((0..<Int(2 + rng.next() % 19)).map { _ in Int(rng.next() % 1_001) })
        }
        for weights in splits where weights.contains(where: { $0 > 0 }) {
            let reduced = WeightNormalizer.reduced(weights)
            guard let (admitted, order) = ConsulSplitWeights.hundredths(for: reduced) else {
                Issue.record("no admitted weights for \(weights)")
                continue
            }
            checked += 1
            if let rounded = WeightNormalizer.rounded(reduced, to: 10_000)?.values,
                !ConsulSplitWeights.sumsToHundred(rounded)
            {
                needed += 1
            }
            #expect(
                ConsulSplitWeights.sumsToHundred(order.map { admitted[$0] }) && admitted.reduce(0, +) == 10_000,
                "\(weights) -> \(admitted)")
            #expect(Set(order) == Set(weights.indices))
            #expect(Self.withinAHundredth(admitted, of: reduced), "\(weights) -> \(admitted)")
            #expect(zip(weights, admitted).allSatisfy { ($0 > 0) == ($1 > 0) }, "\(weights) -> \(admitted)")
        }
        #expect(checked > 6_000)
        // The search is what makes these pass: largest remainder alone fails on many.
        #expect(needed > checked / 50, "\(needed) of \(checked)")
    }

    /// A rendered splitter of 1:8:2, read back from the YAML, sums to 100 in float32.
    @Test func theRenderedSplitterIsAdmitted() throws {
        let documents = try YAMLReader().read(
            """
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            spec: {selector: {app: web}, ports: [{port: 80}]}
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: web, namespace: shop}
            spec: {service: web, backends: [{service: a, weight: 1}, {service: b, weight: 8}, {service: c, weight: 2}]}
            """)
        let adapter = ConsulAdapter(configuration: ConsulConfiguration(injectedByDefault: true))
        let rendering = adapter.render(
            SMIBundle(documents), inventory: Inventory(manifests: documents), options: RenderOptions())
        let splitter = try #require(
            try YAMLReader().read(rendering.yaml()).first {
                $0.root.node(at: "kind")?.value.stringValue == "ServiceSplitter"
            })
        let written = try #require(splitter.root.node(at: "spec.splits")?.value.sequenceValue).compactMap {
            $0.node(at: "weight")?.value
        }
        var sum: Float = 0
        for value in written {
            switch value {
            case let .int(i): sum += Float(i)
            case let .double(d): sum += Float(String(d)) ?? .nan
            default: Issue.record("weight \(value)")
            }
        }
        #expect(written.count == 3 && sum == 100)
    }

    static func withinAHundredth(_ hundredths: [Int], of weights: [Int]) -> Bool {
        let total = weights.reduce(0, +)
        return zip(hundredths, weights).allSatisfy { abs($0 * total - $1 * 10_000) <= total }
    }
}
