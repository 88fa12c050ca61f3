import PerfResult
import Testing

@testable import perf_pools

/// Bars evaluated on synthetic per-round figures: ratios, medians, limits and the metric they become.
@Suite struct BarTests {
    @Test func theRatioIsTheMedianOfPerRoundRatios() throws {
        let bar = Bar.all[0]
        let outcome = try #require(
            BarOutcome.evaluate(bar, subject: [4, 5, 30, 4.4], baseline: [40, 40, 40, 40]))
        let expected: [Double] = [0.1, 0.125, 0.75, 4.4 / 40]
        #expect(outcome.ratios == expected)
        #expect(abs(outcome.ratio - 0.1175) < 1e-12)
        #expect(outcome.met == true)
    }

    @Test func exactlyAtTheLimitMeetsAnAtMostBar() throws {
        let bar = Bar.all[0]
        #expect(bar.limit == .atMost(0.5))
        #expect(BarOutcome.evaluate(bar, subject: [20], baseline: [40])?.met == true)
        #expect(BarOutcome.evaluate(bar, subject: [20.4], baseline: [40])?.met == false)
    }

    @Test func theScalingBarNeedsAtLeastOnePointSixTimesTheOneThreadThroughput() throws {
        let bar = try #require(Bar.all.first { $0.metricKey == "scalingRatio" })
        #expect(bar.limit == .atLeast(1.6))
        #expect(bar.better == .higher)
        #expect(BarOutcome.evaluate(bar, subject: [320, 400], baseline: [200, 200])?.met == true)
        #expect(BarOutcome.evaluate(bar, subject: [300, 310], baseline: [200, 200])?.met == false)
        #expect(BarOutcome.evaluate(bar, subject: [320], baseline: [200])?.met == true)
    }

    @Test func aBarWithoutALimitHasNoVerdict() throws {
        let bar = try #require(Bar.all.first { $0.metricKey == "cpuScalingRatio" })
        let outcome = try #require(BarOutcome.evaluate(bar, subject: [99], baseline: [100]))
        #expect(outcome.met == nil)
        #expect(abs(outcome.ratio - 0.99) < 1e-12)
    }

    @Test func roundsArePairedInOrderAndBadBaselinesSkipped() throws {
        let bar = Bar.all[0]
        let outcome = try #require(
            BarOutcome.evaluate(bar, subject: [1, 2, 3, 4], baseline: [10, 0, .infinity]))
        #expect(outcome.ratios == [0.1])
        #expect(BarOutcome.evaluate(bar, subject: [1], baseline: [0]) == nil)
        #expect(BarOutcome.evaluate(bar, subject: [], baseline: [10]) == nil)
    }

    @Test func theOutcomeBecomesARatioMetricWithPerRoundSamples() throws {
        let bar = Bar.all[0]
        let metric = try #require(BarOutcome.evaluate(bar, subject: [4, 5, 6], baseline: [40, 40, 40])).metric
        #expect(metric.key == "poolToAllocRatio")
        #expect(metric.unit == .ratio)
        #expect(metric.better == .lower)
        #expect(metric.value == 0.125)
        #expect(metric.samples == [0.1, 0.125, 0.15])
    }

    @Test func theIssuesFourBarsAndTheirBaselinesAreDeclared() {
        let bars = Bar.all.filter { !$0.isReference }
        #expect(
            bars.map(\.label) == [
                "object/pool ÷ object/alloc", "buffer4k/pool ÷ buffer4k/alloc", "buffer64k/pool ÷ buffer64k/alloc",
                "threads2/pool ÷ threads1/pool",
            ])
        #expect(bars.map(\.limit) == [.atMost(0.5), .atMost(0.25), .atMost(0.05), .atLeast(1.6)])
        let references = Bar.all.filter(\.isReference).map(\.label)
        #expect(
            references == [
                "buffer4k/pool ÷ buffer4k/reserve", "buffer64k/pool ÷ buffer64k/reserve",
                "threads2/pool ÷ threads1/pool per CPU-s",
            ])
    }

    @Test func everyBarNamesCasesTheSuiteHas() {
        let names = PoolCase.names
        for bar in Bar.all {
            #expect(names.contains(bar.subject), "\(bar.subject)")
            #expect(names.contains(bar.baseline), "\(bar.baseline)")
        }
    }
}
