import ConsulAdapter
import IstioAdapter
import LinkerdAdapter
import SMICore
import SMITestSupport

/// Everything `smi render` does, on arbitrary bytes: read, decode, validate, render for each
/// mesh (default and strict), write in every format, and read the YAML and JSON back.
enum PipelineFuzzing {
    static let adapters: [any MeshAdapter] = [
        IstioAdapter(), LinkerdAdapter(), ConsulAdapter(),
        ConsulAdapter(configuration: ConsulConfiguration(namespaces: .mirroring(prefix: ""))),
    ]

    static func run(_ bytes: [UInt8]) -> FuzzFailure? {
        guard let documents = try? YAMLReader(limits: FuzzLimits.reader).read(bytes) else { return nil }
        let bundle = SMIBundle(documents)
        let inventory = Inventory(manifests: documents)
        _ = SMIValidator().validate(bundle)
        for adapter in adapters {
            for options in [RenderOptions(), RenderOptions(strict: true, pathAnchoring: .full)] {
                let rendering = adapter.render(bundle, inventory: inventory, options: options)
                for format in adapter.outputFormats {
                    let text: String
                    do {
                        text = try adapter.text(of: rendering, format: format)
                    } catch {
                        return FuzzFailure(description: "\(adapter.mesh): cannot write \(format): \(error)")
                    }
                    switch format {
                    case "yaml":
                        do {
                            if try YAMLReader().read(text).map(\.root) != rendering.resources {
                                return FuzzFailure(description: "\(adapter.mesh): the YAML output reads back as other values:\n\(text)")
                            }
                        } catch {
                            return FuzzFailure(description: "\(adapter.mesh): the YAML output does not read back: \(error)\n\(text)")
                        }
                    case "json":
                        if JSONStream.values(Array(text.utf8)) == nil {
                            return FuzzFailure(description: "\(adapter.mesh): the JSON output is not a stream of JSON values:\n\(text)")
                        }
                    default:
                        continue
                    }
                }
            }
        }
        return nil
    }
}
