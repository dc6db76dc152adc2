import SMICore

/// `smi convert`: reads YAML or JSON and writes it back as normalized YAML or JSON.
struct ConvertCommand: ToolCommand {
    static let name = "convert"
    static let summary = "Read YAML or JSON manifests and write them as YAML or JSON"
    static let help = """
        Usage: smi convert [--schema kubernetes|core] [-o yaml|json] [FILE...]

        Reads every document of each FILE ('-' or no FILE reads standard input) and writes
        them to standard output: as Kubernetes-style YAML ('-o yaml', the default; documents
        separated by '---') or as compact JSON, one document per line ('-o json').

        Options:
          --schema kubernetes|core  How plain scalars are typed: 'kubernetes' (default) as
                                    Kubernetes reads YAML (yes/on are booleans, 0777 octal),
                                    'core' as the YAML 1.2 core schema.
          -o, --output yaml|json    The output format (default: yaml).
          -h, --help                Show this help.

        Exit status: 0 when every input was read, 1 when some input is not valid YAML
        (reported on standard error as file:line:column), 2 on bad usage.

        Examples:
          smi convert deploy.yaml
          smi convert -o json split.yaml | jq .spec
          cat manifests.yaml | smi convert --schema core -
        """

    enum Format: String {
        case yaml, json
    }

    /// Output is handed to the console in pieces of about this size.
    static let flushThreshold = 1 << 20

    var schema = YAMLSchema.kubernetes
    var format = Format.yaml
    var paths: [String] = []

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let item = scanner.next() {
            switch item {
            case let .positional(path):
                paths.append(path)
            case let .option(name, inline) where name == "--schema":
                schema = YAMLSchema(rawValue: try scanner.choice(for: name, inline: inline, from: YAMLSchema.allCases.map(\.rawValue))) ?? .kubernetes
            case let .option(name, inline) where name == "-o" || name == "--output":
                format = Format(rawValue: try scanner.choice(for: name, inline: inline, from: ["yaml", "json"])) ?? .yaml
            case let .option(name, _):
                throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }

    func run(console: inout Console) throws -> Int32 {
        let inputs: [InputFiles.Input]
        do {
            inputs = try InputFiles.read(paths, console: console)
        } catch {
            console.error("smi convert: \(error)")
            return ExitStatus.failure
        }
        let reader = YAMLReader(schema: schema)
        var status = ExitStatus.success
        var output: [UInt8] = []
        output.reserveCapacity(Self.flushThreshold + 65536)
        var written = 0
        let jsonWriter = JSONWriter()
        for input in inputs {
            do {
                // Each document is written as soon as it is read, so memory stays bounded by
                // the largest document rather than the whole input.
                try reader.forEachDocument(in: input.bytes, file: input.name) { document in
                    switch format {
                    case .yaml:
                        YAMLWriter().write(document.root, asDocument: written, into: &output)
                        written += 1
                    case .json:
                        do {
                            try jsonWriter.write(document.root, into: &output)
                            output.append(0x0A)
                        } catch {
                            console.error("smi convert: \(input.name): \(error)")
                            status = ExitStatus.failure
                        }
                    }
                    if output.count >= Self.flushThreshold {
                        console.out(bytes: output)
                        output.removeAll(keepingCapacity: true)
                    }
                }
            } catch {
                console.error(error.description)
                status = ExitStatus.failure
            }
        }
        console.out(bytes: output)
        return status
    }
}
