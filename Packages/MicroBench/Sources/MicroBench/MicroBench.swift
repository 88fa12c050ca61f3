public import PerfResult
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A microbenchmark harness: suites of named tasks, measured with adaptive batching, preemption
/// filtering and tinybench-compatible statistics, printed as a table and written as a PerfResult
/// report.
///
/// A complete suite executable:
///
/// ```swift
/// import MicroBench
///
/// let stringOps = Suite("stringOps") { suite in
///     suite.bench("concat") { blackHole(opaque("hello, ") + "world") }      // a plain closure
///
///     suite.bench("sum", setup: { Array(1...1_000) }) { numbers in            // setup is not timed
///         blackHole(numbers.reduce(0, +))
///     }
///     suite.bench("scan", sweeping: "size", over: [16, 256, 4096], throughput: { .bytes($0) }) { size in
///         String(repeating: "é", count: size / 2)                            // one result per size:
///     } body: { text in blackHole(text.unicodeScalars.count) }               // stringOps/scan[size=16]
///
///     suite.benchBatch("sort") { batch in                                    // per-batch setup, untimed
///         var arrays = (0..<batch.iterations).map { _ in (0..<64).shuffled() }
///         batch.measure { for i in arrays.indices { arrays[i].sort() } }
///         blackHole(arrays)
///     }
/// }
///
/// MicroBench.main([stringOps])  // flags: --filter, --time, --quick, --json PATH, --list, --help
/// ```
///
/// Each task is measured in four steps (see `Sampler`): the first call alone (cold start); warmup
/// that sizes the batch so each sample lasts ≥ 1 ms; samples for the time budget (0.5 s, or 0.1 s
/// with `PERF_PROFILE=quick`) until ≥ 30 samples and ≥ 5,000 operations; statistics over the
/// samples the OS did not preempt. The headline is the median ns/op.
///
/// With `--instructions [--iterations N]` (Linux, valgrind installed) each task is counted instead
/// of timed: the executable re-runs itself under `valgrind --tool=callgrind` once per task, with
/// address-space randomization off, a fixed environment and fixed simulated caches, and reports
/// instructions and cache misses per operation, counted only around the measured operations (see
/// the README).
public enum MicroBench {
    /// Runs `suites` with the process's arguments and environment, then exits with the status:
    /// 0 on success, 2 on bad usage or input.
    ///
    /// - Parameters:
    ///   - suites: The suites of this executable; result names must be unique across them.
    ///   - reportName: The report's suite name for `--json`, e.g. `micro`.
    ///   - probes: Counters measured around every sample window, e.g. an allocation counter; each
    ///     metric they report becomes a column and a metric of the report. Not used by
    ///     `--instructions`.
    ///   - allocationSites: Records allocation call sites for `--allocation-sites N` (MemProbe's
    ///     `AllocationSiteProbe`); without one, that option prints why there are no sites.
    ///   - instructionsReportName: The report's suite name for `--json` with `--instructions`.
    ///   - forksByProfile: When `--forks` is not given, measure in `ForkDefaults`' number of processes for the
    ///     profile (5 quick, 10 full), as the toolkit's own suites do; when false, in this process alone.
    public static func main(
        _ suites: [Suite], reportName: String = "micro", probes: [any Probe] = [],
        allocationSites: (any AllocationSiteRecorder)? = nil, instructionsReportName: String = "instructions",
        forksByProfile: Bool = false
    ) -> Never {
        let programName = CommandLine.arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? "bench"
        exit(
            run(
                suites, arguments: Array(CommandLine.arguments.dropFirst()), programName: programName,
                reportName: reportName, probes: probes, allocationSites: allocationSites,
                instructionsReportName: instructionsReportName, forksByProfile: forksByProfile))
    }

    /// Runs `suites` with `arguments` (without the program name) and returns the exit status; for an
    /// executable that does more than benchmarks. Prints to standard output and standard error, where a
    /// mistake reads `programName: message` (exit status 2).
    ///
    /// With `--instructions` it starts this same executable under callgrind with
    /// `--callgrind-child NAME`, so the executable must call `run` with the same suites and the
    /// arguments it was given (after any of its own, which must not start with `--`).
    public static func run(
        _ suites: [Suite], arguments: [String], programName: String = "bench", reportName: String = "micro",
        probes: [any Probe] = [], allocationSites: (any AllocationSiteRecorder)? = nil,
        instructionsReportName: String = "instructions", forksByProfile: Bool = false
    ) -> Int32 {
        precondition(Report.isValidSuiteName(reportName), "invalid report name \"\(reportName)\"; use e.g. \"micro\"")
        precondition(
            Report.isValidSuiteName(instructionsReportName),
            "invalid report name \"\(instructionsReportName)\"; use e.g. \"instructions\"")
        let clocks = Clocks.system
        let variables = ProcessEnvironment.current()
        var runner = Runner(
            suites: suites, reportName: reportName, probes: probes, clocks: clocks, console: .standard,
            variables: variables, captureEnvironment: { Environment.capture() },
            measureHarnessFloor: { Sampler.measureHarnessFloor(clocks: clocks) },
            instructionsReportName: instructionsReportName)
        runner.siteRecorder = allocationSites
        if forksByProfile { runner.defaultForks = { ForkDefaults.count(profile: $0, environment: variables) } }
        return runner.run(arguments: arguments, programName: programName)
    }
}
