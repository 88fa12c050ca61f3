import LoadGen
import PerfResult
import PerfSupport

/// The knee of a stress ramp: as arrivals rise, the last second that still kept up, before the first second
/// with errors or with a p99 above the limit. LoadGen reports the per-second series but no knee; this reads it.
///
/// With an open-model ramp, a second's throughput follows its arrivals until the service saturates; from
/// then on requests queue (the corrected p99 jumps) or fail. The knee's throughput is the largest of the
/// seconds before that breach.
struct StressKnee: Equatable {
    /// The knee: the second (0 = first of the measured window), its responses and its p99; `nil` when the very
    /// first second breached.
    var knee: (second: Int, requests: UInt64, p99Ns: UInt64?)?
    /// The first breaching second and why; `nil` when the service kept up through the whole ramp.
    var breach: (second: Int, reason: String)?
    /// The most responses of any second.
    var peakRequests: UInt64

    static func == (left: StressKnee, right: StressKnee) -> Bool {
        left.knee?.second == right.knee?.second && left.knee?.requests == right.knee?.requests
            && left.knee?.p99Ns == right.knee?.p99Ns && left.breach?.second == right.breach?.second
            && left.breach?.reason == right.breach?.reason && left.peakRequests == right.peakRequests
    }

    /// Finds the knee in `seconds` (in order), calling a second with any error, or with a p99 above
    /// `p99Limit`, a breach.
    /// - Complexity: O(seconds).
    init(seconds: [SecondSample], p99Limit: Duration) {
        let limit = p99Limit.nanosecondsClamped
        peakRequests = seconds.map(\.requests).max() ?? 0
        var knee: (second: Int, requests: UInt64, p99Ns: UInt64?)?
        for sample in seconds {
            if sample.errors > 0 {
                breach = (sample.second, "\(sample.errors) error(s)")
                break
            }
            if let p99 = sample.latencyP99Ns, p99 > limit {
                let over = NumberText.fixed(Double(p99) / 1e6, decimals: 3)
                breach = (sample.second, "p99 \(over) ms > \(NumberText.fixed(Double(limit) / 1e6, decimals: 3)) ms")
                break
            }
            if knee == nil || sample.requests > knee!.requests {
                knee = (sample.second, sample.requests, sample.latencyP99Ns)
            }
        }
        self.knee = knee
    }

    /// One line for the terminal.
    func line(name: String) -> String {
        guard let breach else {
            return "\(name): no knee: no second had errors or a p99 over the limit (peak \(peakRequests) req/s); "
                + "ramp higher"
        }
        guard let knee else {
            return "\(name): breached in the first second (\(breach.reason)): start the ramp lower"
        }
        return "\(name): knee \(knee.requests) req/s at second \(knee.second)"
            + (knee.p99Ns.map { " (p99 \(NumberText.fixed(Double($0) / 1e6, decimals: 3)) ms)" } ?? "")
            + "; second \(breach.second) breached: \(breach.reason)"
    }

    /// The knee as metrics: `kneeRequestsPerSec` and `kneeLatencyP99Ms`; none without a knee and a breach.
    var metrics: [Metric] {
        guard let knee, breach != nil else { return [] }
        var metrics = [
            try! Metric(
                key: "kneeRequestsPerSec", value: Double(knee.requests), unit: .requestsPerSecond, better: .higher)
        ]
        if let p99 = knee.p99Ns {
            metrics.append(
                try! Metric(key: "kneeLatencyP99Ms", value: Double(p99) / 1e6, unit: .milliseconds, better: .lower))
        }
        return metrics
    }

    /// Reads a `loadgen --json` report and finds the knee of each of its results.
    /// - Throws: `DemoLoadError.report` when the file is not a loadgen report.
    static func read(path: String, p99Limit: Duration) throws(DemoLoadError) -> [(name: String, knee: StressKnee)] {
        do {
            let (_, entries) = try LoadReport.read(from: path)
            return entries.map { ($0.name, StressKnee(seconds: $0.result.perSecond, p99Limit: p99Limit)) }
        } catch {
            throw .report("\(error)")
        }
    }
}
