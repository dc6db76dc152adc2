import SMICore

/// `smi convert`: reads YAML or JSON and writes it back as normalized YAML or JSON.
struct ConvertCommand: ToolCommand {
    static let name = "convert"
    static let summary = "Read YAML or JSON manifests and write them as YAML or JSON"
    static let help = """
        Usage: smi convert [--to GROUP/VERSION] [--schema kubernetes|core] [-o yaml|json] [FILE...]

        Reads every document of each FILE ('-' or no FILE reads standard input) and writes
        them to standard output: as Kubernetes-style YAML ('-o yaml', the default; documents
        separated by '---') or as compact JSON, one document per line ('-o json').

        With --to, SMI objects of that API group are rewritten in that version; other
        documents pass through unchanged. A conversion that would lose or widen what an
        object allows or routes is refused with a diagnostic (and the object left out).

        Options:
          --to GROUP/VERSION        Convert SMI objects of GROUP to VERSION, for example
                                    split.smi-spec.io/v1alpha4.
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
          smi convert --to split.smi-spec.io/v1alpha4 old-splits.yaml
        """

    enum Format: String {
        case yaml, json
    }

    /// Output is handed to the console in pieces of about this size.
    static let flushThreshold = 1 << 20

    var target: String?
    var schema = YAMLSchema.kubernetes
    var format = Format.yaml
    var paths: [String] = []

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let item = scanner.next() {
            switch item {
            case let .positional(path):
                paths.append(path)
            case let .option(name, inline) where name == "--to":
                let version = try scanner.value(for: name, inline: inline)
                guard SMIAPIVersions.released.contains(version) else {
                    throw UsageError(
                        message:
                            "'\(version)' is not a released SMI API version; use one of \(SMIAPIVersions.released.joined(separator: ", "))"
                    )
                }
                target = version
            case let .option(name, inline) where name == "--schema":
                schema =
                    YAMLSchema(
                        rawValue: try scanner.choice(
                            for: name, inline: inline, from: YAMLSchema.allCases.map(\.rawValue))) ?? .kubernetes
            case let .option(name, inline) where name == "-o" || name == "--output":
                format =
                    Format(rawValue: try scanner.choice(for: name, inline: inline, from: ["yaml", "json"])) ?? .yaml
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
        var documents = 0
        var reported: [Diagnostic] = []
        let jsonWriter = JSONWriter()
        for input in inputs {
            do {
                // Each document is written as soon as it is read, so memory stays bounded by
                // the largest document rather than the whole input.
                try reader.forEachDocument(in: input.bytes, file: input.name) { read in
                    documents += 1
                    // A list (what `kubectl get -o yaml` prints) is written as its items.
                    let objects = read.objects
                    console.diagnostics(objects.problems)
                    reported += objects.problems
                    if !objects.problems.isEmpty { status = ExitStatus.failure }
                    for document in objects.objects {
                        var node = document.root
                        if let target {
                            let (converted, diagnostics) = Self.convert(document, to: target)
                            console.diagnostics(diagnostics)
                            reported += diagnostics
                            guard let converted else {
                                status = ExitStatus.failure
                                continue
                            }
                            node = converted
                        }
                        switch format {
                        case .yaml:
                            YAMLWriter().write(node, asDocument: written, into: &output)
                            written += 1
                        case .json:
                            do {
                                try jsonWriter.write(node, into: &output)
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
                }
            } catch {
                let diagnostic = Diagnostic(error)
                console.diagnostics([diagnostic])
                reported.append(diagnostic)
                status = ExitStatus.failure
            }
        }
        console.out(bytes: output)
        if !reported.isEmpty {
            console.error(DiagnosticReport(diagnostics: reported, strict: false).summary(documents: documents))
        }
        return status
    }

    /// The document with its SMI object rewritten in `apiVersion` when it belongs to that
    /// API group, unchanged otherwise; `nil` (with diagnostics) when it cannot be converted.
    static func convert(_ document: ManifestDocument, to apiVersion: String) -> (ManifestNode?, [Diagnostic]) {
        let decoded = SMIDocument.decode(document)
        let group = apiVersion.split(separator: "/").first.map(String.init) ?? ""
        let documentGroup = document.root.value.mappingValue?["apiVersion"]?.value.stringValue?
            .split(separator: "/").first.map(String.init)
        guard documentGroup == group, decoded.content != .other else { return (document.root, []) }
        guard decoded.diagnostics.isEmpty else { return (nil, decoded.diagnostics) }
        let (object, diagnostics) = decoded.converted(to: apiVersion)
        guard let object else { return (nil, diagnostics) }
        do {
            return (try ManifestEncoder().encode(object.value), diagnostics)
        } catch {
            return (
                nil,
                [
                    Diagnostic(
                        .error, .conversion, "\(error)", object: decoded.object, file: document.file,
                        location: document.root.location)
                ]
            )
        }
    }
}
