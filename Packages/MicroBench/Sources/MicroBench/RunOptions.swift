/// What the command line asked for.
struct RunOptions: Equatable {
    /// `--json PATH`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--filter PATTERN`, repeatable: substrings or regular expressions; a task matching any runs.
    var filters: [String] = []
    /// `--list`: print the selected task names and exit.
    var list = false
    /// `--help`, `-h`: print the usage and exit.
    var help = false
    /// `--time SECONDS`: the time budget per task.
    var time: Double?
    /// `--quick`: the quick profile, as `PERF_PROFILE=quick`.
    var quick = false

    /// Parses the arguments after the program name. Flags take their value as the next argument or
    /// after `=` (`--json out.json`, `--json=out.json`).
    /// - Throws: `MicroBenchError` naming the first bad argument.
    /// - Complexity: O(*n*) in the number of arguments.
    static func parse(_ arguments: [String]) throws(MicroBenchError) -> RunOptions {
        var options = RunOptions()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-") && argument != "-" else { throw .unexpectedArgument(argument) }
            let flag: String
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            } else {
                flag = argument
            }

            func value(_ placeholder: String) throws(MicroBenchError) -> String {
                if let inlineValue {
                    guard !inlineValue.isEmpty else { throw .missingValue(flag: flag, placeholder: placeholder) }
                    return inlineValue
                }
                guard index < arguments.count, !arguments[index].hasPrefix("--") else {
                    throw .missingValue(flag: flag, placeholder: placeholder)
                }
                index += 1
                return arguments[index - 1]
            }
            func noValue() throws(MicroBenchError) {
                if inlineValue != nil { throw .unexpectedValue(flag: flag) }
            }

            switch flag {
            case "--json":
                guard options.jsonPath == nil else { throw .repeatedFlag(flag) }
                options.jsonPath = try value("PATH")
            case "--filter":
                options.filters.append(try value("PATTERN"))
            case "--time":
                guard options.time == nil else { throw .repeatedFlag(flag) }
                let text = try value("SECONDS")
                guard let seconds = Double(text), seconds.isFinite, seconds > 0, seconds <= 3600 else {
                    throw .invalidTime(text)
                }
                options.time = seconds
            case "--list":
                try noValue()
                options.list = true
            case "--quick":
                try noValue()
                options.quick = true
            case "--help", "-h":
                try noValue()
                options.help = true
            default:
                throw .unknownFlag(flag)
            }
        }
        return options
    }

    /// The usage text for `--help`.
    static func usage(programName: String, reportName: String) -> String {
        """
        USAGE: \(programName) [--filter PATTERN]... [--time SECONDS] [--quick] [--json PATH] [--list]

        Runs this executable's microbenchmark suites and prints one row per task: ops/s, the median
        ns/op with its relative margin of error (95 %, within this run only), p99, the samples kept,
        the batch size, and allocations per operation when an allocation probe is installed.

        OPTIONS:
          --filter PATTERN  Run only tasks whose name contains PATTERN, or matches it as a regular
                            expression (e.g. 'stringOps/', 'concat|split', '\\[size=16\\]').
                            Repeat to select more.
          --time SECONDS    Time budget per task (default 0.5, quick profile 0.1).
          --quick           Use the quick profile, like PERF_PROFILE=quick.
          --json PATH       Write a PerfResult report (suite "\(reportName)") to PATH.
          --list            Print the names of the selected tasks and exit.
          -h, --help        Print this help and exit.

        ENVIRONMENT:
          PERF_PROFILE      quick or full (default full): warmup 0.02 s / 0.1 s, budget 0.1 s / 0.5 s.
          PERF_ENV          A label recorded in the report (local, ci).
          NO_COLOR          When set, no colours.

        EXIT STATUS: 0 on success, 2 on bad usage or input (the message says what to fix).

        """
    }
}
