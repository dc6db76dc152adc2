/// Walks a command's arguments: options with values (`-o json`, `--schema=core`), flags,
/// and positional arguments (`-` is a positional meaning standard input; `--` ends options).
struct ArgumentScanner {
    private var arguments: [String]
    private var optionsEnded = false

    init(_ arguments: [String]) {
        self.arguments = arguments
    }

    enum Item {
        case option(name: String, inlineValue: String?)
        case positional(String)
    }

    mutating func next() -> Item? {
        guard !arguments.isEmpty else { return nil }
        let argument = arguments.removeFirst()
        if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
            return .positional(argument)
        }
        if argument == "--" {
            optionsEnded = true
            return next()
        }
        if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
            return .option(
                name: String(argument[..<equals]), inlineValue: String(argument[argument.index(after: equals)...]))
        }
        return .option(name: argument, inlineValue: nil)
    }

    /// The value of an option: inline (`--x=v`) or the next argument.
    mutating func value(for name: String, inline: String?) throws(UsageError) -> String {
        if let inline { return inline }
        guard !arguments.isEmpty else { throw UsageError(message: "option '\(name)' needs a value") }
        return arguments.removeFirst()
    }

    /// A value that must be one of `choices`.
    mutating func choice(for name: String, inline: String?, from choices: [String]) throws(UsageError) -> String {
        let value = try value(for: name, inline: inline)
        guard choices.contains(value) else {
            throw UsageError(
                message: "option '\(name)' takes \(choices.map { "'\($0)'" }.joined(separator: " or ")), not '\(value)'"
            )
        }
        return value
    }
}
