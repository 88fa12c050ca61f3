public import PerfResult
public import PerfSupport

/// CPU time, context switches, page faults and peak resident size of each window, from one `getrusage` at
/// each edge.
///
/// Per operation: `cpuUserNsPerOp`, `cpuSystemNsPerOp` (`.cpu`); `contextSwitchesVoluntaryPerOp`,
/// `contextSwitchesInvoluntaryPerOp` (`.contextSwitches`); `pageFaultsMinorPerOp`, `pageFaultsMajorPerOp`
/// (`.pageFaults`). Per benchmark: `peakRssBytes` (`.rss`), the process's high-water mark at the end of the
/// window, which never goes down, so a task after a bigger one shows the bigger one's peak.
///
/// `start()` and `stop()` make one system call each and allocate nothing.
public final class ResourceUsageProbe: Probe {
    /// `resource usage`.
    public let name = "resource usage"
    /// The groups measured: any of `.cpu`, `.contextSwitches`, `.pageFaults` and `.rss`.
    public let groups: Set<SystemMetric>
    /// Whose counters a window counts; `.rss` is always the process's.
    public let scope: UsageScope
    /// Available unless `.currentThread` is asked for where there is no `RUSAGE_THREAD` (outside Linux).
    public let availability: ProbeAvailability
    private let measuresCPU: Bool
    private let measuresSwitches: Bool
    private let measuresFaults: Bool
    private let measuresPeak: Bool
    private var begin = ResourceUsage()
    private var end = ResourceUsage()
    /// Whether both edges of the last window were read; a failed `getrusage` leaves the window without metrics.
    private var windowRead = false

    /// A probe of `groups` (the others are ignored) over `scope`.
    public init(_ groups: Set<SystemMetric>, scope: UsageScope = .allThreads) {
        self.groups = groups.intersection([.cpu, .contextSwitches, .pageFaults, .rss])
        self.scope = scope
        measuresCPU = groups.contains(.cpu)
        measuresSwitches = groups.contains(.contextSwitches)
        measuresFaults = groups.contains(.pageFaults)
        measuresPeak = groups.contains(.rss)
        availability =
            ResourceUsage.isSupported(scope)
            ? .available : .unavailable(reason: "per-thread resource usage (RUSAGE_THREAD) needs Linux")
    }

    /// Reads the counters. One system call, no allocation.
    public func start() {
        let reading = ResourceUsage.read(scope)
        begin = reading ?? ResourceUsage()
        end = begin
        windowRead = reading != nil
    }

    /// Reads the counters. One system call, no allocation.
    public func stop() {
        let reading = ResourceUsage.read(scope)
        end = reading ?? begin
        windowRead = windowRead && reading != nil
    }

    /// The last window's counts.
    public var lastWindow: ResourceUsage { end - begin }

    /// The chosen groups' metrics of the last window, per operation where that means something; empty when
    /// unavailable or when a reading of the window failed.
    /// - Precondition: `operations > 0`.
    public func metrics(operations: Int) -> [Metric] {
        precondition(operations > 0, "ResourceUsageProbe.metrics(operations:) needs a positive operation count")
        guard availability == .available, windowRead else { return [] }
        let window = lastWindow
        let perOp = { (count: UInt64) in Double(count) / Double(operations) }
        var metrics: [Metric] = []
        if measuresCPU {
            metrics += [
                .cpuUserNsPerOp(perOp(window.userNanoseconds)), .cpuSystemNsPerOp(perOp(window.systemNanoseconds)),
            ]
        }
        if measuresSwitches {
            metrics += [
                .contextSwitchesVoluntaryPerOp(perOp(window.voluntaryContextSwitches)),
                .contextSwitchesInvoluntaryPerOp(perOp(window.involuntaryContextSwitches)),
            ]
        }
        if measuresFaults {
            metrics += [
                .pageFaultsMinorPerOp(perOp(window.minorPageFaults)),
                .pageFaultsMajorPerOp(perOp(window.majorPageFaults)),
            ]
        }
        if measuresPeak { metrics.append(.peakRssBytes(Double(window.peakResidentBytes))) }
        return metrics
    }
}
