/// Typed constructors for the metric keys every suite shares (docs/ARCHITECTURE.md, "Metric keys").
///
/// Using these instead of `init(key:...)` keeps keys, units and directions identical across suites,
/// so the regression gate and the reports treat them alike.
extension Metric {
    private static func known(_ key: String, _ value: Double, _ unit: Unit, _ better: Direction, _ samples: [Double]?)
        -> Metric
    {
        Metric(validKey: key, value: value, unit: unit, better: better, samples: samples)
    }

    // MARK: Microbenchmarks

    /// Time per operation (usually the median of samples), in nanoseconds; lower is better.
    public static func nsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("nsPerOp", value, .nanoseconds, .lower, samples)
    }
    /// Median time per operation, in nanoseconds; lower is better.
    public static func p50Ns(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("p50Ns", value, .nanoseconds, .lower, samples)
    }
    /// 99th-percentile time per operation, in nanoseconds; lower is better.
    public static func p99Ns(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("p99Ns", value, .nanoseconds, .lower, samples)
    }
    /// Operations per second; higher is better.
    public static func opsPerSec(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("opsPerSec", value, .operationsPerSecond, .higher, samples)
    }
    /// Relative margin of error (95 % confidence, within one run), in percent; lower is better.
    public static func rme(_ value: Double) -> Metric {
        known("rme", value, .percent, .lower, nil)
    }
    /// Heap allocations per operation; lower is better, and gates compare it exactly.
    public static func allocsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("allocsPerOp", value, .count, .lower, samples)
    }
    /// Heap bytes allocated per operation; lower is better, and gates compare it exactly.
    public static func bytesPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("bytesPerOp", value, .bytes, .lower, samples)
    }
    /// Swift runtime retains (`swift_retain`, `swift_retain_n`, `swift_tryRetain` calls) per operation;
    /// lower is better, and gates compare it exactly.
    public static func retainsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("retainsPerOp", value, .count, .lower, samples)
    }
    /// Swift runtime releases (`swift_release`, `swift_release_n` calls) per operation; lower is better, and
    /// gates compare it exactly.
    public static func releasesPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("releasesPerOp", value, .count, .lower, samples)
    }
    /// Swift object allocations (`swift_allocObject` calls: class instances, boxes, closure contexts, array
    /// buffers) per operation; lower is better, and gates compare it exactly.
    public static func objectAllocsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("objectAllocsPerOp", value, .count, .lower, samples)
    }
    /// Instructions retired per operation (e.g. from callgrind); lower is better, near-exact.
    public static func instructions(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("instructions", value, .count, .lower, samples)
    }

    // MARK: Load tests

    /// Completed requests per second; higher is better.
    public static func requestsPerSec(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("requestsPerSec", value, .requestsPerSecond, .higher, samples)
    }
    /// Bytes transferred per second; higher is better.
    public static func bytesPerSec(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("bytesPerSec", value, .bytesPerSecond, .higher, samples)
    }
    /// Median latency in milliseconds; lower is better.
    public static func latencyP50Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP50Ms", value, .milliseconds, .lower, samples)
    }
    /// 75th-percentile latency in milliseconds; lower is better.
    public static func latencyP75Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP75Ms", value, .milliseconds, .lower, samples)
    }
    /// 90th-percentile latency in milliseconds; lower is better.
    public static func latencyP90Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP90Ms", value, .milliseconds, .lower, samples)
    }
    /// 95th-percentile latency in milliseconds; lower is better.
    public static func latencyP95Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP95Ms", value, .milliseconds, .lower, samples)
    }
    /// 99th-percentile latency in milliseconds; lower is better.
    public static func latencyP99Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP99Ms", value, .milliseconds, .lower, samples)
    }
    /// 99.9th-percentile latency in milliseconds (key `latencyP99_9Ms`); lower is better.
    public static func latencyP999Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP99_9Ms", value, .milliseconds, .lower, samples)
    }
    /// 99.99th-percentile latency in milliseconds (key `latencyP99_99Ms`); lower is better.
    public static func latencyP9999Ms(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyP99_99Ms", value, .milliseconds, .lower, samples)
    }
    /// Maximum latency in milliseconds; lower is better.
    public static func latencyMaxMs(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("latencyMaxMs", value, .milliseconds, .lower, samples)
    }
    /// Failed requests divided by all requests, 0...1; lower is better.
    public static func errorRate(_ value: Double) -> Metric {
        known("errorRate", value, .ratio, .lower, nil)
    }
    /// Client CPU time per completed request, in microseconds; lower is better.
    public static func clientCpuUsPerRequest(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("clientCpuUsPerRequest", value, .microseconds, .lower, samples)
    }

    // MARK: A service under load (sampled by its process id)

    /// The service's resident set size when the load started, in bytes; lower is better.
    public static func serviceRssStartBytes(_ value: Double) -> Metric {
        known("serviceRssStartBytes", value, .bytes, .lower, nil)
    }
    /// The service's mean resident set size under load, in bytes (samples: one per second); lower is better.
    public static func serviceRssMeanBytes(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("serviceRssMeanBytes", value, .bytes, .lower, samples)
    }
    /// The service's largest resident set size sampled under load, in bytes; lower is better.
    public static func serviceRssPeakBytes(_ value: Double) -> Metric {
        known("serviceRssPeakBytes", value, .bytes, .lower, nil)
    }
    /// The service's CPU time over wall time under load, in percent of one core (200 is two busy cores;
    /// samples: one per second); lower is better.
    public static func serviceCpuPercent(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("serviceCpuPercent", value, .percent, .lower, samples)
    }
    /// `serviceCpuPercent` divided by the processors online: 100 is every core busy; lower is better.
    public static func serviceCpuPercentOfAllCores(_ value: Double) -> Metric {
        known("serviceCpuPercentOfAllCores", value, .percent, .lower, nil)
    }
    /// The most threads the service had in a sample under load; lower is better.
    public static func serviceThreadsPeak(_ value: Double) -> Metric {
        known("serviceThreadsPeak", value, .count, .lower, nil)
    }
    /// The most file descriptors the service had open in a sample under load; lower is better.
    public static func serviceOpenFilesPeak(_ value: Double) -> Metric {
        known("serviceOpenFilesPeak", value, .count, .lower, nil)
    }
    /// The service's voluntary context switches (it waited: I/O, locks) per second under load; lower is better.
    public static func serviceVoluntaryContextSwitchesPerSec(_ value: Double) -> Metric {
        known("serviceVoluntaryContextSwitchesPerSec", value, .perSecond, .lower, nil)
    }
    /// The service's involuntary context switches (preempted by the scheduler) per second under load; lower is
    /// better.
    public static func serviceInvoluntaryContextSwitchesPerSec(_ value: Double) -> Metric {
        known("serviceInvoluntaryContextSwitchesPerSec", value, .perSecond, .lower, nil)
    }

    // MARK: Memory

    /// Relative heap growth after warmup, `(end − start) / start`; lower is better.
    public static func heapGrowthRatio(_ value: Double) -> Metric {
        known("heapGrowthRatio", value, .ratio, .lower, nil)
    }
    /// Least-squares slope of heap bytes per iteration; lower is better.
    public static func heapSlopeBytesPerIter(_ value: Double) -> Metric {
        known("heapSlopeBytesPerIter", value, .bytes, .lower, nil)
    }
    /// Least-squares slope of live allocations per iteration; lower is better.
    public static func liveAllocsSlopePerIter(_ value: Double) -> Metric {
        known("liveAllocsSlopePerIter", value, .count, .lower, nil)
    }
    /// Peak resident set size in bytes; lower is better.
    public static func peakRssBytes(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("peakRssBytes", value, .bytes, .lower, samples)
    }

    // MARK: System metrics (MicroBench's `--metrics`)

    /// CPU time in user mode per operation, in nanoseconds (`getrusage`, microsecond resolution); lower is better.
    public static func cpuUserNsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("cpuUserNsPerOp", value, .nanoseconds, .lower, samples)
    }
    /// CPU time in the kernel per operation, in nanoseconds (`getrusage`, microsecond resolution); lower is better.
    public static func cpuSystemNsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("cpuSystemNsPerOp", value, .nanoseconds, .lower, samples)
    }
    /// Voluntary context switches (sleeping, blocking) per operation; lower is better.
    public static func contextSwitchesVoluntaryPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("contextSwitchesVoluntaryPerOp", value, .count, .lower, samples)
    }
    /// Involuntary context switches (preemption) per operation; lower is better.
    public static func contextSwitchesInvoluntaryPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("contextSwitchesInvoluntaryPerOp", value, .count, .lower, samples)
    }
    /// Minor page faults (no I/O: fresh pages, copy-on-write) per operation; lower is better.
    public static func pageFaultsMinorPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("pageFaultsMinorPerOp", value, .count, .lower, samples)
    }
    /// Major page faults (a page read from a file or swap) per operation; lower is better.
    public static func pageFaultsMajorPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("pageFaultsMajorPerOp", value, .count, .lower, samples)
    }
    /// Bytes returned by read calls per operation (`/proc/…/io` `rchar`: logical, page cache hits included);
    /// lower is better.
    public static func bytesReadPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("bytesReadPerOp", value, .bytes, .lower, samples)
    }
    /// Bytes passed to write calls per operation (`/proc/…/io` `wchar`: logical); lower is better.
    public static func bytesWrittenPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("bytesWrittenPerOp", value, .bytes, .lower, samples)
    }
    /// Bytes fetched from storage per operation (`/proc/…/io` `read_bytes`: physical); lower is better.
    public static func storageBytesReadPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("storageBytesReadPerOp", value, .bytes, .lower, samples)
    }
    /// Bytes sent to storage per operation (`/proc/…/io` `write_bytes`: physical); lower is better.
    public static func storageBytesWrittenPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("storageBytesWrittenPerOp", value, .bytes, .lower, samples)
    }
    /// Read-family system calls per operation (`/proc/…/io` `syscr`); lower is better.
    public static func readSyscallsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("readSyscallsPerOp", value, .count, .lower, samples)
    }
    /// Write-family system calls per operation (`/proc/…/io` `syscw`); lower is better.
    public static func writeSyscallsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("writeSyscallsPerOp", value, .count, .lower, samples)
    }
    /// System calls of every kind per operation; lower is better.
    public static func syscallsPerOp(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("syscallsPerOp", value, .count, .lower, samples)
    }
    /// The threads of the process at the end of a window: a figure per benchmark, not per operation; lower is
    /// better.
    public static func threads(_ value: Double, samples: [Double]? = nil) -> Metric {
        known("threads", value, .count, .lower, samples)
    }

    // MARK: Pools and caches

    /// Hits divided by all lookups, 0...1; higher is better.
    public static func hitRate(_ value: Double) -> Metric {
        known("hitRate", value, .ratio, .higher, nil)
    }

    // MARK: HTTPS load (LoadGen against an https:// target)

    /// Median TCP connect time of the connections made in the window, in milliseconds; lower is better.
    public static func connectP50Ms(_ value: Double) -> Metric {
        known("connectP50Ms", value, .milliseconds, .lower, nil)
    }
    /// 99th-percentile TCP connect time, in milliseconds; lower is better.
    public static func connectP99Ms(_ value: Double) -> Metric {
        known("connectP99Ms", value, .milliseconds, .lower, nil)
    }
    /// Median TLS handshake time (connection up to handshake done), in milliseconds; lower is better.
    public static func handshakeP50Ms(_ value: Double) -> Metric {
        known("handshakeP50Ms", value, .milliseconds, .lower, nil)
    }
    /// 99th-percentile TLS handshake time, in milliseconds; lower is better.
    public static func handshakeP99Ms(_ value: Double) -> Metric {
        known("handshakeP99Ms", value, .milliseconds, .lower, nil)
    }
    /// TLS handshakes (full and resumed) completed per second of the window; higher is better.
    public static func handshakesPerSec(_ value: Double) -> Metric {
        known("handshakesPerSec", value, .perSecond, .higher, nil)
    }
    /// Full TLS handshakes per second of the window; higher is better.
    public static func fullHandshakesPerSec(_ value: Double) -> Metric {
        known("fullHandshakesPerSec", value, .perSecond, .higher, nil)
    }
    /// TLS handshakes that resumed a session, per second of the window; higher is better.
    public static func resumedHandshakesPerSec(_ value: Double) -> Metric {
        known("resumedHandshakesPerSec", value, .perSecond, .higher, nil)
    }
    /// TLS errors (failed handshakes, requests lost to a TLS failure); lower is better.
    public static func tlsErrors(_ value: Double) -> Metric { known("tlsErrors", value, .count, .lower, nil) }
}
