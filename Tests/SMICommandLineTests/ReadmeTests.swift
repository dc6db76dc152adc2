import Foundation
import IstioAdapter
import SMICore
import SMITestSupport
import Testing

/// The README says what is true: its Swift compiles (it is in `ReadmeSnippets`, or is a
/// manifest SwiftPM reads), its shown command output is what the commands print, and its
/// support table is what `smi explain --markdown` prints.
@Suite struct ReadmeTests {
    struct Block {
        let language: String
        let lines: [String]
    }

    static let readme =
        (try? String(contentsOf: SharedReference.packageRoot.appendingPathComponent("README.md"), encoding: .utf8))
        ?? ""

    /// The fenced code blocks, with their language.
    static var blocks: [Block] {
        var blocks: [Block] = []
        var current: (language: String, lines: [String])?
        for line in readme.components(separatedBy: "\n") {
            if line.hasPrefix("```") {
                if let open = current {
                    blocks.append(Block(language: open.language, lines: open.lines))
                    current = nil
                } else {
                    current = (String(line.dropFirst(3)), [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        return blocks
    }

    @Test func swiftSnippetsAreCompiledAndRunHere() throws {
        let source = try String(
            contentsOf: SharedReference.packageRoot.appendingPathComponent(
                "Tests/SMICommandLineTests/ReadmeSnippets.swift"), encoding: .utf8)
        let here = source.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let snippets = Self.blocks.filter {
            $0.language == "swift" && $0.lines.first?.hasPrefix("// swift-tools-version") != true
        }
        #expect(snippets.count == 4)
        for snippet in snippets {
            // Each paragraph of the snippet, as consecutive lines of ReadmeSnippets.swift.
            let paragraphs = snippet.lines.map { $0.trimmingCharacters(in: .whitespaces) }.split(separator: "")
            for paragraph in paragraphs {
                let found = here.indices.contains { start in
                    start + paragraph.count <= here.count
                        && Array(here[start..<start + paragraph.count]) == Array(paragraph)
                }
                #expect(
                    found, "README snippet paragraph not in ReadmeSnippets.swift:\n\(paragraph.joined(separator: "\n"))"
                )
            }
        }
        let rendering = try ReadmeSnippets.codeFirst()
        #expect(!rendering.hasErrors)
        #expect(
            rendering.resources.map { $0.node(at: "kind")?.value.stringValue ?? "" }.sorted() == [
                "AuthorizationPolicy", "AuthorizationPolicy", "VirtualService"
            ])
        #expect(
            rendering.yaml().contains("- cluster.local/ns/shop/sa/web\n") && rendering.yaml().contains("weight: 9\n"))
        let bookstore = try String(
            contentsOf: SharedReference.packageRoot.appendingPathComponent("Examples/bookstore/app.yaml"),
            encoding: .utf8)
        var applied: [ManifestNode] = []
        ReadmeSnippets.reconcile(manifestText: bookstore) { applied = $0 }
        #expect(applied.contains { $0.node(at: "kind")?.value.stringValue == "AuthorizationPolicy" })
        var streamed: [UInt8] = []
        let diagnostics = ReadmeSnippets.meshScale(meshBytes: Array(bookstore.utf8)) { streamed += $0 }
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(
            String(decoding: streamed, as: UTF8.self)
                == IstioAdapter().render(
                    SMIBundle(try YAMLReader().read(bookstore)),
                    inventory: Inventory(manifests: try YAMLReader().read(bookstore))
                ).yaml())
        let split =
            "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata: {name: web}\nspec:\n  service: web\n  backends:\n  - service: web-v1\n    weight: 90\n"
        #expect(try ReadmeSnippets.yamlLayer(manifestText: split) == "service: web-v1\nweight: 90\n")
    }

    /// The Package.swift shown for dependants is a manifest SwiftPM reads.
    @Test func packageManifestSnippetIsValid() throws {
        let manifest = try #require(
            Self.blocks.first { $0.language == "swift" && $0.lines.first?.hasPrefix("// swift-tools-version") == true })
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("smi-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("Sources/mesh-controller"), withIntermediateDirectories: true)
        try manifest.lines.joined(separator: "\n").write(
            to: folder.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
        try "".write(
            to: folder.appendingPathComponent("Sources/mesh-controller/main.swift"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "package", "--package-path", folder.path, "dump-package"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains("\"IstioAdapter\""))
    }

    /// Each `$ smi ...` block shows what the command prints: standard error (diagnostics come
    /// first), then standard output unless the line sends it to /dev/null.
    @Test func shownCommandOutputIsCurrent() throws {
        let shown = Self.blocks.filter { $0.language == "text" && $0.lines.first?.hasPrefix("$ smi ") == true }
        #expect(shown.count >= 4)
        for block in shown {
            var words = block.lines[0].dropFirst("$ smi ".count).split(separator: " ").map(String.init)
            let quiet = words.suffix(2) == [">", "/dev/null"]
            if quiet { words.removeLast(2) }
            let run = try ProcessRun(smi: words)
            let expected = block.lines.dropFirst().joined(separator: "\n") + "\n"
            #expect(run.err + (quiet ? "" : run.out) == expected, "README block '\(block.lines[0])' is out of date")
        }
    }

    @Test func supportTableIsGeneratedByExplain() {
        let start = Self.readme.range(of: "<!-- smi explain --markdown -->\n")
        let end = Self.readme.range(of: "<!-- end smi explain -->")
        guard let start, let end else {
            Issue.record("the README has no generated support table")
            return
        }
        #expect(String(Self.readme[start.upperBound..<end.lowerBound]) == ToolRun(["explain", "--markdown"]).out)
    }

    /// The quick start names commands that exist, with files that exist (CI runs them).
    @Test func quickStartNamesTheExample() throws {
        let quickStart = try #require(Self.blocks.first { $0.language == "sh" })
        #expect(
            quickStart.lines.filter { !$0.isEmpty } == [
                "swift run smi render --mesh istio Examples/bookstore/app.yaml", "swift test"
            ])
    }
}
