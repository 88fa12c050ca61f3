extension Thresholds {
    /// The defaults the toolkit ships, identical to the committed `perf/regression/thresholds.json`
    /// (a test checks that they agree). Used when that file is absent.
    ///
    /// - time and latency p50 (`nsPerOp`, `latencyP50Ms`, `clientCpuUsPerRequest`): +10 %; MicroBench's
    ///   `p50Ns` is the same figure as `nsPerOp` without its samples, and its descriptive statistics
    ///   (`meanNs`, `minNs`, `maxNs`, `p75Ns`, `sdNs`, `madNs`, `outliers`, `cleanFraction`, `coldStartNs`) are
    ///   single values that describe one run's noise: report only;
    /// - throughput (`opsPerSec`, `requestsPerSec`, `bytesPerSec`): −10 %;
    /// - tail latency (`latencyP75Ms` … `latencyP99Ms`): +20 %; the single-value tails (MicroBench's `p99Ns`,
    ///   `latencyP99_9Ms`, `latencyP99_99Ms`, `latencyMaxMs`) rest on a handful of samples of one run: report only;
    /// - LoadGen's descriptive and diagnostic figures (`latencyMeanMs`, `latencyStdevMs`, `uncorrectedLatency…`,
    ///   `lateSends`, `droppedSends`, `abandonedRequests`, `failures`, `requests`, `requestsInFlight`) and the
    ///   knee's p99 (`kneeLatencyP99Ms`): report only; their effect shows in the gated throughput, corrected
    ///   latency and error rate;
    /// - memory bytes (`peakRssBytes`, `heapSlopeBytesPerIter`, `heapBytes`, `rssBytes`): +5 % with a 64 KiB
    ///   floor; `heapBytes` and `rssBytes` samples are a series over time;
    /// - allocation counts (`allocsPerOp`, `bytesPerOp`) and ARC counts (`retainsPerOp`, `releasesPerOp`,
    ///   `objectAllocsPerOp`): exact, hence deterministic (`MetricClass`): gated against baselines from any CPU;
    /// - instruction counts (`instructions`, from callgrind): near-exact, +1 %, deterministic; callgrind's misses
    ///   in its fixed simulated caches (`l1MissesPerOp`, `llMissesPerOp`): report only, since they move with code
    ///   and data layout (a change elsewhere in the binary moved an untouched case's by +42 %);
    /// - `rme` (noise, not speed): report only; `errorRate`: +10 % with a floor of 0.001;
    ///   `heapGrowthRatio`: +10 % with a floor of 0.05; `liveAllocsSlopePerIter`: +10 % with a floor of 1;
    ///   `hitRate`: −5 % with a floor of 0.01;
    /// - suites matching `macro*` use the nasc-server task's STRICT_PERF numbers: throughput −20 %
    ///   (`kneeRequestsPerSec` too), latency +25 %; the overload scenario `macro-http-stress` gates throughput
    ///   and errors only, since its latency measures the queue the overload built; their throughput and latency
    ///   samples are per-second series of one run, so the whole run's figure is compared (`series`), unless both
    ///   reports were merged from rounds (`loadgen --forks`), whose samples are the rounds' figures;
    /// - `messagesPerSec` (perf-service's queue): −10 %; the `service` suite's latencies (100 clients on the
    ///   machine's cores, whose tail the scheduler decides): report only, the p95 target (a limit) gates;
    /// - where `opsPerSec` is only `nsPerOp` inverted, without samples (suite `micro`, the single-thread cases
    ///   of `pools`), it is report only: `nsPerOp` carries the samples and is gated.
    public static let shipped = Thresholds(
        defaults: [
            ThresholdEntry(metric: "nsPerOp", maxRegressionPercent: 10),
            ThresholdEntry(metric: "p50Ns", gate: false),
            ThresholdEntry(metric: "p99Ns", gate: false),
            ThresholdEntry(metric: "opsPerSec", maxRegressionPercent: 10),
            ThresholdEntry(metric: "rme", gate: false),
            ThresholdEntry(metric: "meanNs", gate: false),
            ThresholdEntry(metric: "minNs", gate: false),
            ThresholdEntry(metric: "maxNs", gate: false),
            ThresholdEntry(metric: "p75Ns", gate: false),
            ThresholdEntry(metric: "sdNs", gate: false),
            ThresholdEntry(metric: "madNs", gate: false),
            ThresholdEntry(metric: "outliers", gate: false),
            ThresholdEntry(metric: "cleanFraction", gate: false),
            ThresholdEntry(metric: "coldStartNs", gate: false),
            ThresholdEntry(metric: "allocsPerOp", exact: true),
            ThresholdEntry(metric: "bytesPerOp", exact: true),
            ThresholdEntry(metric: "retainsPerOp", exact: true),
            ThresholdEntry(metric: "releasesPerOp", exact: true),
            ThresholdEntry(metric: "objectAllocsPerOp", exact: true),
            ThresholdEntry(metric: "instructions", maxRegressionPercent: 1, exact: false, deterministic: true),
            ThresholdEntry(metric: "l1MissesPerOp", gate: false),
            ThresholdEntry(metric: "llMissesPerOp", gate: false),
            ThresholdEntry(metric: "requestsPerSec", maxRegressionPercent: 10),
            ThresholdEntry(metric: "bytesPerSec", maxRegressionPercent: 10),
            ThresholdEntry(metric: "latency*Ms", maxRegressionPercent: 20),
            ThresholdEntry(metric: "latencyP50Ms", maxRegressionPercent: 10),
            ThresholdEntry(metric: "latencyMaxMs", gate: false),
            ThresholdEntry(metric: "latencyP99_9Ms", gate: false),
            ThresholdEntry(metric: "latencyP99_99Ms", gate: false),
            ThresholdEntry(metric: "latencyMeanMs", gate: false),
            ThresholdEntry(metric: "latencyStdevMs", gate: false),
            ThresholdEntry(metric: "uncorrectedLatency*Ms", gate: false),
            ThresholdEntry(metric: "lateSends", gate: false),
            ThresholdEntry(metric: "droppedSends", gate: false),
            ThresholdEntry(metric: "abandonedRequests", gate: false),
            ThresholdEntry(metric: "failures", gate: false),
            ThresholdEntry(metric: "requests", gate: false),
            ThresholdEntry(metric: "requestsInFlight", gate: false),
            ThresholdEntry(metric: "kneeLatencyP99Ms", gate: false),
            ThresholdEntry(metric: "errorRate", maxRegressionPercent: 10, floor: 0.001),
            ThresholdEntry(metric: "clientCpuUsPerRequest", maxRegressionPercent: 10),
            ThresholdEntry(metric: "heapGrowthRatio", maxRegressionPercent: 10, floor: 0.05),
            ThresholdEntry(metric: "heapSlopeBytesPerIter", maxRegressionPercent: 5, floor: 65_536),
            ThresholdEntry(metric: "liveAllocsSlopePerIter", maxRegressionPercent: 10, floor: 1, exact: false),
            ThresholdEntry(metric: "peakRssBytes", maxRegressionPercent: 5, floor: 65_536),
            ThresholdEntry(metric: "heapBytes", maxRegressionPercent: 5, floor: 65_536, series: true),
            ThresholdEntry(metric: "rssBytes", maxRegressionPercent: 5, floor: 65_536, series: true),
            ThresholdEntry(metric: "hitRate", maxRegressionPercent: 5, floor: 0.01),
            // perf-service (issue #22): the topic store as a queue.
            ThresholdEntry(metric: "messagesPerSec", maxRegressionPercent: 10),
        ],
        overrides: [
            ThresholdEntry(suite: "macro*", metric: "requestsPerSec", maxRegressionPercent: 20, series: true),
            ThresholdEntry(suite: "macro*", metric: "bytesPerSec", maxRegressionPercent: 20, series: true),
            ThresholdEntry(suite: "macro*", metric: "latency*Ms", maxRegressionPercent: 25, series: true),
            ThresholdEntry(suite: "macro-knee", metric: "kneeRequestsPerSec", maxRegressionPercent: 20),
            ThresholdEntry(suite: "macro-http-stress", metric: "latency*Ms", gate: false),
            ThresholdEntry(suite: "micro", metric: "opsPerSec", gate: false),
            ThresholdEntry(suite: "micro", metric: "bytesPerSec", gate: false),
            ThresholdEntry(suite: "micro", metric: "elementsPerSec", gate: false),
            ThresholdEntry(suite: "pools", result: "object/*", metric: "opsPerSec", gate: false),
            ThresholdEntry(suite: "pools", result: "buffer*", metric: "opsPerSec", gate: false),
            // perf-service (issue #22): 100 threads on the machine's cores; its target (the result's limit) gates.
            ThresholdEntry(suite: "service", metric: "latency*Ms", gate: false),
        ])
}
