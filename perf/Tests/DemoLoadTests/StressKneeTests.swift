import LoadGen
import PerfResult
import Testing

@testable import demo_load

@Suite struct StressKneeTests {
    func second(_ index: Int, _ requests: UInt64, p99Ms: Double, errors: UInt64 = 0) -> SecondSample {
        SecondSample(
            second: index, requests: requests, errors: errors, bytes: 0, latencyP50Ns: nil,
            latencyP99Ns: UInt64(p99Ms * 1e6))
    }

    @Test func theKneeIsTheBusiestSecondBeforeTheP99Breach() {
        let knee = StressKnee(
            seconds: [
                second(0, 1000, p99Ms: 0.2), second(1, 9000, p99Ms: 0.5), second(2, 20000, p99Ms: 2),
                second(3, 19000, p99Ms: 4), second(4, 21000, p99Ms: 350), second(5, 22000, p99Ms: 900),
            ], p99Limit: .milliseconds(10))
        #expect(knee.knee?.second == 2 && knee.knee?.requests == 20000 && knee.knee?.p99Ns == 2_000_000)
        #expect(knee.breach?.second == 4 && knee.breach?.reason == "p99 350.000 ms > 10.000 ms")
        #expect(knee.peakRequests == 22000)
        #expect(
            knee.line(name: "s/total")
                == "s/total: knee 20000 req/s at second 2 (p99 2.000 ms); second 4 breached: p99 350.000 ms > 10.000 ms"
        )
        #expect(knee.metrics.map(\.key) == ["kneeRequestsPerSec", "kneeLatencyP99Ms"])
    }

    @Test func errorsAreABreachToo() {
        let knee = StressKnee(
            seconds: [second(0, 1000, p99Ms: 1), second(1, 5000, p99Ms: 1, errors: 3)], p99Limit: .milliseconds(10))
        #expect(knee.knee?.second == 0 && knee.breach?.second == 1 && knee.breach?.reason == "3 error(s)")
    }

    @Test func aRampThatNeverBreachesHasNoKnee() {
        let knee = StressKnee(
            seconds: [second(0, 1000, p99Ms: 1), second(1, 2000, p99Ms: 1)], p99Limit: .milliseconds(10))
        #expect(knee.breach == nil && knee.metrics.isEmpty)
        #expect(
            knee.line(name: "s")
                == "s: no knee: no second had errors or a p99 over the limit (peak 2000 req/s); ramp higher")
    }

    @Test func aBreachInTheFirstSecondSaysToStartLower() {
        let knee = StressKnee(seconds: [second(0, 1000, p99Ms: 50)], p99Limit: .milliseconds(10))
        #expect(knee.knee == nil && knee.metrics.isEmpty)
        #expect(
            knee.line(name: "s") == "s: breached in the first second (p99 50.000 ms > 10.000 ms): start the ramp lower")
    }

    @Test func aFileThatIsNotALoadgenReportIsRefused() {
        #expect(throws: DemoLoadError.self) {
            try StressKnee.read(path: "/nonexistent/report.json", p99Limit: .seconds(1))
        }
    }
}
