public import PerfResult
import PerfSupport

/// A load result as PerfResult metrics: the shared keys of PerfResult (`requestsPerSec`, `latencyP99Ms`, ...) and
/// LoadGen's own (see the README).
extension LoadResult {
    /// The percentiles the table shows: (label, percentile).
    static let percentiles: [(label: String, percentile: Double)] = [
        ("p50", 50), ("p75", 75), ("p90", 90), ("p95", 95), ("p99", 99), ("p99.9", 99.9), ("p99.99", 99.99),
    ]

    /// The metric keys a scenario threshold may name.
    public static let thresholdKeys =
        [
            "requestsPerSec", "bytesPerSec", "latencyP50Ms", "latencyP75Ms", "latencyP90Ms", "latencyP95Ms",
            "latencyP99Ms", "latencyP99_9Ms", "latencyP99_99Ms", "latencyMaxMs", "latencyMeanMs", "errorRate",
            "clientCpuUsPerRequest", "uncorrectedLatencyP50Ms", "uncorrectedLatencyP99Ms",
        ] + serviceKeys + tlsKeys

    /// The keys of the service's figures, present when a service was sampled (`service`).
    public static let serviceKeys = [
        "serviceRssStartBytes", "serviceRssMeanBytes", "serviceRssPeakBytes", "serviceCpuPercent",
        "serviceCpuPercentOfAllCores", "serviceThreadsPeak", "serviceOpenFilesPeak",
        "serviceVoluntaryContextSwitchesPerSec", "serviceInvoluntaryContextSwitchesPerSec",
    ]

    /// The threshold keys for which higher is better; lower is better for the others.
    static let higherIsBetterKeys: Set<String> = [
        "requestsPerSec", "bytesPerSec", "handshakesPerSec", "fullHandshakesPerSec", "resumedHandshakesPerSec",
    ]

    /// The metrics of the run.
    ///
    /// The per-second series rides in `samples`: `requestsPerSec` and `bytesPerSec` carry one rate per
    /// second, `latencyP50Ms` and `latencyP99Ms` one percentile per second (omitted for merged results,
    /// whose per-second percentiles cannot be combined); a run that kept only its last seconds
    /// (`secondsDropped` > 0) carries those, each still one second. Latencies are corrected (from the
    /// intended send time; closed model: from when the connection could take the request); the
    /// `uncorrectedLatency…` keys are measured from the actual send. `requestsInFlight` is `meanRequestsInFlight`. With a sampled
    /// `service`, the `service…` keys follow (`serviceMetrics()`).
    public func metrics() -> [Metric] {
        func ms(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e6 }
        let seconds = perSecond
        let rates = seconds.map { Double($0.requests) / secondLength($0.second) }
        let byteRates = seconds.map { Double($0.bytes) / secondLength($0.second) }
        let exactPercentiles = seconds.allSatisfy { $0.latencyP50Ns != nil && $0.latencyP99Ns != nil }
        let p50Series = exactPercentiles ? seconds.map { ms($0.latencyP50Ns ?? 0) } : nil
        let p99Series = exactPercentiles ? seconds.map { ms($0.latencyP99Ns ?? 0) } : nil
        var metrics: [Metric] = [
            .requestsPerSec(requestsPerSecond, samples: rates.isEmpty ? nil : rates),
            .bytesPerSec(bytesPerSecond, samples: byteRates.isEmpty ? nil : byteRates),
            .latencyP50Ms(ms(latency.value(atPercentile: 50)), samples: p50Series?.isEmpty == false ? p50Series : nil),
            .latencyP75Ms(ms(latency.value(atPercentile: 75))),
            .latencyP90Ms(ms(latency.value(atPercentile: 90))),
            .latencyP95Ms(ms(latency.value(atPercentile: 95))),
            .latencyP99Ms(ms(latency.value(atPercentile: 99)), samples: p99Series?.isEmpty == false ? p99Series : nil),
            .latencyP999Ms(ms(latency.value(atPercentile: 99.9))),
            .latencyP9999Ms(ms(latency.value(atPercentile: 99.99))),
            .latencyMaxMs(ms(latency.maxValue)),
            .errorRate(errorRate),
            .clientCpuUsPerRequest(clientCPUMicrosecondsPerRequest),
        ]
        // Keys of our own: camelCase and valid, so these constructors cannot fail.
        let own: [(String, Double, Metric.Unit, Metric.Direction)] = [
            ("latencyMeanMs", latency.mean / 1e6, .milliseconds, .lower),
            ("latencyStdevMs", latency.standardDeviation / 1e6, .milliseconds, .lower),
            ("uncorrectedLatencyP50Ms", ms(uncorrectedLatency.value(atPercentile: 50)), .milliseconds, .lower),
            ("uncorrectedLatencyP99Ms", ms(uncorrectedLatency.value(atPercentile: 99)), .milliseconds, .lower),
            ("uncorrectedLatencyMaxMs", ms(uncorrectedLatency.maxValue), .milliseconds, .lower),
            // Closed model: the load asked for is `connections × pipelining`; fewer means the client held
            // requests back. Open model: more means responses are slower at the same rate.
            ("requestsInFlight", meanRequestsInFlight, .count, model == .closed ? .higher : .lower),
            ("requests", Double(completed), .count, .higher),
            ("failures", Double(failures), .count, .lower),
            ("lateSends", Double(late), .count, .lower),
            ("droppedSends", Double(dropped), .count, .lower),
            ("abandonedRequests", Double(abandoned), .count, .lower),
        ]
        for (key, value, unit, better) in own {
            metrics.append(try! Metric(key: key, value: value, unit: unit, better: better))
        }
        return metrics + tlsMetrics() + serviceMetrics()
    }

    /// The service's figures over the measured window: RSS at the start, mean (with one sample per second:
    /// the second's largest) and peak; CPU in percent of one core (with one per second) and of all cores;
    /// the threads and open files at their peak; context switches per second. A figure no sample carries is
    /// left out; no service, no metrics.
    public func serviceMetrics() -> [Metric] {
        guard let usage = serviceUsage else { return [] }
        let seconds = servicePerSecond
        let rssSeries = seconds.compactMap(\.residentBytes).map(Double.init)
        let cpuSeries = seconds.compactMap(\.cpuPercent)
        func series(_ values: [Double]) -> [Double]? { values.count == seconds.count && !values.isEmpty ? values : nil }
        var metrics: [Metric] = []
        if let value = usage.residentStartBytes { metrics.append(.serviceRssStartBytes(Double(value))) }
        if let value = usage.residentMeanBytes {
            metrics.append(.serviceRssMeanBytes(value, samples: series(rssSeries)))
        }
        if let value = usage.residentPeakBytes { metrics.append(.serviceRssPeakBytes(Double(value))) }
        if let value = usage.cpuPercent { metrics.append(.serviceCpuPercent(value, samples: series(cpuSeries))) }
        if let value = usage.cpuPercentOfAllCores { metrics.append(.serviceCpuPercentOfAllCores(value)) }
        if let value = usage.threadsPeak { metrics.append(.serviceThreadsPeak(Double(value))) }
        if let value = usage.openFilesPeak { metrics.append(.serviceOpenFilesPeak(Double(value))) }
        if let value = usage.voluntaryContextSwitchesPerSecond {
            metrics.append(.serviceVoluntaryContextSwitchesPerSec(value))
        }
        if let value = usage.involuntaryContextSwitchesPerSecond {
            metrics.append(.serviceInvoluntaryContextSwitchesPerSec(value))
        }
        return metrics
    }

    /// The run as one PerfResult result named `name` (e.g. `target-hello/total`).
    /// - Throws: `LoadGenError.invalidField` when `name` is not a valid result name.
    public func perfResult(name: String) throws(LoadGenError) -> PerfResult.Result {
        do {
            return try PerfResult.Result(name: name, metrics: metrics())
        } catch {
            throw .invalidField(field: "name", reason: error.description, file: nil)
        }
    }
}
