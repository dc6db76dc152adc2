import Foundation
import SMICommandLine

var console = Console.standard
let status = SMITool.run(Array(CommandLine.arguments.dropFirst()), toolName: "smi", console: &console)
exit(status)
