import Foundation
import SMICore
import SMITestSupport
import Synchronization
import Testing

/// Reading inputs into a bundle and an inventory without keeping the documents must give
/// exactly what reading every document first gives: objects, workloads, diagnostics and the
/// locations they point at once located (found by reading a document again).
@Suite struct SMIInputTests {
    /// Every adapter's golden inputs one after another, `copies` times: SMI objects of every
    /// version, the apps' manifests, and objects reported at many different fields (the
    /// copies add duplicates, reported with where the other one is).
    static func goldenInputs(copies: Int) throws -> [UInt8] {
        var one: [UInt8] = []
        for target in ["IstioAdapterTests", "LinkerdAdapterTests", "ConsulAdapterTests"] {
            for c in GoldenCases.cases(target: target) {
                one += Array("---\n# \(target)/\(c.name)\n".utf8)
                one += [UInt8](try Data(contentsOf: c.folder.appendingPathComponent("input.yaml")))
                if one.last != 0x0A { one.append(0x0A) }
            }
        }
        return Array([[UInt8]](repeating: one, count: copies).joined())
    }

    /// What reading every document first gives, for comparison.
    struct Expected {
        var documents: [ManifestDocument]
        var bundle: SMIBundle
        var inventory: Inventory

        init(_ bytes: [UInt8], file: String) throws {
            var read: [ManifestDocument] = []
            try? YAMLReader().forEachDocument(in: bytes, file: file) { read.append($0) }
            documents = read
            bundle = SMIBundle(documents)
            inventory = Inventory(manifests: documents)
        }
    }

    static func expectSame(_ input: SMIInput, _ expected: Expected) {
        #expect(input.documentCount == expected.documents.count)
        #expect(input.inventory == expected.inventory)
        let (a, b) = (input.bundle, expected.bundle)
        #expect(input.located(a.diagnostics).map(\.description) == b.diagnostics.map(\.description))
        #expect(
            input.located(SMIValidator().validate(a)).sortedByPlace().map(\.description)
                == SMIValidator().validate(b).map(\.description))
        #expect(a.trafficTargets.map(\.object) == b.trafficTargets.map(\.object))
        #expect(a.trafficSplits.map(\.object) == b.trafficSplits.map(\.object))
        #expect(a.httpRouteGroups.mapValues(\.object) == b.httpRouteGroups.mapValues(\.object))
        #expect(a.tcpRoutes.mapValues(\.object) == b.tcpRoutes.mapValues(\.object))
        #expect(a.udpRoutes.mapValues(\.object) == b.udpRoutes.mapValues(\.object))
        #expect(a.namespaces == b.namespaces)
        #expect(a.destinationPorts == b.destinationPorts)
        for (x, y) in zip(Self.documents(a), Self.documents(b)) {
            #expect(x.source.index == y.source.index)
            #expect(x.source.location == y.source.location)
            #expect(x.source.file == y.source.file)
        }
    }

    /// The documents of every object of a bundle, in a fixed order.
    static func documents(_ bundle: SMIBundle) -> [SMIDocument] {
        bundle.trafficTargets.map(\.document) + bundle.trafficSplits.map(\.document)
            + bundle.httpRouteGroups.sorted { $0.key < $1.key }.map(\.value.document)
            + bundle.tcpRoutes.sorted { $0.key < $1.key }.map(\.value.document)
    }

    @Test func aLargeInputReadInPartsGivesWhatReadingEveryDocumentFirstGives() throws {
        let bytes = try Self.goldenInputs(copies: 8)
        #expect(bytes.count > 1 << 20, "large enough to be read in parts")
        let input = SMIInput([.init(name: "all.yaml", bytes: bytes)])
        #expect(input.diagnostics.isEmpty)
        #expect(input.bundle.trafficTargets.count > 10)
        #expect(input.bundle.diagnostics.count > 100)
        let findings = SMIValidator().validate(input.bundle)
        let moved = zip(findings, input.located(findings)).filter { $0.location != $1.location }
        #expect(moved.count > 10, "until located, findings about fields point at their documents")
        Self.expectSame(input, try Expected(bytes, file: "all.yaml"))
    }

    @Test func aSmallInputGivesWhatReadingEveryDocumentFirstGives() throws {
        let bytes = try Self.goldenInputs(copies: 1)
        Self.expectSame(SMIInput([.init(name: "some.yaml", bytes: bytes)]), try Expected(bytes, file: "some.yaml"))
    }

    /// The error is the one a sequential read reports, and the documents before it are used.
    @Test func aYAMLErrorLateInALargeInputKeepsTheDocumentsBeforeIt() throws {
        let bytes = try Self.goldenInputs(copies: 8) + Array("---\nkind: [unclosed\n---\nkind: Later\n".utf8)
        let input = SMIInput([.init(name: "broken.yaml", bytes: bytes)])
        let sequential = #expect(throws: YAMLError.self) { try YAMLReader().read(bytes, file: "broken.yaml") }
        #expect(input.diagnostics.map(\.description) == [sequential.map { Diagnostic($0).description } ?? ""])
        Self.expectSame(input, try Expected(bytes, file: "broken.yaml"))
    }

    /// A large input with more documents than the reader admits is read again in one pass,
    /// which reports the limit where a sequential read does and keeps the documents before it.
    @Test func aLargeInputOverTheDocumentLimitReportsItAsASequentialReadDoes() throws {
        let bytes = try Self.goldenInputs(copies: 8)
        var reader = YAMLReader()
        var count = 0
        try reader.forEachDocument(in: bytes) { _ in count += 1 }
        reader.limits.maxDocuments = count - 10
        let input = SMIInput([.init(name: "many.yaml", bytes: bytes)], reader: reader)
        let sequential = #expect(throws: YAMLError.self) { try reader.read(bytes, file: "many.yaml") }
        #expect(input.diagnostics.map(\.description) == [sequential.map { Diagnostic($0).description } ?? ""])
        #expect(input.documentCount == count - 10)
    }

    /// Two large inputs: each one's documents are counted from 0, in its own order.
    @Test func documentsOfSeveralLargeInputsAreCountedPerInput() throws {
        let bytes = try Self.goldenInputs(copies: 8)
        let input = SMIInput([.init(name: "a.yaml", bytes: bytes), .init(name: "b.yaml", bytes: bytes)])
        let expected = try Expected(bytes, file: "a.yaml")
        #expect(input.documentCount == 2 * expected.documents.count)
        let indexes = Dictionary(grouping: input.bundle.trafficSplits.map(\.document.source), by: { $0.file ?? "" })
        let expectedIndexes = expected.bundle.trafficSplits.map(\.document.source.index)
        // The second input's objects replace the first's (same names), so b.yaml's remain.
        #expect(indexes["b.yaml"]?.map(\.index) == expectedIndexes)
        #expect(input.bundle.diagnostics.contains { $0.code == .duplicateObject && $0.file == "b.yaml" })
    }

    @Test func anInventoryOnlyInputGivesWorkloadsAndNoSMIObjects() throws {
        let bytes = try Self.goldenInputs(copies: 8)
        let input = SMIInput([.init(name: "app.yaml", bytes: bytes, inventoryOnly: true)])
        #expect(input.documentCount == 0)
        #expect(
            input.bundle.trafficTargets.isEmpty && input.bundle.httpRouteGroups.isEmpty
                && input.bundle.diagnostics.isEmpty)
        #expect(input.inventory == (try Expected(bytes, file: "app.yaml")).inventory)
        #expect(!input.inventory.workloads.isEmpty)
    }

    /// An input read again where it came from (here a closure over the bytes, as a file
    /// would give them) keeps no copy of its text, and gives the same locations, each
    /// document read once however many diagnostics it has.
    @Test(arguments: [1, 8])
    func anInputReadAgainWhereItCameFromGivesWhatReadingEveryDocumentFirstGives(copies: Int) throws {
        let bytes = try Self.goldenInputs(copies: copies)
        let reads = Mutex(0)
        let source = SMIInput.Source(name: "file.yaml", bytes: bytes) { range in
            reads.withLock { $0 += 1 }
            return Array(bytes[range])
        }
        let input = SMIInput([source])
        let before = reads.withLock { $0 }
        let diagnostics = SMIValidator().validate(input.bundle)
        #expect(reads.withLock { $0 } == before, "validation reads nothing")
        let located = input.located(diagnostics)
        let documents = Set(
            diagnostics.compactMap { d in d.path.map { _ in "\(d.file ?? ""):\(d.location?.line ?? 0)" } })
        let read = reads.withLock { $0 } - before
        #expect(read > 0 && read <= documents.count, "each reported document read once at most")
        #expect(located != diagnostics)
        Self.expectSame(input, try Expected(bytes, file: "file.yaml"))
    }

    /// When the input can no longer be read as it was (a file written since), a diagnostic
    /// points at its document instead of the field, never at some other line.
    @Test func aDocumentThatCannotBeReadAgainIsReportedAtItsStart() throws {
        let text = """
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: -1}]}

            """
        let bytes = Array(text.utf8)
        let kept = SMIInput([.init(name: "d.yaml", bytes: bytes)])
        let gone = SMIInput([.init(name: "d.yaml", bytes: bytes) { _ in nil }])
        let changed = SMIInput([
            .init(name: "d.yaml", bytes: bytes) { range in Array(("#\n" + text).utf8.prefix(range.count)) }
        ])
        let prefix = "error[SMI2001]: TrafficSplit shop/s: spec.backends[0].weight:"
        #expect(
            kept.located(SMIValidator().validate(kept.bundle)).map(\.description).contains {
                $0.hasPrefix("d.yaml:4:59: \(prefix)")
            })
        for input in [gone, changed] {
            #expect(
                input.located(SMIValidator().validate(input.bundle)).map(\.description).contains {
                    $0.hasPrefix("d.yaml:1:1: \(prefix)")
                })
        }
    }

    /// Documents after directives cannot be read again on their own, so they keep their trees.
    @Test func documentsAfterDirectivesKeepTheirTrees() throws {
        let text = """
            %YAML 1.2
            ---
            apiVersion: split.smi-spec.io/v1alpha4
            kind: TrafficSplit
            metadata: {name: s, namespace: shop}
            spec: {service: web, backends: [{service: web-v1, weight: -1}]}

            """
        let input = SMIInput([.init(name: "d.yaml", bytes: Array(text.utf8))])
        #expect(
            SMIValidator().validate(input.bundle).map(\.description).contains {
                $0.hasPrefix("d.yaml:6:59: error[SMI2001]: TrafficSplit shop/s: spec.backends[0].weight:")
            })
    }
}
