public import PerfResult
public import PerfSupport

/// A group of system metrics MicroBench can measure around every sample window (`--metrics`), each a probe that
/// reads nothing unless it is asked for.
///
/// ```swift
/// MicroBench.main([suite], probes: SystemMetric.probes(for: [.cpu, .io], scope: .currentThread))
/// ```
///
/// Or on the command line: `--metrics cpu,io` (every thread of the process).
public enum SystemMetric: String, Sendable, Hashable, CaseIterable {
    /// `cpuUserNsPerOp`, `cpuSystemNsPerOp` (`getrusage`).
    case cpu
    /// `contextSwitchesVoluntaryPerOp`, `contextSwitchesInvoluntaryPerOp` (`getrusage`).
    case contextSwitches = "context-switches"
    /// `pageFaultsMinorPerOp`, `pageFaultsMajorPerOp` (`getrusage`).
    case pageFaults = "page-faults"
    /// `bytesReadPerOp`, `bytesWrittenPerOp`, `storageBytesReadPerOp`, `storageBytesWrittenPerOp`,
    /// `readSyscallsPerOp`, `writeSyscallsPerOp` (`/proc/…/io`, Linux).
    case io
    /// `threads`: the process's threads at the end of the window (`/proc/self/stat`, Linux).
    case threads
    /// `peakRssBytes`: the process's peak resident set size so far, at the end of the window (`getrusage`).
    case rss
    /// `syscallsPerOp`: every system call; unavailable (see `SystemCallProbe`).
    case syscalls

    /// The names `--metrics` accepts, in order, comma-separated.
    public static var allowedNames: String {
        allCases.map(\.rawValue).joined(separator: ",")
    }

    /// The metrics of a `--metrics` value, such as `cpu,io` or `all`, in the order of `allCases` and each once.
    /// - Throws: `UsageError` naming `--metrics`, the unknown name and the allowed ones.
    public static func parseList(_ text: String) throws(UsageError) -> [SystemMetric] {
        var chosen: Set<SystemMetric> = []
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = name.trimmingSpaces
            if trimmed == "all" {
                chosen.formUnion(allCases)
            } else if let metric = SystemMetric(rawValue: trimmed) {
                chosen.insert(metric)
            } else {
                let shown = trimmed.isEmpty ? "an empty name" : "\"\(trimmed)\""
                throw UsageError(
                    "--metrics: \(shown) is not a metric; use a comma-separated list of \(allowedNames) or all")
            }
        }
        return allCases.filter(chosen.contains)
    }

    /// The probes that measure `metrics` over `scope`: one `ResourceUsageProbe` for the `getrusage` groups, a
    /// `ThreadCountProbe`, a `SystemCallProbe`, and last (innermost, so that it does not count the others' reads)
    /// a `ProcessIOProbe`. Empty for no metrics: nothing is read then.
    public static func probes(for metrics: [SystemMetric], scope: UsageScope = .allThreads) -> [any Probe] {
        var probes: [any Probe] = []
        let usage = Set(metrics).intersection([.cpu, .contextSwitches, .pageFaults, .rss])
        if metrics.contains(.threads) { probes.append(ThreadCountProbe()) }
        if metrics.contains(.syscalls) { probes.append(SystemCallProbe()) }
        if !usage.isEmpty { probes.append(ResourceUsageProbe(usage, scope: scope)) }
        if metrics.contains(.io) { probes.append(ProcessIOProbe(scope: scope)) }
        return probes
    }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
