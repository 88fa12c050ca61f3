import SuiteSupport

/// What a run of `perf-viewmodel` was asked to do.
struct Options: Equatable {
    /// The two things the executable does.
    enum Command: String, Equatable {
        /// The churn suite (the default).
        case suite
        /// `demo`: a live high-churn list in the terminal.
        case demo
    }

    var command = Command.suite
    /// `--help`: print the usage and exit 0.
    var help = false
    /// `--quick` or `PERF_PROFILE`: how long each case runs.
    var profile = RunProfile.full
    /// `--ticks`: overrides the profile's ticks per churn case.
    var ticks: Int?
    /// `--cycles`: overrides the profile's cycles per mount/unmount case.
    var cycles: Int?
    /// `--seed`: the seed of the feeds.
    var seed: UInt64 = 1
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--duration` (demo): how long the demo runs, in seconds.
    var duration = Options.defaultDuration
    /// `--rows` (demo): how many messages the demo's list keeps.
    var rows = Options.defaultRows
    /// `NO_COLOR` set (to anything): no ANSI colours in the demo.
    var noColor = false

    static let defaultDuration = 5.0
    static let maximumDuration = 600.0
    static let defaultRows = 200
    /// The fewest ticks or cycles: a leak check needs 100 samples' worth.
    static let minimumOperations = 100

    /// Ticks per churn case: `--ticks`, else the profile's.
    var ticksPerCase: Int { ticks ?? profile.ticks }
    /// Cycles per mount/unmount case: `--cycles`, else the profile's.
    var cyclesPerCase: Int { cycles ?? profile.cycles }

    /// Parses the arguments (without the program name) and the environment (`PERF_PROFILE`, `NO_COLOR`).
    /// - Throws: `UsageError` naming the flag or variable to fix.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Options {
        var options = Options()
        if let profile = try RunProfile.fromEnvironment(environment) { options.profile = profile }
        options.noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        var rest = arguments[...]
        if rest.first == "demo" {
            options.command = .demo
            rest = rest.dropFirst()
        }
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.first, !next.hasPrefix("--") else {
                throw UsageError("\(flag) needs a value (see --help)")
            }
            rest = rest.dropFirst()
            return next
        }
        func count(_ flag: String) throws(UsageError) -> Int {
            let text = try value(flag)
            guard let number = Int(text), number >= minimumOperations else {
                throw UsageError("\(flag): expected an integer of at least \(minimumOperations), got '\(text)'")
            }
            return number
        }
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch (argument, options.command) {
            case ("-h", _), ("--help", _): options.help = true
            case ("--quick", .suite): options.profile = .quick
            case ("--ticks", .suite): options.ticks = try count(argument)
            case ("--cycles", .suite): options.cycles = try count(argument)
            case ("--json", .suite): options.jsonPath = try value(argument)
            case ("--seed", _):
                let text = try value(argument)
                guard let seed = UInt64(text) else {
                    throw UsageError("--seed: expected a non-negative integer, got '\(text)'")
                }
                options.seed = seed
            case ("--duration", .demo):
                let text = try value(argument)
                guard let seconds = Double(text), seconds > 0, seconds <= maximumDuration else {
                    throw UsageError(
                        "--duration: expected seconds above 0 and at most \(Int(maximumDuration)), got '\(text)'")
                }
                options.duration = seconds
            case ("--rows", .demo):
                let text = try value(argument)
                guard let rows = Int(text), (10...100_000).contains(rows) else {
                    throw UsageError("--rows: expected an integer from 10 to 100000, got '\(text)'")
                }
                options.rows = rows
            default:
                if argument.hasPrefix("-") {
                    let scope = options.command == .demo ? "perf-viewmodel demo" : "perf-viewmodel"
                    throw UsageError("unknown flag '\(argument)' for \(scope) (see --help)")
                }
                throw UsageError(
                    "unexpected argument '\(argument)'; perf-viewmodel takes flags, or 'demo' first (see --help)")
            }
        }
        return options
    }
}
