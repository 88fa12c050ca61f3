import PerfResult
import PerfSupport

/// Coordinated omission, against an analytic answer: `loadgen` at constant arrivals (1,000/s for 20 s) against
/// `loadgen-target --stall-every 10s --stall-for 1s` (`perf/verify/coordinated-omission.json`). Requests due
/// during a stall wait for its end, so one in ten sees a uniform 0–1 s and the corrected p99 is 0.9 s; only the
/// 50 requests on the wire at each stall's start see it after their write, 0.5 % of all, so the uncorrected
/// p99 stays at the service time. A tool without the correction reports the second figure for both.
enum CoordinatedOmissionCheck {
    static let correctedBar = "0.8–1.0 s (analytic 0.9 s)"
    static let uncorrectedBar = "< 50 ms"

    static func rows(_ context: VerifyContext, scenario: String) -> [VerifyRow] {
        let names = [
            "loadgen/coordinatedOmission[figure=correctedP99]", "loadgen/coordinatedOmission[figure=uncorrectedP99]",
        ]
        let bars = [correctedBar, uncorrectedBar]
        guard let loadgen = context.product("loadgen", in: context.loadGenProducts),
            context.product("loadgen-target", in: context.loadGenProducts) != nil
        else {
            return zip(names, bars).map {
                .failed($0, bar: $1, why: "loadgen and loadgen-target are not built in \(context.loadGenProducts)")
            }
        }
        let path = context.file("coordinated-omission.json")
        let report: Report
        do {
            let outcome = try context.run(
                loadgen, ["--scenario", scenario, "--no-progress", "--json", path], timeout: .seconds(120))
            guard outcome.termination == .exited(0) else {
                return zip(names, bars).map {
                    .failed($0, bar: $1, why: "loadgen: \(lastLines(outcome.standardErrorText))")
                }
            }
            report = try Report.read(from: path)
        } catch {
            return zip(names, bars).map { .failed($0, bar: $1, why: "\(error)") }
        }
        guard let total = report.results.first(where: { $0.name.hasSuffix("/total") }),
            let corrected = total["latencyP99Ms"]?.value, let uncorrected = total["uncorrectedLatencyP99Ms"]?.value
        else {
            return zip(names, bars).map { .failed($0, bar: $1, why: "\(path) has no total with both p99s") }
        }
        return [
            .judged(
                names[0], ours: corrected / 1000, reference: 0.9, unit: .seconds, bar: correctedBar,
                note: "from each request's intended send time", holds: (0.8...1.0).contains(corrected / 1000)),
            .judged(
                names[1], ours: uncorrected / 1000, reference: nil, unit: .seconds, bar: uncorrectedBar,
                note: "from the write; small, or the check itself is wrong", holds: uncorrected < 50),
        ]
    }
}
