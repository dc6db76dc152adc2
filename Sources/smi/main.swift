#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import SMICommandLine

var console = Console.standard
let status = SMITool.run(
    Array(CommandLine.arguments.dropFirst()),
    toolName: SMITool.toolName(invokedAs: CommandLine.arguments.first ?? "smi"), console: &console)
exit(status)
