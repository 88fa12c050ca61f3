import PerfSupport

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
        var window = "Window        \(NumberText.fixed(Double(windowNs) / 1e9, decimals: 2)) s"
        if warmup > .zero {
            window += " after a \(UnitText.format(warmup)) warmup (\(warmupSent) requests"
            window += warmupSkipped > 0 ? ", \(warmupSkipped) unsent skipped)" : ")"
        }
        window += " · \(completed) responses (\(drained) drained after the deadline, \(abandoned) abandoned)"
        lines.append(window)
        lines.append("")
        let numbers = LoadResult.percentiles.map(\.label) + ["max", "mean", "stdev"]
        var table = TextTable([.left("Latency (ms)")] + numbers.map { .right($0) })
        for (label, histogram) in [("corrected", latency), ("uncorrected", uncorrectedLatency)] {
            // Censored values are lower bounds, so are the percentiles, max and mean they enter (not the stdev).
            let bound = label == "corrected" && censored > 0 ? "≥" : ""
            let percentiles = LoadResult.percentiles.map { Double(histogram.value(atPercentile: $0.percentile)) }
            let values = percentiles + [Double(histogram.maxValue), histogram.mean]
            let cells = values.map { bound + milliseconds($0) } + [milliseconds(histogram.standardDeviation)]
            table.append([.init(label)] + cells.map { .init($0) })
        }
        lines.append(table.rendered())
        if model == .closed {
            lines.append(
                "(closed model: corrected from when the connection could take the request, uncorrected from the send)")
        } else {
            lines.append("(open model: corrected from the scheduled send time, uncorrected from the actual send)")
        }
        if let unsent = unsentLine { lines.append(unsent) }
        let inFlight = NumberText.fixed(meanRequestsInFlight, decimals: 1)
        lines.append(
            "In flight     \(inFlight) requests on average (requests/s × mean "
                + "uncorrected latency; at most \(connections * pipelining) = \(connections) connections × "
                + "pipelining \(pipelining))")
        lines.append("")
        var throughput = "Requests/s    \(NumberText.fixed(requestsPerSecond, decimals: 1))"
        let rates = SortedSample(perSecond.filter { secondLength($0.second) >= 1 }.map { Double($0.requests) })
        if !rates.isEmpty {
            let (minimum, median, maximum) = (rates.minimum, rates.median, rates.maximum)
            let scope = secondsDropped > 0 ? "per second of the last \(perSecond.count) s" : "per second"
            throughput +=
                "  (\(scope): min \(NumberText.fixed(minimum, decimals: 0)), median "
                + "\(NumberText.fixed(median, decimals: 0)), max \(NumberText.fixed(maximum, decimals: 0)))"
        }
        lines.append(throughput)
        if secondsDropped > 0 {
            lines.append(
                "Per second    kept the last \(perSecond.count) s only (secondsKept): the first \(secondsDropped) s "
                    + "are in the totals, not in the per-second series")
        }
        lines.append("Bytes/s       \(NumberText.si(bytesPerSecond, unit: "B/s"))")
        lines.append("Client CPU    \(NumberText.fixed(clientCPUMicrosecondsPerRequest, decimals: 2)) µs/request")
        let classes = ErrorClass.allCases.map { "\($0) \(errors[$0])" }.joined(separator: " · ")
        let errorPercent = NumberText.fixed(errorRate * 100, decimals: 3)
        lines.append("Errors        \(failures) (\(errorPercent) %): \(classes) · status ≥ 400 \(httpErrors)")
        let statuses = statusCounts.sorted { $0.key < $1.key }.map {
            "\($0.key == 0 ? "other" : String($0.key)): \($0.value)"
        }
        lines.append("Status codes  \(statuses.isEmpty ? "none" : statuses.joined(separator: " · "))")
        if model == .open {
            var open = "Open model    "
            if let targetRate {
                let deviation = NumberText.fixed((requestsPerSecond / targetRate - 1) * 100, decimals: 2, signed: true)
                open += "target \(NumberText.fixed(targetRate, decimals: 1)) req/s · "
                open += "achieved \(NumberText.fixed(requestsPerSecond, decimals: 1)) req/s (\(deviation) %) · "
            }
            open += "late \(late) (sent after the late threshold, 1 ms by default) · dropped \(dropped) (never sent"
            open += dropped > 0 ? ": see Unsent)" : ")"
            lines.append(open)
        }
        if outOfRange > 0 {
            lines.append("Out of range  \(outOfRange) latencies above 18 minutes (not in percentiles)")
        }
        lines += tlsLines
        lines += serviceLines
        return lines.joined(separator: "\n")
    }
}

extension LoadResult {
    /// Open model with requests never sent: how many of those scheduled, and how the corrected row holds them.
    var unsentLine: String? {
        guard model == .open, dropped > 0 else { return nil }
        let scheduled = sent + dropped
        let share = NumberText.fixed(Double(dropped) / Double(scheduled) * 100, decimals: 2)
        var line = "Unsent        \(dropped) of \(scheduled) scheduled requests (\(share) %) never sent"
        if censored > 0 {
            line += ": each is in the corrected row at how long it had waited when sending stopped, "
            line += "so those figures are lower bounds (≥)"
        }
        if dropped > censored {
            line += " · \(dropped - censored) of them in no latency (above 18 minutes, or from a report written before "
            line += "loadgen counted unsent requests in)"
        }
        return line
    }
}

extension LoadResult {
    /// The sampled service's figures over the window: RSS, CPU, threads, open files, context switches; none
    /// without a sampled service.
    var serviceLines: [String] {
        guard let service, let usage = serviceUsage else { return [] }
        func bytes(_ value: Int?) -> String { value.map { NumberText.bytes(Double($0)) } ?? "-" }
        func number(_ value: Double?, _ decimals: Int) -> String {
            value.map { NumberText.fixed($0, decimals: decimals) } ?? "-"
        }
        let interval = UnitText.format(.nanoseconds(Int64(clamping: service.intervalNs)))
        let cores = service.processors == 1 ? "1 core" : "all \(service.processors) cores"
        return [
            "",
            "Service       pid \(service.pid) · \(usage.sampleCount) samples under load, every \(interval)",
            "  RSS         start \(bytes(usage.residentStartBytes)) · mean \(bytes(usage.residentMeanBytes.map { Int($0) }))"
                + " · peak \(bytes(usage.residentPeakBytes))",
            "  CPU         \(number(usage.cpuPercent, 1)) % of one core · \(number(usage.cpuPercentOfAllCores, 1)) % of \(cores)",
            "  Threads     peak \(usage.threadsPeak.map(String.init) ?? "-") · open files peak "
                + (usage.openFilesPeak.map(String.init) ?? "-"),
            "  Switches    \(number(usage.voluntaryContextSwitchesPerSecond, 0))/s voluntary · "
                + "\(number(usage.involuntaryContextSwitchesPerSecond, 0))/s involuntary (context switches)",
        ]
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
                    " · p50 \(milliseconds(Double(p50))) ms · p99 \(milliseconds(Double(p99))) ms"
            }
        }
        return text
    }
}

/// A latency in nanoseconds as milliseconds with three decimals, the unit of every latency `loadgen` prints.
private func milliseconds(_ nanoseconds: Double) -> String {
    NumberText.fixed(nanoseconds / 1e6, decimals: 3)
}
