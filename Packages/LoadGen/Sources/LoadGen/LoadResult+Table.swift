/// The human summary of a run, printed by `loadgen` (autocannon-like, aligned, no colour).
extension LoadResult {
    /// The summary as lines of text: target, window, a latency table, throughput, errors by class,
    /// status codes, and for the open model the achieved rate with late and dropped sends.
    public func summaryTable(warmup: Duration = .zero) -> String {
        var lines: [String] = []
        let threadText = threads == 1 ? "1 thread" : "\(threads) threads"
        lines.append(
            "Target        \(target) · \(model.rawValue) model · \(connections) connections · \(threadText) · "
                + "pipelining \(pipelining)")
        var window = "Window        \(NumberText.fixed(Double(windowNs) / 1e9, 2)) s"
        if warmup > .zero {
            window += " after a \(DurationText.format(warmup)) warmup (\(warmupSent) requests"
            window += warmupSkipped > 0 ? ", \(warmupSkipped) unsent skipped)" : ")"
        }
        window += " · \(completed) responses (\(drained) drained after the deadline, \(abandoned) abandoned)"
        lines.append(window)
        lines.append("")
        var header = ["Latency (ms)"]
        header += LoadResult.percentiles.map(\.label) + ["max", "mean", "stdev"]
        func row(_ label: String, _ histogram: LatencyHistogram) -> [String] {
            [label]
                + LoadResult.percentiles.map {
                    NumberText.milliseconds(Double(histogram.value(atPercentile: $0.percentile)))
                }
                + [
                    NumberText.milliseconds(Double(histogram.maxValue)), NumberText.milliseconds(histogram.mean),
                    NumberText.milliseconds(histogram.standardDeviation),
                ]
        }
        lines += NumberText.columns([header, row("corrected", latency), row("uncorrected", uncorrectedLatency)])
        if model == .closed {
            lines.append(
                "(closed model: corrected from when the connection could take the request, uncorrected from the send)")
        } else {
            lines.append("(open model: corrected from the scheduled send time, uncorrected from the actual send)")
        }
        lines.append(
            "In flight     \(NumberText.fixed(meanRequestsInFlight, 1)) requests on average (requests/s × mean "
                + "uncorrected latency; at most \(connections * pipelining) = \(connections) connections × "
                + "pipelining \(pipelining))")
        lines.append("")
        var throughput = "Requests/s    \(NumberText.fixed(requestsPerSecond, 1))"
        let rates = perSecond.filter { secondLength($0.second) >= 1 }.map { Double($0.requests) }.sorted()
        if !rates.isEmpty {
            throughput +=
                "  (per second: min \(NumberText.fixed(rates[0], 0)), median "
                + "\(NumberText.fixed(rates[rates.count / 2], 0)), max \(NumberText.fixed(rates[rates.count - 1], 0)))"
        }
        lines.append(throughput)
        lines.append("Bytes/s       \(NumberText.bytes(bytesPerSecond))/s")
        lines.append("Client CPU    \(NumberText.fixed(clientCPUMicrosecondsPerRequest, 2)) µs/request")
        let classes = ErrorClass.allCases.map { "\($0) \(errors[$0])" }.joined(separator: " · ")
        lines.append(
            "Errors        \(failures) (\(NumberText.fixed(errorRate * 100, 3)) %): \(classes) · status ≥ 400 \(httpErrors)"
        )
        let statuses = statusCounts.sorted { $0.key < $1.key }.map {
            "\($0.key == 0 ? "other" : String($0.key)): \($0.value)"
        }
        lines.append("Status codes  \(statuses.isEmpty ? "none" : statuses.joined(separator: " · "))")
        if model == .open {
            var open = "Open model    "
            if let targetRate {
                let deviation = (requestsPerSecond / targetRate - 1) * 100
                open +=
                    "target \(NumberText.fixed(targetRate, 1)) req/s · achieved \(NumberText.fixed(requestsPerSecond, 1)) "
                    + "req/s (\(deviation >= 0 ? "+" : "")\(NumberText.fixed(deviation, 2)) %) · "
            }
            open += "late \(late) (sent after the late threshold, 1 ms by default) · dropped \(dropped) (never sent)"
            lines.append(open)
        }
        if outOfRange > 0 {
            lines.append("Out of range  \(outOfRange) latencies above 18 minutes (not in percentiles)")
        }
        return lines.joined(separator: "\n")
    }
}

extension LoadProgress {
    /// One line for a live display: phase, elapsed time and the latest second's figures.
    public var line: String {
        let elapsedSeconds = Int(elapsed.components.seconds)
        let total = Int(measuredDuration.components.seconds)
        var text = "[\(elapsedSeconds)s of \(total)s] \(phase.rawValue) · \(completed) responses · \(errors) errors"
        if let last = latestSecond {
            text += " · last second: \(last.requests) req/s"
            if let p50 = last.latencyP50Ns, let p99 = last.latencyP99Ns {
                text +=
                    " · p50 \(NumberText.milliseconds(Double(p50))) ms · p99 \(NumberText.milliseconds(Double(p99))) ms"
            }
        }
        return text
    }
}
