import SuiteSupport

/// What a run of `perf-memory` was asked to do.
struct Options: Equatable {
    /// `--help`: print the usage and exit 0.
    var help = false
    /// `--list`: print the specs and leak kinds and exit 0.
    var list = false
    /// `--spec`: names or parts of names of the specs to run; empty runs every spec.
    var specFilters: [String] = []
    /// `--inject-leak`: the leak added to every iteration of every selected spec.
    var injection: LeakInjection?
    /// `--quick` or `PERF_PROFILE`: how long each spec runs.
    var profile = RunProfile.full
    /// `--iterations`: overrides the profile's iterations per spec.
    var iterations: Int?
    /// `--seed`: the seed of the workloads' request mixes.
    var seed: UInt64 = Options.defaultSeed
    /// `--json`: where to write the PerfResult report.
    var jsonPath: String?
    /// `--snapshot-dir`: where leak snapshots go.
    var snapshotDirectory = "perf/results/snapshots"

    /// The seed when `--seed` is not given: every run of a spec does the same work.
    static let defaultSeed: UInt64 = 1

    /// The fewest iterations `--iterations` accepts: one per sample.
    static let minimumIterations = RunProfile.samplesPerRun

    /// Iterations per spec: `--iterations`, else the profile's.
    var iterationsPerSpec: Int { iterations ?? profile.iterations }

    /// Iterations between samples.
    var sampleEvery: Int { max(1, iterationsPerSpec / RunProfile.samplesPerRun) }

    /// Parses the arguments (without the program name) and the environment (`PERF_PROFILE`).
    /// - Throws: `UsageError` naming the flag or variable to fix.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Options {
        var options = Options()
        if let profile = try RunProfile.fromEnvironment(environment) { options.profile = profile }
        var rest = arguments[...]
        func value(_ flag: String) throws(UsageError) -> String {
            guard let next = rest.first, !next.hasPrefix("--") else {
                throw UsageError("\(flag) needs a value (see --help)")
            }
            rest = rest.dropFirst()
            return next
        }
        while let argument = rest.first {
            rest = rest.dropFirst()
            switch argument {
            case "-h", "--help": options.help = true
            case "--list": options.list = true
            case "--spec": options.specFilters.append(try value(argument))
            case "--inject-leak":
                let text = try value(argument)
                guard let kind = LeakInjection(rawValue: text) else {
                    throw UsageError(
                        "--inject-leak: expected "
                            + LeakInjection.allCases.map(\.rawValue).joined(separator: " or ") + ", got '\(text)'")
                }
                options.injection = kind
            case "--quick": options.profile = .quick
            case "--iterations":
                let text = try value(argument)
                guard let count = Int(text), count >= minimumIterations else {
                    throw UsageError(
                        "--iterations: expected an integer of at least \(minimumIterations), got '\(text)'")
                }
                options.iterations = count
            case "--seed":
                let text = try value(argument)
                guard let seed = UInt64(text) else {
                    throw UsageError("--seed: expected a non-negative integer, got '\(text)'")
                }
                options.seed = seed
            case "--json": options.jsonPath = try value(argument)
            case "--snapshot-dir": options.snapshotDirectory = try value(argument)
            default:
                if argument.hasPrefix("-") { throw UsageError("unknown flag '\(argument)' (see --help)") }
                throw UsageError("unexpected argument '\(argument)'; perf-memory takes flags only (see --help)")
            }
        }
        return options
    }
}
