/// Exit statuses of every command.
enum ExitStatus {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 2
}

/// One subcommand: its name, help text, how it reads its arguments and what it does.
protocol ToolCommand: Sendable {
    static var name: String { get }
    static var summary: String { get }
    static var help: String { get }
    init(parsing arguments: [String]) throws(UsageError)
    func run(console: inout Console) throws -> Int32
}

/// A command line that does not say what the command needs.
struct UsageError: Error {
    let message: String
}
