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
    /// `--instructions`: count instructions under callgrind instead of timing.
    var instructions = false
    /// `--iterations COUNT`: operations per window with `--instructions`.
    var iterations: Int?
    /// `--callgrind-child NAME` (internal): this process is the callgrind child counting task `NAME`.
    var callgrindChild: String?

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
            case "--instructions":
                try noValue()
                options.instructions = true
            case "--iterations":
                guard options.iterations == nil else { throw .repeatedFlag(flag) }
                let text = try value("COUNT")
                guard let count = Int(text), (1...1_000_000).contains(count) else { throw .invalidIterations(text) }
                options.iterations = count
            case "--callgrind-child":
                guard options.callgrindChild == nil else { throw .repeatedFlag(flag) }
                options.callgrindChild = try value("NAME")
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
        if options.iterations != nil && !options.instructions && options.callgrindChild == nil {
            throw .onlyWithInstructions(flag: "--iterations")
        }
        if options.instructions && options.time != nil { throw .notWithInstructions(flag: "--time") }
        return options
    }

    /// The usage text for `--help`.
    static func usage(programName: String, reportName: String, instructionsReportName: String) -> String {
        """
        USAGE: \(programName) [--filter PATTERN]... [--time SECONDS] [--quick] [--json PATH] [--list]
               \(programName) --instructions [--iterations COUNT] [--filter PATTERN]... [--json PATH]

        Runs this executable's microbenchmark suites and prints one row per task: ops/s, the median
        ns/op with its relative margin of error (95 %, within this run only), p99, the samples kept,
        the batch size, and allocations per operation when an allocation probe is installed. With
        --instructions: instructions, L1 and last-level cache misses per operation instead.

        OPTIONS:
          --filter PATTERN  Run only tasks whose name contains PATTERN, or matches it as a regular
                            expression (e.g. 'stringOps/', 'concat|split', '\\[size=16\\]').
                            Repeat to select more.
          --time SECONDS    Time budget per task (default 0.5, quick profile 0.1).
          --quick           Use the quick profile, like PERF_PROFILE=quick.
          --json PATH       Write a PerfResult report (suite "\(reportName)") to PATH.
          --list            Print the names of the selected tasks and exit.
          --instructions    Count instructions and cache misses per operation under valgrind's
                            callgrind instead of timing (Linux; needs valgrind, setarch and objcopy).
                            Each task runs alone in a child process with ASLR off, a fixed environment
                            and fixed simulated caches: one warmup window, then 5 counted windows.
                            --json writes suite "\(instructionsReportName)".
          --iterations COUNT
                            Operations per window with --instructions (default 100).
          -h, --help        Print this help and exit.

        ENVIRONMENT:
          PERF_PROFILE      quick or full (default full): warmup 0.02 s / 0.1 s, budget 0.1 s / 0.5 s.
          PERF_ENV          A label recorded in the report (local, ci).
          NO_COLOR          When set, no colours.

        EXIT STATUS: 0 on success, 2 on bad usage or input (the message says what to fix).

        """
    }
}
