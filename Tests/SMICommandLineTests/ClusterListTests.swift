import Foundation
import SMICore
import SMITestSupport
import Testing

/// Input as clusters print it: `kubectl get -o yaml` writes one `List` whose items are the
/// objects, with the fields the API server adds.
///
/// Read as its items, it renders and validates what the same objects do as separate documents,
/// and diagnostics point into the items.
@Suite struct ClusterListTests {
    static var shop: String { SharedReference.packageRoot.appendingPathComponent("Examples/shop").path }
    static var kubectlGet: String {
        SharedReference.packageRoot.appendingPathComponent("Examples/from-cluster/kubectl-get.yaml").path
    }

    /// The shipped `kubectl get -A -o yaml` of the shop (uid, resourceVersion, managedFields,
    /// creationTimestamp, status and all) renders byte for byte what Examples/shop renders.
    @Test(arguments: ["istio", "linkerd", "consul"])
    func aKubectlListRendersWhatItsObjectsRenderAsFiles(mesh: String) throws {
        let list = try String(contentsOfFile: Self.kubectlGet, encoding: .utf8)
        let fromList = ToolRun(["render", "--mesh", mesh, "-"], stdin: list)
        let fromFiles = ToolRun(["render", "--mesh", mesh, Self.shop])
        #expect(fromList.status == 0 && fromFiles.status == 0, "\(fromList.err)")
        #expect(!fromList.out.isEmpty)
        #expect(fromList.out == fromFiles.out)
        // The same findings, each at its own place (a line of the List, a file of the folder);
        // the summary counts the one document read.
        let (listFindings, listSummary) = Self.findingsAndSummary(fromList.err)
        let (fileFindings, fileSummary) = Self.findingsAndSummary(fromFiles.err)
        #expect(listFindings == fileFindings)
        #expect(listSummary == fileSummary.replacingOccurrences(of: "in 25 documents", with: "in 1 document"))
    }

    /// The README's pipeline, as it is written there, works on what kubectl prints.
    @Test func theReadmePipelineRendersAKubectlList() throws {
        let readme = try String(
            contentsOf: SharedReference.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let pipeline = try #require(
            readme.split(separator: "\n").first {
                $0.hasPrefix("kubectl get ") && $0.contains(" -o yaml | smi render ")
            })
        let words = pipeline.split(separator: "|").last?.split(separator: " ").map(String.init) ?? []
        #expect(words.first == "smi" && words.last == "-")
        let run = ToolRun(Array(words.dropFirst()), stdin: try String(contentsOfFile: Self.kubectlGet, encoding: .utf8))
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out == ToolRun(Array(words.dropFirst().dropLast()) + [Self.shop]).out)
        #expect(readme.contains("Examples/from-cluster/kubectl-get.yaml"))
    }

    /// A List of broken objects (nested, and a typed list whose items have no kind) reports
    /// what the objects report as separate documents, each at the line of its own field.
    @Test func diagnosticsPointIntoTheItems() throws {
        let documents = try YAMLReader().read(Self.broken)
        let separate = ToolRun(["validate", "-"], stdin: Self.broken)
        let listText = YAMLWriter().write(documents: [Self.list(documents.map(\.root))])
        let listed = ToolRun(["validate", "-"], stdin: listText)
        #expect(separate.status == 1 && listed.status == 1)
        let (listFindings, listSummary) = Self.findingsAndSummary(listed.err)
        let (separateFindings, separateSummary) = Self.findingsAndSummary(separate.err)
        #expect(listFindings == separateFindings)
        #expect(
            listSummary == "6 errors, 0 warnings in 1 document"
                && separateSummary == "6 errors, 0 warnings in 3 documents")
        // Each diagnostic points at the node of its item that the same diagnostic points at in
        // the separate document (the field, its key, or the mapping that lacks it).
        let root = try YAMLReader().readSingle(listText)
        for (inList, alone) in zip(
            listed.err.split(separator: "\n").dropLast(), separate.err.split(separator: "\n").dropLast())
        {
            let (location, objectName) = try Self.parts(of: String(inList))
            let (aloneLocation, _) = try Self.parts(of: String(alone))
            let index = try #require(
                documents.firstIndex { $0.root.node(at: "metadata.name")?.value.stringValue == objectName })
            let item = try #require(root.node(at: FieldPath([.key("items"), .index(index)])))
            let place = try #require(Self.place(of: aloneLocation, in: documents[index].root), "\(alone)")
            #expect(Self.location(of: place, in: item) == location, "\(inList)")
        }
        // Read from a file, an item's tree is dropped and read again from the file for its
        // diagnostics: the same lines.
        let file = try ToolRun.file(listText, name: "list.yaml")
        let fromFile = ToolRun(["validate", file])
        #expect(fromFile.err == listed.err.replacingOccurrences(of: "<stdin>", with: file))
    }

    /// Items of a typed list (`TrafficSplitList`, as the API server returns a collection) take
    /// the list's kind and apiVersion when they have none; lists nest.
    @Test func typedAndNestedListsAreReadAsTheirItems() throws {
        let text = """
            apiVersion: split.smi-spec.io/v1alpha2
            kind: TrafficSplitList
            items:
            - metadata: {name: web, namespace: shop}
              spec: {service: web, backends: [{service: web-v1, weight: 1}]}
            - apiVersion: v1
              kind: List
              items:
              - apiVersion: split.smi-spec.io/v1alpha2
                kind: TrafficSplit
                metadata: {name: api, namespace: shop}
                spec: {service: api, backends: [{service: api-v1, weight: 1}]}
            """
        let bundle = SMIBundle(try YAMLReader().read(text))
        #expect(bundle.diagnostics.isEmpty, "\(bundle.diagnostics)")
        #expect(bundle.trafficSplits.map(\.key.description) == ["shop/api", "shop/web"])
        let input = SMIInput([.init(name: "list.yaml", bytes: Array(text.utf8))])
        #expect(input.bundle.trafficSplits.map(\.key.description) == ["shop/api", "shop/web"])
        #expect(input.documentCount == 1)
    }

    /// `convert` writes the items of a List as separate documents; `--inventory` and
    /// `Inventory(manifests:)` read the workloads of a List.
    @Test func convertAndTheInventoryReadListItems() throws {
        let list = try String(contentsOfFile: Self.kubectlGet, encoding: .utf8)
        let converted = ToolRun(["convert", "-o", "yaml", "-"], stdin: list)
        #expect(converted.status == 0, "\(converted.err)")
        let documents = try YAMLReader().read(converted.out)
        #expect(documents.count == (try YAMLReader().readSingle(list).node(at: "items")?.value.sequenceValue?.count))
        #expect(documents.allSatisfy { $0.root.node(at: "items") == nil && $0.root.node(at: "kind") != nil })
        let fromList = Inventory(manifests: try YAMLReader().read(list))
        let fromFiles = try Inventory(
            manifests: FileManager.default.contentsOfDirectory(atPath: Self.shop).sorted().flatMap {
                try YAMLReader().read(String(contentsOfFile: Self.shop + "/" + $0, encoding: .utf8))
            })
        #expect(!fromList.workloads.isEmpty && fromList.workloads.map(\.name) == fromFiles.workloads.map(\.name))
        #expect(fromList.services.map(\.name) == fromFiles.services.map(\.name))
        let rendered = ToolRun([
            "render", "--mesh", "linkerd", "--inventory", Self.kubectlGet, Self.shop + "/60-access.yaml",
            Self.shop + "/50-routes.yaml"
        ])
        let expected = ToolRun([
            "render", "--mesh", "linkerd", "--inventory", Self.shop, Self.shop + "/60-access.yaml",
            Self.shop + "/50-routes.yaml"
        ])
        #expect(rendered.status == expected.status && !rendered.out.isEmpty && rendered.out == expected.out)
    }

    // MARK: - Helpers

    /// Three broken objects: two problems in one TrafficSplit, a TrafficTarget missing two
    /// fields, and an HTTPRouteGroup with a bad regex and a repeated match name.
    static let broken = """
        apiVersion: split.smi-spec.io/v1alpha2
        kind: TrafficSplit
        metadata: {name: web, namespace: shop}
        spec:
          service: web
          backends:
          - service: web-v1
            weight: 0.5
          - service: web-v2
            weigth: 1
        ---
        apiVersion: access.smi-spec.io/v1alpha3
        kind: TrafficTarget
        metadata: {name: api, namespace: shop}
        spec:
          destination: {name: api, namespace: shop}
          rules:
          - kind: HTTPRouteGroup
            matches: [read]
          sources: [{kind: ServiceAccount, name: web, namespace: shop}]
        ---
        apiVersion: specs.smi-spec.io/v1alpha4
        kind: HTTPRouteGroup
        metadata: {name: routes, namespace: shop}
        spec:
          matches:
          - {name: read, pathRegex: "/a["}
          - {name: read, pathRegex: /b}

        """

    /// `kubectl get -o yaml`'s wrapping of `items`.
    static func list(_ items: [ManifestNode]) -> ManifestNode {
        [
            "apiVersion": "v1", "kind": "List", "metadata": ["resourceVersion": ""],
            "items": ManifestNode(.sequence(items))
        ]
    }

    /// The diagnostics without their `file:line:column: ` (object, field path and message
    /// kept), and the summary line.
    static func findingsAndSummary(_ text: String) -> ([String], String) {
        let lines = text.split(separator: "\n").map { line in
            guard let severity = line.range(of: #"(error|warning|info)\["#, options: .regularExpression) else {
                return String(line)
            }
            return String(line[severity.lowerBound...])
        }
        return (Array(lines.dropLast()), lines.last ?? "")
    }

    /// The location and object name of a diagnostic line `<stdin>:L:C: sev[CODE]: Kind ns/name: ...`.
    static func parts(of line: String) throws -> (SMICore.SourceLocation, String) {
        let fields = line.components(separatedBy: ": ")
        let place = fields[0].split(separator: ":")
        let location = SMICore.SourceLocation(line: try #require(Int(place[1])), column: try #require(Int(place[2])))
        return (location, try #require(fields[2].split(separator: "/").last.map(String.init)))
    }

    /// Where a node is in a tree: its path, and whether it is the key of the last step.
    typealias Place = (path: FieldPath, key: Bool)

    /// The place of the first node (in document order) that starts at `location`.
    static func place(of location: SMICore.SourceLocation, in root: ManifestNode, at path: FieldPath = FieldPath())
        -> Place?
    {
        if root.location == location { return (path, false) }
        switch root.value {
        case let .mapping(mapping):
            for entry in mapping.entries {
                guard let name = entry.key.value.stringValue else { continue }
                if entry.key.location == location { return (path.appending(name), true) }
                if let found = place(of: location, in: entry.value, at: path.appending(name)) { return found }
            }
        case let .sequence(items):
            for (index, item) in items.enumerated() {
                if let found = place(of: location, in: item, at: path.appending(index)) { return found }
            }
        default:
            break
        }
        return nil
    }

    /// The location of the node at `place` below `root`.
    static func location(of place: Place, in root: ManifestNode) -> SMICore.SourceLocation? {
        guard place.key, case let .key(name)? = place.path.components.last else {
            return root.node(at: place.path)?.location
        }
        let parent = root.node(at: FieldPath(Array(place.path.components.dropLast())))
        return parent?.value.mappingValue?.entry(forKey: name)?.key.location
    }
}
