import LoadGen
import MemProbe
import PerfResult
import PerfSupport

/// The soak's table and its PerfResult report.
extension ServiceSoak.Outcome {
    /// What the soak found, one line a finding, then the pools.
    var summary: String {
        var lines: [String] = []
        let first = analysed.first
        let last = samples.latest
        let p99 = NumberText.fixed(Double(load.latency.value(atPercentile: 99)) / 1e6, decimals: 3)
        lines.append(
            "load          \(NumberText.fixed(load.requestsPerSecond, decimals: 0)) req/s for "
                + "\(last.map { NumberText.fixed($0.seconds.mean, decimals: 1) } ?? "0") s, p99 \(p99) ms, "
                + "errors \(NumberText.fixed(load.errorRate * 100, decimals: 3)) %")
        let kept =
            samples.stride == 1
            ? "" : ", kept as \(samples.count) points of \(samples.stride) (older points merged pairwise)"
        lines.append(
            "samples       \(samples.appended)\(kept) (\(report.warmupSampleCount) points dropped as warmup), "
                + "\(last.map { String($0.requestsAnswered) } ?? "0") requests answered by the service")
        lines.append("verdict       \(report.summary)")
        if let rss = residentAnalysis, let first, let last {
            lines.append(
                "RSS           \(NumberText.bytes(first.residentBytes?.mean ?? 0)) → "
                    + "\(NumberText.bytes(last.residentBytes?.mean ?? 0)) after the warmup, slope "
                    + "\(NumberText.bytes(residentSlopePerSecond ?? 0, signed: true))/s, fitted growth "
                    + "\(Self.growth(rss)): " + (residentIsFlat ? "flat ✓" : "grows ✗"))
        }
        if let heap = report.analysis(of: .heapBytes) {
            lines.append(
                "heap in use   slope \(NumberText.fixed(heap.fit.slope, decimals: 3, signed: true)) B/request, "
                    + "fitted growth \(Self.growth(heap))")
        }
        if let live = report.analysis(of: .liveAllocations) {
            lines.append(
                "live allocs   slope \(NumberText.fixed(live.fit.slope, decimals: 5, signed: true))/request, "
                    + "fitted growth \(NumberText.fixed(live.growth, decimals: 0, signed: true)) "
                    + "(\(NumberText.fixed(live.growthRatio * 100, decimals: 2, signed: true)) %)")
        }
        if let hitRate {
            lines.append(
                "pool hit rate \(NumberText.fixed(hitRate * 100, decimals: 2)) % after the warmup (target ≥ 80 %)")
        }
        var table = TextTable([
            .left("pool"), .right("hits"), .right("misses"), .right("returns"), .right("discards"), .right("hit rate"),
        ])
        for (name, counts) in poolWindow.sorted(by: { $0.key < $1.key }) {
            table.append([
                name, String(counts.hits), String(counts.misses), String(counts.returns), String(counts.discards),
                counts.hitRate.map { NumberText.fixed($0 * 100, decimals: 2) + " %" } ?? "-",
            ])
        }
        if !poolWindow.isEmpty { lines.append(table.rendered(indent: "  ")) }
        if let interruption {
            lines.append(
                "partial       stopped by \(Interruption.name(of: interruption)) after "
                    + "\(last.map { NumberText.fixed($0.seconds.mean, decimals: 1) } ?? "0") s of "
                    + "\(UnitText.format(plannedDuration)): the verdict covers only what was sampled and is not a "
                    + "pass (exit \(Interruption.exitStatus(for: interruption)))")
        }
        return lines.joined(separator: "\n")
    }

    /// A series' fitted growth in bytes and in percent: `+1.2 KiB (+0.05 %)`.
    private static func growth(_ analysis: SignalAnalysis) -> String {
        NumberText.bytes(analysis.growth, signed: true) + " ("
            + NumberText.fixed(analysis.growthRatio * 100, decimals: 2, signed: true) + " %)"
    }

    /// `soak/<scenario>[pool=on|off]`: MemProbe's metrics, `rssSlopeBytesPerSec`, the heap and RSS series
    /// (`heapBytes`, `rssBytes`: the kept points' means, at most `ServiceSoak.sampleCapacity`), the load's
    /// throughput, p99 and errors, and the pools' hit rate. A partial soak writes suite `soak-partial` with
    /// `"partial": true`, which the regression gate does not compare with the `soak` baseline.
    /// - Throws: `PerfResultError` for an invalid name.
    func report(environment: Environment) throws(PerfResultError) -> Report {
        var metrics = report.metrics
        if let slope = residentSlopePerSecond {
            metrics.append(try Metric(key: "rssSlopeBytesPerSec", value: slope, unit: .bytes, better: .lower))
        }
        if let heap = ServiceSoak.series(points.map(\.heapInUseBytes)), let last = heap.last {
            metrics.append(try Metric(key: "heapBytes", value: last, unit: .bytes, better: .lower, samples: heap))
        }
        if let rss = ServiceSoak.series(points.map(\.residentBytes)), let last = rss.last {
            metrics.append(try Metric(key: "rssBytes", value: last, unit: .bytes, better: .lower, samples: rss))
        }
        metrics.append(try Metric(key: "rssFlat", value: residentIsFlat ? 1 : 0, unit: .count, better: .higher))
        metrics.append(.requestsPerSec(load.requestsPerSecond))
        metrics.append(.latencyP99Ms(Double(load.latency.value(atPercentile: 99)) / 1e6))
        metrics.append(.errorRate(load.errorRate))
        if let hitRate { metrics.append(.hitRate(hitRate)) }
        var report = try Report(suite: partial ? "soak-partial" : "soak", environment: environment)
        report.partial = partial
        try report.append(
            try Result(name: "soak/\(scenario)", parameters: ["pool": pool ? "on" : "off"], metrics: metrics))
        return report
    }
}
