import Foundation

/// Timing and reporting helpers every scenario shares.
enum Measure {
    /// The median wall time of `runs` runs of `body`, in seconds.
    ///
    /// What `body` returns is freed after the clock stops, for swift-smi and Yams alike:
    /// freeing a large result is not what is measured (and `smi` leaves it to the exiting
    /// process).
    static func median<Result>(_ runs: Int, _ body: () throws -> Result) rethrows -> Double {
        var times: [Double] = []
        let clock = ContinuousClock()
        for _ in 0..<max(1, runs) {
            let start = clock.now
            let result = try body()
            let d = withExtendedLifetime(result) { clock.now - start }
            times.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
        }
        times.sort()
        return times[times.count / 2]
    }

    static func mbps(_ bytes: Int, _ seconds: Double) -> String {
        String(format: "%8.1f MB/s", Double(bytes) / 1_000_000 / seconds)
    }

    static func row(_ name: String, _ seconds: Double, _ detail: String) {
        print(
            name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%10.1f ms  ", seconds * 1000)
                + detail)
    }

    /// The release `smi` binary of the package this one measures, if built.
    static var smiBinary: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/release/smi").path
    }

    /// Runs a program with stdout and stderr to /dev/null, waits for it, and returns its peak
    /// resident set size in bytes (posix_spawn, so that only the program is measured).
    ///
    /// The kernel starts a spawned process's peak at the peak of the process that spawned it
    /// (the high-water mark of the address space it replaces at exec), and this one has held
    /// the generated mesh: so a large program is measured from here, and one whose peak may
    /// be lower than this process's through `measured` (a fresh `smi-bench spawn-measured`).
    @discardableResult
    static func runToDevNull(_ path: String, _ arguments: [String], allowFailure: Bool = false) throws -> Int {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let status = try spawnAndWait(path, arguments, actions: &actions)
        if status.code != 0 && !allowFailure { fatalError("\(path) failed with status \(status.code)") }
        return status.maxRSS
    }

    /// Runs a program as `runToDevNull` does, from a fresh `smi-bench` process (see there):
    /// its wall time in seconds, timed by that process, and its own peak RSS in bytes.
    static func measured(_ path: String, _ arguments: [String]) throws -> (seconds: Double, rss: Int) {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("smi-bench-measured-\(getpid())")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let own =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        _ = try spawnAndWait(own, ["spawn-measured", path] + arguments, actions: &actions)
        let fields = (try String(contentsOf: output, encoding: .utf8)).split(separator: " ")
        guard fields.count == 2, let seconds = Double(fields[0]),
            let rss = Int(fields[1].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return (seconds, rss)
    }

    /// `smi-bench spawn-measured PROGRAM ARGUMENT...`: runs the program as `runToDevNull`
    /// does and prints its wall time in seconds and its peak RSS in bytes.
    static func spawnMeasured(_ arguments: [String]) throws -> Never {
        guard let path = arguments.first else { exit(2) }
        let clock = ContinuousClock()
        let start = clock.now
        let rss = try runToDevNull(path, Array(arguments.dropFirst()), allowFailure: true)
        let d = clock.now - start
        print(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18, rss)
        exit(0)
    }

    private static func spawnAndWait(
        _ path: String, _ arguments: [String], actions: inout posix_spawn_file_actions_t
    ) throws -> (code: Int32, maxRSS: Int) {
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
            throw CocoaError(.fileReadNoPermission)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        return (status, usage.ru_maxrss * 1024)
    }
}
