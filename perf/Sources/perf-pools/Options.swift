import SuiteSupport

/// What a run of `perf-pools` was asked to do.
struct Options: Equatable {
    /// `--help`, `-h`: print the usage and exit 0.
    var help = false
    /// `--list`: print the cases and exit 0.
    var list = false
    /// `--filter`: substrings or regular expressions; a case whose name matches any of them runs.
    var filters: [String] = []
    /// `--quick` or `PERF_PROFILE`: how long the run takes.
    var profile = RunProfile.full
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?

    /// Parses the arguments (without the program name) and the environment (`PERF_PROFILE`). Flags
    /// take their value as the next argument or after `=` (`--json out.json`, `--json=out.json`).
    /// - Throws: `UsageError` naming the flag or variable to fix.
    /// - Complexity: O(*n*) in the number of arguments.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Options {
        var options = Options()
        if let profile = try RunProfile.fromEnvironment(environment) { options.profile = profile }
        var rest = arguments[...]
        while let argument = rest.first {
            rest = rest.dropFirst()
            var flag = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue {
                    guard !inlineValue.isEmpty else { throw UsageError("\(flag) needs a value (see --help)") }
                    return inlineValue
                }
                guard let next = rest.first, !next.hasPrefix("--") else {
                    throw UsageError("\(flag) needs a value (see --help)")
                }
                rest = rest.dropFirst()
                return next
            }
            func noValue() throws(UsageError) {
                if inlineValue != nil { throw UsageError("\(flag) takes no value (see --help)") }
            }
            switch flag {
            case "-h", "--help":
                try noValue()
                options.help = true
            case "--list":
                try noValue()
                options.list = true
            case "--quick":
                try noValue()
                options.profile = .quick
            case "--filter":
                options.filters.append(try value())
            case "--json":
                guard options.jsonPath == nil else { throw UsageError("--json given twice; give one PATH") }
                options.jsonPath = try value()
            default:
                if argument.hasPrefix("-") { throw UsageError("unknown flag '\(flag)' (see --help)") }
                throw UsageError("unexpected argument '\(argument)'; perf-pools takes flags only (see --help)")
            }
        }
        return options
    }
}
