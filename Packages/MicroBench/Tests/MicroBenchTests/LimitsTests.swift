import PerfResult
import Testing

@testable import MicroBench

@Suite struct LimitsTests {
    @Test func aTasksDeclaredLimitsReachItsResult() {
        let clock = FakeClock()
        let task = singleTask { suite in
            suite.bench("work", limits: ["allocsPerOp": .exactly(0), "nsPerOp": .relative(percent: 5)]) {
                clock.advance(1_000)
            }
        }
        let result = Sampler(policy: testPolicy, clocks: clock.clocks).measure(task).result()
        #expect(result.limits == ["allocsPerOp": .exactly(0), "nsPerOp": .relative(percent: 5)])
    }

    @Test func everyValueOfASweepCarriesTheLimits() {
        let suite = Suite("s") { suite in
            suite.bench("scan", sweeping: "size", over: [1, 2], limits: ["retainsPerOp": .atMost(2)]) {
                $0
            } body: {
                blackHole($0)
            }
        }
        #expect(suite.tasks().map(\.limits) == [["retainsPerOp": .atMost(2)], ["retainsPerOp": .atMost(2)]])
    }

    @Test func aTaskWithoutLimitsHasNone() {
        let task = singleTask { $0.bench("plain") {} }
        #expect(task.limits.isEmpty)
    }

    @Test func aLimitOnSomethingThatIsNotAMetricKeyTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Suite("s") { suite in suite.bench("task", limits: ["allocs per op": .exactly(0)]) {} }.tasks()
        }
    }

    @Test func aNegativeRelativeLimitTraps() async {
        await #expect(processExitsWith: .failure) {
            _ = Suite("s") { suite in suite.bench("task", limits: ["nsPerOp": .relative(percent: -5)]) {} }.tasks()
        }
    }
}
