import SMICore

/// `smi explain`: what a mesh can express of SMI, feature by feature, and what a diagnostic
/// code means.
struct ExplainCommand: ToolCommand {
    static let name = "explain"
    static let summary = "Show how each mesh renders each SMI feature, or what a diagnostic code means"
    static let help = """
        Usage: smi explain [--markdown]
               smi explain --mesh MESH [--markdown] [FEATURE]
               smi explain CODE

        Without --mesh: one row per SMI feature, one column per mesh, saying how the mesh
        renders it: 'exact' (as SMI means it), 'stricter' (a narrower grant or route, with a
        warning when it happens) or 'refused' (not rendered, an error).
        With --mesh: that mesh's rows with the reason for each; FEATURE keeps the rows whose
        name contains it (case does not matter).
        With a diagnostic code (SMI2003): what the code means and which part reports it.

        Options:
          --mesh MESH   istio, linkerd or consul.
          --markdown    Print the table as Markdown.

        Exit status: 0, or 2 on bad usage (an unknown mesh, feature or code).

        Examples:
          smi explain
          smi explain --mesh linkerd pathRegex
          smi explain SMI3003
        """

    enum Question {
        case comparison
        case mesh(any MeshAdapter, filter: String?)
        case code(DiagnosticCode)
    }

    var question = Question.comparison
    var markdown = false

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        var adapter: (any MeshAdapter)?
        var positional: [String] = []
        while let item = scanner.next() {
            switch item {
            case let .positional(value): positional.append(value)
            case let .option(name, inline) where name == "--mesh":
                adapter = try Meshes.adapter(named: try scanner.value(for: name, inline: inline))
            case .option("--markdown", nil): markdown = true
            case let .option(name, _): throw UsageError(message: "unknown option '\(name)'")
            }
        }
        guard positional.count <= 1 else { throw UsageError(message: "unexpected argument '\(positional[1])'") }
        let word = positional.first
        if let adapter {
            question = .mesh(adapter, filter: word)
        } else if let word {
            guard Self.isCode(word) else {
                throw UsageError(
                    message:
                        "'\(word)' is not a diagnostic code (SMI followed by four digits); to explain a feature, give the mesh with --mesh"
                )
            }
            question = .code(DiagnosticCode(rawValue: word.uppercased()))
        }
    }

    static func isCode(_ word: String) -> Bool {
        let upper = word.uppercased()
        return upper.hasPrefix("SMI") && upper.count == 7 && upper.dropFirst(3).allSatisfy(\.isASCII)
            && upper.dropFirst(3).allSatisfy(\.isNumber)
    }

    func run(console: inout Console) throws -> Int32 {
        switch question {
        case .comparison:
            console.out(markdown ? Self.markdownComparison() : Self.comparison())
        case let .mesh(adapter, filter):
            let wanted = filter?.lowercased()
            let rows = adapter.capabilities.features.filter { row in
                wanted.map { row.feature.rawValue.lowercased().contains($0) } ?? true
            }
            guard !rows.isEmpty else {
                console.error(
                    "smi explain: no feature of \(adapter.mesh) matches '\(filter ?? "")'; the features are:\n"
                        + SMIFeature.allCases.map { "  " + $0.rawValue }.joined(separator: "\n"))
                return ExitStatus.usage
            }
            console.out(markdown ? Self.markdown(rows) : Self.text(rows, mesh: adapter.mesh))
        case let .code(code):
            guard let (owner, meaning) = Self.explanation(of: code) else {
                console.error(
                    "smi explain: unknown diagnostic code \(code); codes are SMI0xxx-SMI2xxx (reading and validation), SMI3xxx (istio), SMI4xxx (linkerd), SMI5xxx (consul)"
                )
                return ExitStatus.usage
            }
            console.out("\(code) (\(owner)): \(meaning)")
        }
        return ExitStatus.success
    }

    /// Who reports `code`, and what it means.
    static func explanation(of code: DiagnosticCode) -> (owner: String, meaning: String)? {
        if let meaning = DiagnosticCode.catalogue[code] { return ("reading and validation", meaning) }
        for adapter in Meshes.available {
            if let meaning = adapter.capabilities.diagnostics[code] {
                return ("smi render --mesh \(adapter.mesh)", meaning)
            }
        }
        return nil
    }

    static func text(_ rows: [Capabilities.Feature], mesh: String) -> String {
        let width = rows.map(\.feature.rawValue.count).max() ?? 0
        return rows.reduce("SMI on \(mesh):\n") { text, row in
            text + "  " + row.feature.rawValue.padded(to: width) + "  " + row.support.rawValue.padded(to: 8) + "  "
                + row.reason + "\n"
        }
    }

    static func markdown(_ rows: [Capabilities.Feature]) -> String {
        rows.reduce("| SMI feature | support | how |\n| --- | --- | --- |\n") { text, row in
            text
                + "| `\(row.feature.rawValue)` | \(row.support.rawValue) | \(row.reason.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")) |\n"
        }
    }

    /// Each feature's support on every mesh, side by side.
    static func comparison() -> String {
        let width = SMIFeature.allCases.map(\.rawValue.count).max() ?? 0
        let header = ["SMI feature".padded(to: width)] + Meshes.available.map { $0.mesh.padded(to: 8) }
        let rows = SMIFeature.allCases.map { feature in
            [feature.rawValue.padded(to: width)] + Meshes.available.map { support(of: feature, on: $0).padded(to: 8) }
        }
        let lines = ([header] + rows).map {
            String($0.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
        }
        return lines.joined(separator: "\n") + "\n\nRun 'smi explain --mesh MESH' for the reasons.\n"
    }

    static func markdownComparison() -> String {
        var text = "| SMI feature |" + Meshes.available.map { " \($0.mesh) |" }.joined() + "\n"
        text += "| --- |" + String(repeating: " --- |", count: Meshes.available.count) + "\n"
        for feature in SMIFeature.allCases {
            text +=
                "| `\(feature.rawValue)` |" + Meshes.available.map { " \(support(of: feature, on: $0)) |" }.joined()
                + "\n"
        }
        return text
    }

    static func support(of feature: SMIFeature, on adapter: any MeshAdapter) -> String {
        adapter.capabilities.support(for: feature)?.support.rawValue ?? "-"
    }
}
