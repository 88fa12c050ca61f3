import PerfResult
import Testing

@testable import perf_service

/// The strategy's targets: the bound, pass and fail at and around it, and how they reach the report and the table.
@Suite struct ServiceTargetTests {
    @Test func theConcurrencyTargetPassesUpTo50MsAndFailsAbove() {
        let target = ServiceTarget.concurrentP95
        #expect(target.key == "latencyP95Ms")
        #expect(target.met(by: 12.5))
        #expect(target.met(by: 50))
        #expect(!target.met(by: 50.01))
    }

    @Test func theQueueTargetPassesFrom10kMessagesPerSecondAndFailsBelow() {
        let target = ServiceTarget.queueRate
        #expect(target.key == "messagesPerSec")
        #expect(target.met(by: 3_000_000))
        #expect(target.met(by: 10_000))
        #expect(!target.met(by: 9_999))
    }

    /// Rounds with known latencies: the figures are medians of the rounds' type-7 quantiles, the rounds are the
    /// samples, and each result carries its target as a limit.
    @Test func resultsAreMediansOfTheRoundsWithTheTargetsAsLimits() throws {
        func round(_ milliseconds: [Double]) -> ConcurrentPipeline.Round {
            ConcurrentPipeline.Round(latenciesNs: milliseconds.map { $0 * 1e6 }, failures: 0, elapsedNs: 1_000_000_000)
        }
        let outcome = ServiceSuite.Outcome(
            pipeline: [
                round(Array(1...100).map(Double.init)), round(Array(1...100).map { Double($0) * 2 }),
                round(Array(1...100).map { Double($0) * 3 }),
            ],
            queue: [
                .init(messages: 20_000, elapsedNs: 1_000_000_000), .init(messages: 5_000, elapsedNs: 500_000_000),
                .init(messages: 40_000, elapsedNs: 1_000_000_000),
            ])
        var options = Options()
        options.publishers = 3
        let results = ServiceSuite.results(outcome, options: options)
        #expect(results.map(\.name) == ["concurrency/pipeline[clients=100]", "queue/topicStore[publishers=3]"])
        let pipeline = results[0]
        // p95 (type 7) of 1…100 is 95.05; of twice that 190.1; the median of the three rounds is the middle one.
        #expect(abs(pipeline["latencyP95Ms"]!.value - 190.1) < 1e-9)
        #expect(pipeline["latencyP95Ms"]!.samples?.count == 3)
        #expect(pipeline["requestsPerSec"]!.value == 100)
        #expect(pipeline["latencyMaxMs"]!.value == 300)
        #expect(pipeline.limits == ["latencyP95Ms": .atMost(50)])
        let queue = results[1]
        #expect(queue["messagesPerSec"]!.value == 20_000)
        #expect(queue["messagesPerSec"]!.better == .higher)
        #expect(queue.limits == ["messagesPerSec": .atLeast(10_000)])
    }

    @Test func theTableShowsEachTargetWithPassOrFail() throws {
        let results = [
            try Result(name: "concurrency/pipeline[clients=100]", metrics: [.latencyP95Ms(62.5)]).limited(
                ServiceTarget.concurrentP95),
            try Result(
                name: "queue/topicStore[publishers=2]",
                metrics: [try Metric(key: "messagesPerSec", value: 12_000, unit: .perSecond, better: .higher)]
            ).limited(ServiceTarget.queueRate),
        ]
        let verdicts = ServiceSuite.verdicts(results)
        #expect(verdicts.map(\.met) == [false, true])
        let lines = ServiceSuite.table(verdicts).split(separator: "\n").map(String.init)
        #expect(lines[0].contains("target") && lines[0].contains("verdict"))
        #expect(lines[1].contains("62.500 ms") && lines[1].contains("≤ 50 ms") && lines[1].hasSuffix("FAIL"))
        #expect(lines[2].contains("12,000 msg/s") && lines[2].contains("≥ 10,000 msg/s") && lines[2].hasSuffix("pass"))
    }
}

extension Result {
    fileprivate func limited(_ target: ServiceTarget) -> Result {
        var copy = self
        copy.limits = [target.key: target.limit]
        return copy
    }
}
