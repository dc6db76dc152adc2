#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `smi` command line: dispatches to subcommands and turns their outcome into an exit
/// status.
///
/// 0 for success, 1 for invalid input, 2 for bad usage.
public enum SMITool {
    static let commands: [any ToolCommand.Type] = [
        AccessCommand.self, ConvertCommand.self, ExplainCommand.self, MetricsCommand.self, RenderCommand.self,
        ValidateCommand.self, VersionCommand.self
    ]

    /// Runs the command line `arguments` (without the tool's own name) and returns the
    /// exit status.
    public static func run(_ arguments: [String], toolName: String, console: inout Console) -> Int32 {
        guard let name = arguments.first else {
            console.error(usage(toolName))
            return ExitStatus.usage
        }
        if name == "--help" || name == "-h" || name == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(help(of: command, toolName: toolName))
            } else {
                console.out(usage(toolName))
            }
            return ExitStatus.success
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            console.error("\(toolName): unknown command '\(name)'\n\n" + usage(toolName))
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(help(of: command, toolName: toolName))
            return ExitStatus.success
        }
        do {
            return try command.init(parsing: rest).run(console: &console)
        } catch let error as UsageError {
            console.error(
                "\(toolName) \(command.name): \(error.message)\nRun '\(toolName) \(command.name) --help' for usage.")
            return ExitStatus.usage
        } catch {
            console.error("\(toolName) \(command.name): \(error)")
            return ExitStatus.failure
        }
    }

    /// The name to show in usage and help.
    ///
    /// `kubectl smi` when the binary runs as the kubectl plugin `kubectl-smi` (kubectl finds
    /// plugins by that file name), else `smi`.
    public static func toolName(invokedAs path: String) -> String {
        path.split(separator: "/").last == "kubectl-smi" ? "kubectl smi" : "smi"
    }

    /// A command's help, with its examples and usage lines naming the tool as it was invoked.
    static func help(of command: any ToolCommand.Type, toolName: String) -> String {
        guard toolName != "smi" else { return command.help }
        return command.help.replacing(/(\s|^)smi (?=[a-z])/) { "\($0.1)\(toolName) " }
    }

    static func usage(_ toolName: String) -> String {
        var text = """
            \(toolName): Service Mesh Interface (SMI) tools: read, check and translate SMI manifests.

            Usage: \(toolName) <command> [options] [FILE...]

            Commands:

            """
        for command in commands {
            text += "  " + command.name.padded(to: 10) + command.summary + "\n"
        }
        text += "\nRun '\(toolName) <command> --help' for a command's options and examples.\n"
        return text
    }
}
