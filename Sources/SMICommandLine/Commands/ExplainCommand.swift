import SMICore

/// `smi explain`: what a mesh can express of SMI, feature by feature.
struct ExplainCommand: ToolCommand {
    static let name = "explain"
    static let summary = "Show which SMI features a mesh expresses exactly, stricter, or not at all"
    static let help = """
        Usage: smi explain --mesh istio

        Prints one line per SMI feature: how the mesh renders it ('exact', 'stricter': a
        narrower grant, with a warning when it happens, or 'refused': an error), and why.

        Exit status: 0, or 2 on bad usage.

        Example:
          smi explain --mesh istio
        """

    var adapter: (any MeshAdapter)?

    init(parsing arguments: [String]) throws(UsageError) {
        var scanner = ArgumentScanner(arguments)
        while let item = scanner.next() {
            switch item {
            case let .positional(value): throw UsageError(message: "unexpected argument '\(value)'")
            case let .option(name, inline) where name == "--mesh":
                adapter = try Meshes.adapter(named: try scanner.value(for: name, inline: inline))
            case let .option(name, _): throw UsageError(message: "unknown option '\(name)'")
            }
        }
        guard adapter != nil else { throw UsageError(message: "give the mesh with --mesh (\(Meshes.available.map(\.mesh).joined(separator: ", ")))") }
    }

    func run(console: inout Console) throws -> Int32 {
        guard let adapter else { return ExitStatus.usage }
        let features = adapter.capabilities.features
        let width = features.map(\.feature.count).max() ?? 0
        var text = "SMI on \(adapter.mesh):\n"
        for feature in features {
            text += "  " + feature.feature.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + feature.support.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0) + feature.reason + "\n"
        }
        console.out(text)
        return ExitStatus.success
    }
}
