import Foundation
@testable import SMICore
import SMITestSupport
import Testing

/// The SMI kinds read straight from the tree must never accept what Codable rejects or
/// reports, and must read what they accept to exactly Codable's value.
@Suite struct SMITreeDecodingTests {
    /// How the tree path compares with Codable on `node`: nil when its kind is not read
    /// from the tree.
    static func check(_ node: ManifestNode) -> (accepted: Bool, agrees: Bool)? {
        let pair = SMIKinds.Pair(
            apiVersion: node.node(at: "apiVersion")?.value.stringValue ?? "",
            kind: node.node(at: "kind")?.value.stringValue ?? "")
        return SMIKinds.decoders[pair]?.treeCheck?(node)
    }

    @Test func theKindsManifestsUseMostReadFromTheTree() {
        let pairs = [
            SMIKinds.Pair(Access.V1Alpha2.TrafficTarget.self), SMIKinds.Pair(Access.V1Alpha3.TrafficTarget.self),
            SMIKinds.Pair(Specs.V1Alpha1.TCPRoute.self), SMIKinds.Pair(Specs.V1Alpha2.TCPRoute.self),
            SMIKinds.Pair(Specs.V1Alpha3.TCPRoute.self),
            SMIKinds.Pair(Specs.V1Alpha3.HTTPRouteGroup.self), SMIKinds.Pair(Specs.V1Alpha4.HTTPRouteGroup.self),
            SMIKinds.Pair(Specs.V1Alpha4.TCPRoute.self), SMIKinds.Pair(Specs.V1Alpha4.UDPRoute.self),
            SMIKinds.Pair(Split.V1Alpha2.TrafficSplit.self), SMIKinds.Pair(Split.V1Alpha3.TrafficSplit.self),
            SMIKinds.Pair(Split.V1Alpha4.TrafficSplit.self)
        ]
        let missing = pairs.filter { SMIKinds.decoders[$0]?.treeCheck == nil }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// Every SMI document of the golden inputs and the examples, but those of more than 500
    /// nodes (the goldens of the CRDs' size limits): every variant of a document is decoded
    /// whole, so the time grows with the square of its size.
    static func documents() throws -> [ManifestNode] {
        var files =
            GoldenCases.cases(target: "IstioAdapterTests") + GoldenCases.cases(target: "LinkerdAdapterTests")
            + GoldenCases.cases(target: "ConsulAdapterTests")
        var texts = try files.map {
            try String(contentsOf: $0.folder.appendingPathComponent("input.yaml"), encoding: .utf8)
        }
        files = []
        let examples = SharedReference.packageRoot.appendingPathComponent("Examples")
        for folder in try FileManager.default.contentsOfDirectory(atPath: examples.path) {
            let dir = examples.appendingPathComponent(folder)
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            where name.hasSuffix(".yaml") {
                texts.append(try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8))
            }
        }
        return texts.flatMap { (try? YAMLReader().read($0).map(\.root)) ?? [] }.filter { size(of: $0) <= 500 }
    }

    /// How many nodes a tree has.
    static func size(of node: ManifestNode) -> Int {
        switch node.value {
        case let .mapping(m): 1 + m.entries.reduce(0) { $0 + 1 + size(of: $1.value) }
        case let .sequence(items): 1 + items.reduce(0) { $0 + size(of: $1) }
        default: 1
        }
    }

    /// `node` with one thing changed, in every way and at every place: an entry or item
    /// removed, a value replaced by one of another type (null, numbers, a numeric string,
    /// a boolean, empty collections), an unknown key added, a key repeated.
    static func variants(of node: ManifestNode) -> [ManifestNode] {
        let replacements: [ManifestValue] = [
            .null, .int(80), .double(80), .double(1.5), .string("80"), .bool(true), .sequence([]),
            .mapping(ManifestMapping())
        ]
        var out: [ManifestNode] = replacements.map { ManifestNode($0, at: node.location) }
        switch node.value {
        case let .mapping(m):
            for i in m.entries.indices {
                var removed = m
                removed.entries.remove(at: i)
                out.append(ManifestNode(.mapping(removed), at: node.location))
                for inner in variants(of: m.entries[i].value) {
                    var changed = m
                    changed.entries[i].value = inner
                    out.append(ManifestNode(.mapping(changed), at: node.location))
                }
            }
            var unknown = m
            unknown.entries.append(.init(key: "zz", value: "x"))
            out.append(ManifestNode(.mapping(unknown), at: node.location))
            if let first = m.entries.first {
                var repeated = m
                repeated.entries.append(first)
                out.append(ManifestNode(.mapping(repeated), at: node.location))
            }
        case let .sequence(items):
            for i in items.indices {
                var removed = items
                removed.remove(at: i)
                out.append(ManifestNode(.sequence(removed), at: node.location))
                for inner in variants(of: items[i]) {
                    var changed = items
                    changed[i] = inner
                    out.append(ManifestNode(.sequence(changed), at: node.location))
                }
            }
        default:
            break
        }
        return out
    }

    @Test func wellFormedDocumentsReadFromTheTreeAsCodableReadsThem() throws {
        var accepted = 0
        for document in try Self.documents() {
            guard let (took, agrees) = Self.check(document) else { continue }
            #expect(agrees, "\(document)")
            if took { accepted += 1 }
        }
        #expect(accepted > 100, "the golden inputs and examples are mostly well formed")
    }

    @Test func changedDocumentsAreReadAsCodableReadsThemOrLeftToIt() throws {
        var checked = 0, accepted = 0
        for document in try Self.documents() {
            guard Self.check(document) != nil else { continue }
            for variant in Self.variants(of: document) {
                guard let (took, agrees) = Self.check(variant) else { continue }
                checked += 1
                if took { accepted += 1 }
                if !agrees {
                    Issue.record(
                        "the tree path reads a changed document otherwise than Codable:\n\(YAMLWriter().write(variant))"
                    )
                    return
                }
            }
        }
        #expect(checked > 20000 && accepted > 1000, "\(checked) variants, \(accepted) read from the tree")
    }
}
