import SMICore

/// `smi validate`: reads SMI manifests and reports every finding, like a compiler.
struct ValidateCommand: ToolCommand {
    static let name = "validate"
    static let summary = "Check SMI manifests and report every problem with its position"
    static let help = """
        Usage: smi validate [--strict] [PATH...]

        Reads every document of each PATH (a file; a directory, for its *.yaml, *.yml and
        *.json files in name order; '-' or no PATH for standard input), decodes the
        SMI objects of every released version, and checks what the CRDs leave to
        implementations: references, names, weights, regexes, methods, ports, unknown
        fields. Each finding is printed to standard error as
        file:line:column: severity[CODE]: Kind namespace/name: field: message
        followed by a one-line summary (coloured on a terminal unless NO_COLOR is set).
        Documents that are not SMI are ignored.

        Options:
          --strict   Warnings fail too.

        Exit status: 0 when there is no error (warnings and infos are fine), 1 when there is
        at least one error (with --strict, or a warning), 2 on bad usage.

        Examples:
          smi validate split.yaml target.yaml
          smi validate --strict manifests/
          kubectl get trafficsplits -A -o yaml | smi validate -
        """

    var paths: [String] = []
    var strict = false

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let item = scanner.next() {
            switch item {
            case let .positional(path): paths.append(path)
            case .option("--strict", nil): strict = true
            case let .option(name, _): throw UsageError(message: "unknown option '\(name)'")
            }
        }
    }

    func run(console: inout Console) throws -> Int32 {
        guard let input = InputFiles.smiInput(paths, console: console, command: Self.name) else {
            return ExitStatus.failure
        }
        let report = DiagnosticReport(
            diagnostics: input.located(input.diagnostics + SMIValidator().validate(input.bundle)), strict: strict)
        report.write(to: console, documents: input.documentCount)
        console.keepUntilExit((input, report))
        return report.status
    }
}
