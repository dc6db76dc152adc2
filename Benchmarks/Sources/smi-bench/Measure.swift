import Foundation

/// Timing and reporting helpers every scenario shares.
enum Measure {
    /// The median wall time of `runs` runs of `body`, in seconds. What `body` returns is
    /// freed after the clock stops, for swift-smi and Yams alike: freeing a large result is
    /// not what is measured (and `smi` leaves it to the exiting process).
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
        print(name.padding(toLength: 44, withPad: " ", startingAt: 0) + String(format: "%10.1f ms  ", seconds * 1000) + detail)
    }

    /// The release `smi` binary of the package this one measures, if built.
    static var smiBinary: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/release/smi").path
    }

    /// Runs a program with stdout and stderr to /dev/null, waits for it, and returns its peak
    /// resident set size in bytes (posix_spawn, so that only the program is measured).
    @discardableResult
    static func runToDevNull(_ path: String, _ arguments: [String], allowFailure: Bool = false) throws -> Int {
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
            throw CocoaError(.fileReadNoPermission)
        }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        if status != 0 && !allowFailure { fatalError("\(path) failed with status \(status)") }
        return usage.ru_maxrss * 1024
    }
}
