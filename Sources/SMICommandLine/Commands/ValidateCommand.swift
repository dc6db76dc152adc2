import SMICore

/// `smi validate`: reads SMI manifests and reports every finding, like a compiler.
struct ValidateCommand: ToolCommand {
    static let name = "validate"
    static let summary = "Check SMI manifests and report every problem with its position"
    static let help = """
        Usage: smi validate [FILE...]

        Reads every document of each FILE ('-' or no FILE reads standard input), decodes the
        SMI objects of every released version, and checks what the CRDs leave to
        implementations: references, names, weights, regexes, methods, ports, unknown
        fields. Each finding is printed to standard error as
        file:line:column: severity[CODE]: Kind namespace/name: field: message
        followed by a one-line summary. Documents that are not SMI are ignored.

        Exit status: 0 when there is no error (warnings and notes are fine), 1 when there is
        at least one error, 2 on bad usage.

        Examples:
          smi validate split.yaml target.yaml
          kubectl get trafficsplits -A -o yaml | smi validate -
        """

    var paths: [String] = []

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let item = scanner.next() {
            switch item {
            case let .positional(path): paths.append(path)
            case let .option(name, _): throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }

    func run(console: inout Console) throws -> Int32 {
        let documents: [ManifestDocument]
        var diagnostics: [Diagnostic]
        do {
            (documents, diagnostics) = try InputFiles.documents(paths, console: console)
        } catch {
            console.error("smi validate: \(error)")
            return ExitStatus.failure
        }
        diagnostics += SMIValidator().validate(SMIBundle(documents))
        for diagnostic in diagnostics { console.error(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        console.error("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(documents.count) document\(documents.count == 1 ? "" : "s")")
        return errors > 0 ? ExitStatus.failure : ExitStatus.success
    }
}
