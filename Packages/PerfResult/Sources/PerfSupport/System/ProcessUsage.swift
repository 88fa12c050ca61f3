/// What a series of `ProcessSample`s says about a process during a window: its resident memory at the start,
/// on average and at its peak, its CPU utilization, its threads, open files and context switches.
///
/// The samples of the window are those taken inside it; the first sample of all gives the start figure (a
/// sampler takes it before the load). Rates (CPU, context switches) are the change from the last sample
/// before the window (or the window's first) to the window's last, over the time between them. A window
/// without a sample in it (shorter than the interval) uses every sample. A figure that no sample carries,
/// or a rate over no time, is `nil`: never a made-up number.
public struct ProcessUsage: Sendable, Hashable {
    /// Resident set size of the first sample, in bytes.
    public var residentStartBytes: Int?
    /// Mean resident set size of the window's samples, in bytes.
    public var residentMeanBytes: Double?
    /// Largest resident set size of the window's samples, in bytes.
    public var residentPeakBytes: Int?
    /// CPU time over wall time, in percent of one core (200 is two cores kept busy).
    public var cpuPercent: Double?
    /// `cpuPercent` divided by the processors online: 100 is every core busy.
    public var cpuPercentOfAllCores: Double?
    /// Most threads in a sample of the window.
    public var threadsPeak: Int?
    /// Most open file descriptors in a sample of the window.
    public var openFilesPeak: Int?
    /// Voluntary context switches per second (the process waited: I/O, locks, sleeps).
    public var voluntaryContextSwitchesPerSecond: Double?
    /// Involuntary context switches per second (the scheduler preempted it).
    public var involuntaryContextSwitchesPerSecond: Double?
    /// The samples the window figures come from.
    public var sampleCount: Int

    /// The usage over `window` (nanoseconds since the Unix epoch; `nil` for every sample).
    /// - Parameter processors: the processors online, for `cpuPercentOfAllCores`.
    /// - Complexity: O(*n*) in the number of samples.
    public init(samples: [ProcessSample], window: ClosedRange<Int64>? = nil, processors: Int) {
        residentStartBytes = samples.first?.residentBytes
        let inside = window.map { window in samples.filter { window.contains($0.epochNs) } } ?? samples
        let loaded = inside.isEmpty ? samples : inside
        sampleCount = loaded.count
        let resident = loaded.compactMap(\.residentBytes)
        residentMeanBytes =
            resident.isEmpty ? nil : resident.reduce(0.0) { $0 + Double($1) } / Double(resident.count)
        residentPeakBytes = resident.max()
        threadsPeak = loaded.compactMap(\.threads).max()
        openFilesPeak = loaded.compactMap(\.openFiles).max()
        guard let last = loaded.last, let firstInside = loaded.first else {
            return
        }
        let from = samples.last { $0.monotonicNs < firstInside.monotonicNs } ?? firstInside
        let span = Double(last.monotonicNs &- from.monotonicNs) / 1e9
        cpuPercent = Self.rate(from.cpuNs, last.cpuNs, over: span).map { $0 / 1e9 * 100 }
        cpuPercentOfAllCores = cpuPercent.map { $0 / Double(max(1, processors)) }
        voluntaryContextSwitchesPerSecond = Self.rate(
            from.voluntaryContextSwitches.map(UInt64.init), last.voluntaryContextSwitches.map(UInt64.init), over: span)
        involuntaryContextSwitchesPerSecond = Self.rate(
            from.involuntaryContextSwitches.map(UInt64.init), last.involuntaryContextSwitches.map(UInt64.init),
            over: span)
    }

    /// One figure per second of a window starting at `startEpochNs`: the largest resident size sampled in the
    /// second and the CPU percent of one core over it (from the last sample before the second to its last).
    /// A second without a sample has `nil`s.
    /// - Complexity: O(*n* + *seconds*).
    public static func perSecond(_ samples: [ProcessSample], startEpochNs: Int64, seconds: Int)
        -> [(residentBytes: Int?, cpuPercent: Double?)]
    {
        var result: [(residentBytes: Int?, cpuPercent: Double?)] = []
        result.reserveCapacity(max(0, seconds))
        var index = 0
        var previous: ProcessSample? = nil
        while index < samples.count, samples[index].epochNs < startEpochNs {
            previous = samples[index]
            index += 1
        }
        for second in 0..<max(0, seconds) {
            let end = startEpochNs + Int64(second + 1) * 1_000_000_000
            var peak: Int? = nil
            var last: ProcessSample? = nil
            var first: ProcessSample? = nil
            while index < samples.count, samples[index].epochNs < end {
                let sample = samples[index]
                if first == nil { first = sample }
                if let resident = sample.residentBytes { peak = max(peak ?? resident, resident) }
                last = sample
                index += 1
            }
            var cpu: Double? = nil
            if let last, let from = previous ?? first {
                let span = Double(last.monotonicNs &- from.monotonicNs) / 1e9
                cpu = rate(from.cpuNs, last.cpuNs, over: span).map { $0 / 1e9 * 100 }
            }
            result.append((peak, cpu))
            if let last { previous = last }
        }
        return result
    }

    /// `(to − from) / seconds`, or `nil` without both counts or over no time (a counter that went down, as
    /// after a process id was reused, counts as no change).
    private static func rate(_ from: UInt64?, _ to: UInt64?, over seconds: Double) -> Double? {
        guard let from, let to, seconds > 0 else { return nil }
        return Double(to >= from ? to - from : 0) / seconds
    }
}
