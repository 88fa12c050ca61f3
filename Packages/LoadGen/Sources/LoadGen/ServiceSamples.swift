public import PerfSupport

/// The service a run loaded, sampled by its process id during the run (`ServiceWatch`): what the result's
/// `service…` metrics, the table and the per-second series come from.
public struct ServiceSamples: Sendable, Hashable {
    /// The process sampled.
    public var pid: Int32
    /// The processors online where it ran (for the CPU percent of all cores).
    public var processors: Int
    /// The time between samples, in nanoseconds.
    public var intervalNs: UInt64
    /// The samples in order; the first was taken before the load started.
    public var samples: [ProcessSample]

    /// Creates the samples of a run.
    public init(pid: Int32, processors: Int, intervalNs: UInt64, samples: [ProcessSample]) {
        self.pid = pid
        self.processors = processors
        self.intervalNs = intervalNs
        self.samples = samples
    }
}

extension LoadResult {
    /// The measured window in nanoseconds since the Unix epoch.
    var windowEpochNs: ClosedRange<Int64> {
        startedAtEpochNs...(startedAtEpochNs + Int64(clamping: windowNs))
    }

    /// The service's figures over the measured window (its RSS at start from the sample before the load);
    /// `nil` when no service was sampled.
    public var serviceUsage: ProcessUsage? {
        guard let service else { return nil }
        return ProcessUsage(samples: service.samples, window: windowEpochNs, processors: service.processors)
    }

    /// The service's largest RSS and its CPU percent of one core in each second of the window (every second,
    /// also when `perSecond` kept only the last ones); empty when no service was sampled.
    public var servicePerSecond: [(residentBytes: Int?, cpuPercent: Double?)] {
        guard let service else { return [] }
        let seconds = Int((windowNs + 999_999_999) / 1_000_000_000)
        return ProcessUsage.perSecond(service.samples, startEpochNs: startedAtEpochNs, seconds: seconds)
    }
}
