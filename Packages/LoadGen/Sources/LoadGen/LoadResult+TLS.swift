public import PerfResult
import PerfSupport

/// An https run's figures in the report and the table.
extension LoadResult {
    /// The keys of the TLS figures, present for https runs (`tls`).
    public static let tlsKeys = [
        "connectP50Ms", "connectP99Ms", "handshakeP50Ms", "handshakeP99Ms", "handshakesPerSec",
        "fullHandshakesPerSec", "resumedHandshakesPerSec", "tlsErrors",
    ]

    /// Connect and handshake percentiles, handshakes per second (all, full, resumed) and the TLS errors; none for
    /// plain HTTP. A percentile without any connection or handshake in the window is left out.
    public func tlsMetrics() -> [Metric] {
        guard let tls else { return [] }
        func ms(_ nanoseconds: UInt64) -> Double { Double(nanoseconds) / 1e6 }
        var metrics: [Metric] = []
        if tls.connectTime.totalCount > 0 {
            metrics.append(.connectP50Ms(ms(tls.connectTime.value(atPercentile: 50))))
            metrics.append(.connectP99Ms(ms(tls.connectTime.value(atPercentile: 99))))
        }
        if tls.handshakeTime.totalCount > 0 {
            metrics.append(.handshakeP50Ms(ms(tls.handshakeTime.value(atPercentile: 50))))
            metrics.append(.handshakeP99Ms(ms(tls.handshakeTime.value(atPercentile: 99))))
        }
        metrics.append(.handshakesPerSec(handshakesPerSecond))
        metrics.append(.fullHandshakesPerSec(fullHandshakesPerSecond))
        metrics.append(.resumedHandshakesPerSec(resumedHandshakesPerSecond))
        metrics.append(.tlsErrors(Double(errors.tls)))
        return metrics
    }

    /// The TLS lines of the table: verification, protocol, handshakes, connect and handshake times, error reasons.
    var tlsLines: [String] {
        guard let tls else { return [] }
        func times(_ histogram: LatencyHistogram) -> String {
            guard histogram.totalCount > 0 else { return "none in the window" }
            let values = [50.0, 90, 99].map {
                NumberText.fixed(Double(histogram.value(atPercentile: $0)) / 1e6, decimals: 3)
            }
            return "p50 \(values[0]) · p90 \(values[1]) · p99 \(values[2]) · max "
                + "\(NumberText.fixed(Double(histogram.maxValue) / 1e6, decimals: 3)) ms (\(histogram.totalCount))"
        }
        var lines = [
            "",
            "TLS           \(tls.protocolVersion ?? "no handshake completed") · verification \(tls.verification) · "
                + "resumption \(tls.resumption ? "on" : "off (--no-resume)")",
            "  Handshakes  \(NumberText.fixed(handshakesPerSecond, decimals: 1))/s: full "
                + "\(tls.fullHandshakes) (\(NumberText.fixed(fullHandshakesPerSecond, decimals: 1))/s) · resumed "
                + "\(tls.resumedHandshakes) (\(NumberText.fixed(resumedHandshakesPerSecond, decimals: 1))/s)",
            "  Connect     \(times(tls.connectTime))",
            "  Handshake   \(times(tls.handshakeTime))",
        ]
        let reasons = tls.failureReasons.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        lines.append("  TLS errors  \(errors.tls)\(reasons.isEmpty ? "" : ":")")
        for (reason, count) in reasons { lines.append("    \(count) × \(reason)") }
        return lines
    }
}
