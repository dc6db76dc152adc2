import SMICore

/// Writes a command's diagnostics to stderr, one per line (coloured on a terminal), then a
/// one-line summary, and gives the exit status they call for.
struct DiagnosticReport {
    /// The findings in file and position order (those without a file first), as compilers
    /// print them; findings at one place keep their order.
    let diagnostics: [Diagnostic]
    /// With `--strict`, warnings count as errors for the exit status.
    let strict: Bool

    init(diagnostics: [Diagnostic], strict: Bool) {
        self.diagnostics = diagnostics.sortedByPlace(byCodeAndMessage: false)
        self.strict = strict
    }

    var errors: Int { diagnostics.count { $0.severity == .error } }
    var warnings: Int { diagnostics.count { $0.severity == .warning } }

    /// 1 when there is an error (or, when strict, a warning), else 0.
    var status: Int32 {
        errors > 0 || (strict && warnings > 0) ? ExitStatus.failure : ExitStatus.success
    }

    /// `2 errors, 1 warning in 7 documents`, and what else the command wants to say.
    func summary(documents: Int, then detail: String? = nil) -> String {
        var text =
            "\(Self.count(errors, "error")), \(Self.count(warnings, "warning")) in \(Self.count(documents, "document"))"
        if strict && warnings > 0 && errors == 0 { text += " (--strict: warnings fail)" }
        if let detail { text += "; " + detail }
        return text
    }

    /// Writes every diagnostic and the summary.
    func write(to console: Console, documents: Int, then detail: String? = nil) {
        console.diagnostics(diagnostics)
        console.error(summary(documents: documents, then: detail))
    }

    static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// ANSI styles as compilers use them: the place in bold, the severity in its colour.
    static func colour(_ severity: Diagnostic.Severity) -> (Diagnostic.Part, String) -> String {
        let severityStyle =
            switch severity {
            case .error: "1;31"
            case .warning: "1;35"
            case .info: "1;36"
            }
        return { part, text in
            switch part {
            case .location: "\u{1B}[1m\(text)\u{1B}[0m"
            case .severity: "\u{1B}[\(severityStyle)m\(text)\u{1B}[0m"
            case .code, .subject, .message: text
            }
        }
    }
}
