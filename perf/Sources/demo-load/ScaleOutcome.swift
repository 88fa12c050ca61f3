import PerfResult
import PerfSupport

/// What one configuration of the scaling sweep measured.
struct ScalePoint: Equatable {
    var configuration: ScaleConfiguration
    /// The knee of its ramp; without a breach (the ramp never saturated the service) there is no knee.
    var knee: StressKnee
    /// Seconds measured (the ramp stops at its first breach).
    var seconds: Int

    /// The knee's requests/s, when the ramp had a knee and a breach after it (the knee's metrics exist).
    var kneeRequests: Double? {
        guard let point = knee.knee, knee.breach != nil else { return nil }
        return Double(point.requests)
    }

    /// `sustainedRequestsPerSec`: the busiest second the service kept up with (no error, p99 within the limit):
    /// the knee when the ramp breached, a lower bound of it when the ramp ended first. Present whenever a second
    /// kept up, so that every configuration has a point on the curve, on a quiet machine as on a busy one.
    var sustainedMetric: Metric? {
        guard let point = knee.knee else { return nil }
        return try? Metric(
            key: "sustainedRequestsPerSec", value: Double(point.requests), unit: .requestsPerSecond, better: .higher)
    }
}

/// The sweep's points as a table, scaling efficiencies and a PerfResult report.
struct ScaleOutcome {
    var points: [ScalePoint]

    /// knee(n) / (n × knee(1)): 1 when n event loops keep up with n times one loop's load, ½ when they add
    /// nothing over one loop at n = 2.
    static func efficiency(knee: Double, instances: Int, singleKnee: Double) -> Double {
        knee / (Double(instances) * singleKnee)
    }

    /// The efficiency of `point` against the one-instance point of its mix; `nil` without both knees.
    func efficiency(of point: ScalePoint) -> Double? {
        guard let knee = point.kneeRequests,
            let single = points.first(where: {
                $0.configuration.instances == 1 && $0.configuration.mix == point.configuration.mix
            })?
            .kneeRequests
        else { return nil }
        return Self.efficiency(knee: knee, instances: point.configuration.instances, singleKnee: single)
    }

    /// instances × mix: knee req/s, p99 at the knee, efficiency; `-` where a knee is missing (the line printed
    /// for that configuration says why).
    var table: String {
        var table = TextTable([
            .left("mix"), .right("instances"), .right("knee req/s"), .right("p99 at knee ms"), .right("efficiency"),
            .right("sustained req/s"), .left("breach"),
        ])
        for point in points {
            table.append([
                point.configuration.mix.rawValue, String(point.configuration.instances),
                point.kneeRequests.map { NumberText.fixed($0, decimals: 0) } ?? "-",
                point.knee.knee?.p99Ns.map { NumberText.fixed(Double($0) / 1e6, decimals: 3) } ?? "-",
                efficiency(of: point).map { NumberText.fixed($0, decimals: 2) } ?? "-",
                point.knee.knee.map { String($0.requests) } ?? "-",
                point.knee.breach.map { "second \($0.second): \($0.reason)" } ?? "none: ramp higher",
            ])
        }
        return table.rendered(indent: "  ")
    }

    /// Suite `scale`: one result `scale/knee[instances=N,mix=M]` per configuration with a second that kept
    /// up: `sustainedRequestsPerSec`, and with a knee also `kneeRequestsPerSec` and `kneeLatencyP99Ms`
    /// (`StressKnee.metrics`); a configuration whose first second breached is left out (its line said why).
    func report(environment: Environment) throws(PerfResultError) -> Report {
        var results: [Result] = []
        for point in points {
            guard let sustained = point.sustainedMetric else { continue }
            results.append(
                try Result(
                    name: "scale/knee", parameters: point.configuration.parameters,
                    metrics: point.knee.metrics + [sustained]))
        }
        return try Report(suite: "scale", environment: environment, results: results)
    }
}
