public import Foundation
public import SMICore
public import Testing

/// Golden cases of an adapter.
///
/// Folders holding `input.yaml` (SMI objects and the app's manifests) with the expected
/// rendering (`<mesh>.yaml`) and `diagnostics.txt` beside it, and optionally `options.txt`,
/// `key=value` lines that change the render options (`release=1.14`, `strict=true`,
/// `pathAnchoring=full`; `<mesh>=...` lines configure the adapter and are left to the adapter's
/// own tests, for example `consul=enterprise`).
///
/// `SMI_UPDATE_GOLDEN=1` rewrites the expectations for review, and then fails the run so that a
/// recording is never mistaken for a pass.
public struct GoldenCases {
    /// One case.
    public struct Case: Sendable, CustomTestStringConvertible {
        /// The folder name, which says the behaviour.
        public let name: String
        /// The folder.
        public let folder: URL
        /// The case name, in test output.
        public var testDescription: String { name }
    }

    /// The cases under `Tests/<target>/Golden`, sorted.
    public static func cases(target: String) -> [Case] {
        let root = SharedReference.packageRoot.appendingPathComponent("Tests/\(target)/Golden")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { Case(name: $0, folder: root.appendingPathComponent($0)) }
            .filter { FileManager.default.fileExists(atPath: $0.folder.appendingPathComponent("input.yaml").path) }
    }

    /// Whether expectations are being recorded.
    public static var updating: Bool { ProcessInfo.processInfo.environment["SMI_UPDATE_GOLDEN"] == "1" }

    /// Renders a case with `adapter` and compares with the expected output (or writes it, when
    /// updating).
    ///
    /// It returns the differences as messages, empty when it matches. `formats` names further
    /// expected files by output format (`[.configEntriesJSON: "consul.json"]`), each the
    /// adapter's `text(of:format:)`.
    public static func check(
        _ c: Case, adapter: some MeshAdapter, options: RenderOptions = RenderOptions(),
        formats: [OutputFormat: String] = [:]
    ) throws -> [String] {
        let input = try Data(contentsOf: c.folder.appendingPathComponent("input.yaml"))
        var options = options
        if let text = try? String(contentsOf: c.folder.appendingPathComponent("options.txt"), encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
                switch (parts.first, parts.last) {
                case ("release", let value?):
                    guard let release = MeshRelease(value) else { throw OptionsError(line: String(line)) }
                    options.release = release
                case ("strict", "true"): options.strict = true
                case ("pathAnchoring", "full"): options.pathAnchoring = .full
                case (adapter.mesh?, _): continue
                default: throw OptionsError(line: String(line))
                }
            }
        }
        let translation = SMITranslation(
            [.init(name: "input.yaml", bytes: [UInt8](input))], adapter: adapter, options: options)
        let rendering = translation.rendering
        let yaml = rendering.yaml()
        let diagnostics = translation.diagnostics.map(\.description).joined(separator: "\n") + "\n"
        let yamlURL = c.folder.appendingPathComponent("\(adapter.mesh).yaml")
        let diagnosticsURL = c.folder.appendingPathComponent("diagnostics.txt")
        let others = try formats.sorted { $0.key.name < $1.key.name }.map {
            (file: $0.value, text: try adapter.text(of: rendering, format: $0.key))
        }
        if updating {
            try yaml.write(to: yamlURL, atomically: true, encoding: .utf8)
            try diagnostics.write(to: diagnosticsURL, atomically: true, encoding: .utf8)
            for other in others {
                try other.text.write(to: c.folder.appendingPathComponent(other.file), atomically: true, encoding: .utf8)
            }
            return ["recorded \(c.name); review the files and run again without SMI_UPDATE_GOLDEN"]
        }
        var problems: [String] = []
        // Strictness lives in the rendering an adapter makes from the options: one made
        // without them would let a strict render's warnings pass.
        var strictOptions = options
        strictOptions.strict = true
        if !adapter.render(translation.input.bundle, inventory: translation.input.inventory, options: strictOptions)
            .strict
        {
            problems.append("\(c.name): a strict render gives a rendering that is not strict")
        }
        let resources = rendering.resources
        // The rendering is sorted by what typed resources say of themselves; their manifests
        // must say the same.
        let keys = resources.map { node in
            (["apiVersion", "kind", "metadata.namespace", "metadata.name"] as [FieldPath]).map {
                node.node(at: $0)?.value.stringValue ?? ""
            }
        }
        if !zip(keys, keys.dropFirst()).allSatisfy({ !$1.lexicographicallyPrecedes($0) }) {
            problems.append("\(c.name): the resources are not in apiVersion, kind, namespace, name order: \(keys)")
        }
        // Typed resources write their fields as text; that must be the YAML of the manifests
        // built from the same fields.
        if yaml != YAMLWriter().write(documents: resources) {
            problems.append(
                "\(c.name): the YAML the resources write field by field differs from the YAML of their manifests")
        }
        for other in others
        where ((try? String(contentsOf: c.folder.appendingPathComponent(other.file), encoding: .utf8)) ?? "")
            != other.text
        {
            problems.append("\(c.name)/\(other.file) differs; rendered:\n\(other.text)")
        }
        let expectedYAML = (try? String(contentsOf: yamlURL, encoding: .utf8)) ?? ""
        if expectedYAML != yaml { problems.append("\(c.name)/\(adapter.mesh).yaml differs; rendered:\n\(yaml)") }
        let expectedDiagnostics = (try? String(contentsOf: diagnosticsURL, encoding: .utf8)) ?? ""
        if expectedDiagnostics != diagnostics {
            problems.append("\(c.name)/diagnostics.txt differs; got:\n\(diagnostics)")
        }
        return problems
    }

    /// The golden cases whose rendering changes when their input documents are shuffled.
    public static func orderDependentCases(target: String, adapter: some MeshAdapter) throws -> [String] {
        var out: [String] = []
        for c in GoldenCases.cases(target: target) {
            let text = try String(contentsOf: c.folder.appendingPathComponent("input.yaml"), encoding: .utf8)
            let documents = try YAMLReader().read(text)
            let render = { (docs: [ManifestDocument]) in
                adapter.render(SMIBundle(docs), inventory: Inventory(manifests: docs), options: RenderOptions()).yaml()
            }
            let expected = render(documents)
            for seed in 1...3 {
                var rng = SeededGenerator(seed: UInt64(seed))
                if render(documents.shuffled(using: &rng)) != expected {
                    out.append(c.name)
                    break
                }
            }
        }
        return out
    }

    /// A line of `options.txt` the harness does not know.
    public struct OptionsError: Error {
        /// The line.
        public let line: String
    }
}
