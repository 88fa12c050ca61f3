public import PerfResult

extension Measurement {
    /// The measurement as a PerfResult result, as `--json` writes it.
    ///
    /// Shared keys: `opsPerSec` (at the median), `nsPerOp` (the median, with every used sample's
    /// ns/op as `samples`), `p50Ns`, `p99Ns`, `rme`; `bytesPerSec` for a bytes throughput; the probes'
    /// metrics (`allocsPerOp`, `bytesPerOp`, ...). Keys of this harness: `meanNs`, `minNs`, `maxNs`,
    /// `p75Ns`, `sdNs`, `madNs`, `coldStartNs` (ns, lower is better), `elementsPerSec` (1/s, higher),
    /// `cleanFraction` (ratio, higher) and `outliers` (Tukey, count, lower).
    ///
    /// A probe metric whose key clashes with one of these is a programmer error and traps.
    /// - Complexity: O(*n*) in the number of used samples.
    public func result() -> Result {
        let stats = statistics
        var metrics: [Metric] = [
            .opsPerSec(stats.opsPerSecond),
            .nsPerOp(stats.p50, samples: usedSamples.map(\.nanosecondsPerOperation)),
            .p50Ns(stats.p50),
            .p99Ns(stats.p99),
            .rme(stats.rme),
            Self.own("meanNs", stats.mean, .nanoseconds, .lower),
            Self.own("minNs", stats.min, .nanoseconds, .lower),
            Self.own("maxNs", stats.max, .nanoseconds, .lower),
            Self.own("p75Ns", stats.p75, .nanoseconds, .lower),
            Self.own("sdNs", stats.sd, .nanoseconds, .lower),
            Self.own("madNs", stats.mad, .nanoseconds, .lower),
            Self.own("coldStartNs", coldStartNanoseconds, .nanoseconds, .lower),
            Self.own("cleanFraction", cleanFraction, .ratio, .higher),
            Self.own("outliers", Double(stats.outliers.total), .count, .lower),
        ]
        switch throughput {
        case let .bytes(count)?:
            metrics.append(.bytesPerSec(Throughput.bytes(count).perSecond(atNanosecondsPerOperation: stats.p50)))
        case let .elements(count)?:
            let rate = Throughput.elements(count).perSecond(atNanosecondsPerOperation: stats.p50)
            metrics.append(Self.own("elementsPerSec", rate, .perSecond, .higher))
        case nil:
            break
        }
        metrics += probeMetrics
        do {
            var result = try Result(name: name, metrics: metrics)
            result.limits = limits
            return result
        } catch {
            preconditionFailure("cannot build the result of \(name): \(error)")
        }
    }

    private static func own(_ key: String, _ value: Double, _ unit: Metric.Unit, _ better: Metric.Direction) -> Metric {
        do {
            return try Metric(key: key, value: value, unit: unit, better: better)
        } catch {
            preconditionFailure("\(error)")
        }
    }
}
