import PerfResult
import Testing

@testable import perf_pools

/// The report built from a synthetic run: names, metric keys, units, directions, samples, and JSON.
@Suite struct ReportShapeTests {
    private static let environment = Environment(
        swiftVersion: "6.3.1", buildConfiguration: .release, cpuModel: "Test CPU", logicalCores: 2,
        timestamp: "2026-11-22T00:00:00Z", profile: "quick")

    @Test func theReportHoldsEveryCaseInOrderUnderSuitePools() throws {
        let report = SyntheticRun.complete.report(environment: Self.environment)
        #expect(report.suite == "pools")
        #expect(report.results.map(\.name) == PoolCase.names)
        #expect(
            PoolCase.names == [
                "object/alloc", "object/pool", "buffer4k/alloc", "buffer4k/reserve", "buffer4k/pool", "buffer64k/alloc",
                "buffer64k/reserve", "buffer64k/pool", "threads1/pool", "threads2/pool",
            ])
    }

    @Test func singleThreadResultsCarryMicroBenchsSharedKeysOverEveryRoundsSamples() throws {
        let result = try #require(
            SyntheticRun.complete.report(environment: Self.environment).result(named: "object/alloc"))
        let nsPerOp = try #require(result["nsPerOp"])
        #expect(nsPerOp.samples == [40, 41, 40, 42])
        #expect(nsPerOp.value == 40.5)
        #expect(nsPerOp.unit == .nanoseconds && nsPerOp.better == .lower)
        #expect(result["opsPerSec"]?.value == 1e9 / 40.5)
        #expect(result["allocsPerOp"]?.value == 1)
        #expect(result["bytesPerOp"]?.value == 64)
        #expect(result["p50Ns"]?.value == 40.5)
        #expect(result["p99Ns"] != nil)
        #expect(result["rme"]?.unit == .percent)
        #expect(result.metrics.count == 7)
        #expect(result["hitRate"] == nil)
        #expect(result["poolToAllocRatio"] == nil)
    }

    @Test func pooledResultsCarryTheirRatiosAndHitRate() throws {
        let report = SyntheticRun.complete.report(environment: Self.environment)
        let object = try #require(report.result(named: "object/pool"))
        let objectRatios: [Double] = [4.1 / 40.5, 0.1, 4.2 / 42]
        #expect(object["poolToAllocRatio"]?.samples == objectRatios)
        #expect(object["hitRate"]?.value == 1)
        #expect(object["poolToReserveRatio"] == nil)
        let buffer = try #require(report.result(named: "buffer64k/pool"))
        let zeroed = try #require(buffer["poolToAllocRatio"])
        let reserved = try #require(buffer["poolToReserveRatio"])
        #expect(zeroed.unit == .ratio && zeroed.better == .lower)
        let zeroedRatios: [Double] = [12.0 / 500, 12.0 / 480, 13.0 / 520]
        #expect(zeroed.samples == zeroedRatios)
        let reservedRatios: [Double] = [12.0 / 50, 12.0 / 48, 13.0 / 52]
        #expect(reserved.samples == reservedRatios)
    }

    @Test func threadsResultsReportTotalThroughputWithOneSamplePerRound() throws {
        let report = SyntheticRun.complete.report(environment: Self.environment)
        let one = try #require(report.result(named: "threads1/pool"))
        let two = try #require(report.result(named: "threads2/pool"))
        #expect(one["opsPerSec"]?.samples == [200, 210, 190])
        #expect(two["opsPerSec"]?.samples == [380, 400, 360])
        #expect(two["opsPerSec"]?.value == 380)
        #expect(two["opsPerSec"]?.better == .higher)
        let perThread: [Double] = [2e9 / 380, 2e9 / 400, 2e9 / 360]
        #expect(two["nsPerOp"]?.samples == perThread)
        #expect(two["opsPerCpuSec"]?.samples == [190, 200, 180])
        #expect(two["opsPerCpuSec"]?.unit == .operationsPerSecond)
        #expect(two["allocsPerOp"]?.value == 0)
        let scaling = try #require(two["scalingRatio"])
        let scalingRatios: [Double] = [1.9, 400.0 / 210, 360.0 / 190]
        #expect(scaling.samples == scalingRatios)
        #expect(scaling.value == 1.9)
        #expect(scaling.unit == .ratio && scaling.better == .higher)
        let cpuRatios: [Double] = [0.95, 200.0 / 210, 180.0 / 190]
        #expect(two["cpuScalingRatio"]?.samples == cpuRatios)
        #expect(one["scalingRatio"] == nil)
    }

    @Test func aRatioIsLeftOutWhenItsBaselineWasFilteredOut() throws {
        var run = SyntheticRun.complete
        run.records.removeAll { $0.name == "object/alloc" || $0.name == "threads1/pool" }
        let report = run.report(environment: Self.environment)
        #expect(report.result(named: "object/pool")?["poolToAllocRatio"] == nil)
        #expect(report.result(named: "threads2/pool")?["scalingRatio"] == nil)
        #expect(report.result(named: "buffer4k/pool")?["poolToAllocRatio"] != nil)
        #expect(
            run.outcomes().map(\.bar.metricKey) == [
                "poolToAllocRatio", "poolToReserveRatio", "poolToAllocRatio", "poolToReserveRatio",
            ])
    }

    @Test func theReportSurvivesAJSONRoundTrip() throws {
        let report = SyntheticRun.complete.report(environment: Self.environment)
        let decoded = try Report.decode(try report.jsonBytes(), path: "pools.json")
        #expect(decoded.suite == "pools")
        #expect(decoded.environment == report.environment)
        #expect(decoded.results.map(\.name) == report.results.map(\.name))
        for (read, written) in zip(decoded.results, report.results) {
            #expect(Set(read.metrics) == Set(written.metrics), "\(written.name)")
        }
    }

    @Test func threadFiguresSumEachThreadsRateOverItsOwnElapsedTime() {
        let round = ThreadRound(
            threads: 2,
            tallies: [
                ThreadTally(
                    operations: 1_000, elapsedNanoseconds: 1_000_000, cpuNanoseconds: 1_000_000, allocations: 2,
                    bytes: 128),
                ThreadTally(
                    operations: 500, elapsedNanoseconds: 1_000_000, cpuNanoseconds: 500_000, allocations: 1,
                    bytes: 64),
            ])
        #expect(round.opsPerSecond == 1.5e6)
        #expect(round.nanosecondsPerOperation == 2e9 / 1.5e6)
        #expect(round.opsPerCPUSecond == 1e6)
        #expect(round.allocationsPerOperation == 3.0 / 1500)
        #expect(round.bytesPerOperation == 192.0 / 1500)
    }

    @Test func threadFiguresWithoutCountersOrClocksAreLeftOut() {
        let round = ThreadRound(
            threads: 1,
            tallies: [
                ThreadTally(
                    operations: 10, elapsedNanoseconds: 0, cpuNanoseconds: nil, allocations: nil, bytes: nil)
            ])
        #expect(round.opsPerSecond == 0)
        #expect(round.opsPerCPUSecond == nil)
        #expect(round.allocationsPerOperation == nil)
        let record = ThreadsRecord(name: "threads1/pool", threads: 1, rounds: [round])
        let result = record.result()
        #expect(result["opsPerCpuSec"] == nil)
        #expect(result["allocsPerOp"] == nil)
    }
}
