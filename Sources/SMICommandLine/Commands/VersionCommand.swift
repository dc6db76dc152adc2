import SMICore

/// `smi version`: prints the tool's version.
struct VersionCommand: ToolCommand {
    static let name = "version"
    static let summary = "Print the version of smi"
    static let help = """
        Usage: smi version

        Prints the version of smi and of the SMI API versions it reads.
        """

    init(parsing arguments: [String]) throws(UsageError) {
        if let first = arguments.first {
            throw UsageError(message: "unexpected argument '\(first)'")
        }
    }

    func run(console: inout Console) throws -> Int32 {
        console.out("smi \(SMIVersion.tool)")
        return ExitStatus.success
    }
}
