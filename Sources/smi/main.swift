import Foundation

let status = SMITool.run(Array(CommandLine.arguments.dropFirst()), toolName: URL(fileURLWithPath: CommandLine.arguments.first ?? "smi").lastPathComponent)
exit(status)
