import ConsulAdapter
import Foundation
import IstioAdapter
import LinkerdAdapter
import SMICore

/// Everything `smi render` does, on arbitrary bytes: read, decode (straight from the trees
/// as through Codable), validate, render for each mesh (default and strict), write in every
/// format, and read the YAML and JSON back.
enum PipelineFuzzing {
    static let adapters: [any MeshAdapter] = [
        IstioAdapter(), LinkerdAdapter(), ConsulAdapter(),
        ConsulAdapter(configuration: ConsulConfiguration(namespaces: .mirroring(prefix: "")))
    ]

    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        guard let documents = try? YAMLReader(limits: FuzzLimits.reader).read(bytes) else { return nil }
        // Well-formed documents are read straight from their trees: always as Codable reads them.
        if let differing = documents.first(where: { !SMIDocument.treeReadingAgreesWithCodable($0.root) }) {
            return FuzzFailure(
                description: "document \(differing.index) reads from its tree otherwise than through Codable")
        }
        let bundle = SMIBundle(documents)
        let inventory = Inventory(manifests: documents)
        let findings = SMIValidator().validate(bundle)
        // Reading without keeping the documents gives the same objects and workloads, and the
        // same diagnostics at the same places (found by reading documents again).
        let input = SMIInput([.init(name: nil, bytes: bytes)], reader: YAMLReader(limits: FuzzLimits.reader))
        guard !input.diagnostics.contains(where: { $0.severity == .error }), input.documentCount == documents.count,
            input.inventory == inventory,
            input.located(input.bundle.diagnostics) == bundle.diagnostics,
            input.located(SMIValidator().validate(input.bundle)).sortedByPlace() == findings
        else {
            return FuzzFailure(description: "SMIInput differs from reading every document first")
        }
        for adapter in adapters {
            for options in [RenderOptions(), RenderOptions(strict: true, pathAnchoring: .full)] {
                let rendering = adapter.render(bundle, inventory: inventory, options: options)
                let resources = rendering.resources
                for format in adapter.outputFormats {
                    let text: String
                    do {
                        text = try adapter.text(of: rendering, format: format)
                    } catch {
                        return FuzzFailure(description: "\(adapter.mesh): cannot write \(format): \(error)")
                    }
                    switch format.fileExtension {
                    case "yaml":
                        // Fields written as text: the YAML of the manifests built from them.
                        guard text == YAMLWriter().write(documents: resources) else {
                            return FuzzFailure(
                                description:
                                    "\(adapter.mesh): the YAML the resources write field by field is not the YAML of their manifests:\n\(text)"
                            )
                        }
                        do {
                            if try YAMLReader().read(text).map(\.root) != resources {
                                return FuzzFailure(
                                    description: "\(adapter.mesh): the YAML output reads back as other values:\n\(text)"
                                )
                            }
                        } catch {
                            return FuzzFailure(
                                description: "\(adapter.mesh): the YAML output does not read back: \(error)\n\(text)")
                        }
                    case "json":
                        if let bad = Self.jsonDocuments(text).first(where: {
                            (try? JSONSerialization.jsonObject(with: Data($0.utf8))) == nil
                        }) {
                            return FuzzFailure(
                                description:
                                    "\(adapter.mesh): the JSON output holds a document that is not JSON:\n\(bad)")
                        }
                    default:
                        continue
                    }
                }
            }
        }
        return nil
    }

    /// The documents of JSON output: each starts on a line that starts with `{` (one per line,
    /// or indented over several as Consul's config entries are).
    static func jsonDocuments(_ text: String) -> [String] {
        var documents: [String] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("{") || documents.isEmpty {
                documents.append(String(line))
            } else {
                documents[documents.count - 1] += "\n" + line
            }
        }
        return documents
    }
}
