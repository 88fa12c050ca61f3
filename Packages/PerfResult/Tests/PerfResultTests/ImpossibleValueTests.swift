import PerfResult
import Testing

/// A report holding a number no measurement can give is refused on read, naming the file and the JSON path.
@Suite struct ImpossibleValueTests {
    @Test func aNegativeTimeIsRefusedNamingFileAndPath() throws {
        let bytes = try reportJSON(replacing: "\"value\" : 41.5", with: "\"value\" : -41.5")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description
                == "perf/results/micro.json: at results[0].metrics.nsPerOp.value: -41.5 ns is impossible: nsPerOp "
                + "cannot be negative (only a key naming a Slope, Delta, Growth or Change may be); the tool that "
                + "wrote this file is at fault, so measure again with a fixed tool")
    }

    @Test func aNegativeSampleIsRefusedToo() throws {
        let bytes = try reportJSON(replacing: "41.25", with: "-41.25")
        let error = try #require(decodeError(bytes))
        guard case let .malformedReport(_, jsonPath, _) = error else {
            Issue.record("expected malformedReport, got \(error)")
            return
        }
        #expect(jsonPath == "results[0].metrics.nsPerOp.samples[0]")
    }

    @Test func negativeCountsRatesAndSharesAreRefused() throws {
        for key in ["opsPerSec", "rme", "allocsPerOp", "hitRate"] {
            let metric: Metric =
                switch key {
                case "opsPerSec": .opsPerSec(-1)
                case "rme": .rme(-1)
                case "allocsPerOp": .allocsPerOp(-1)
                default: .hitRate(-0.5)
                }
            let report = try Report(
                suite: "micro", environment: fixedEnvironment(), results: [Result(name: "a/b", metrics: [metric])])
            let error = try #require(decodeError(try report.jsonBytes()), "\(key)")
            guard case let .malformedReport(_, jsonPath, _) = error else {
                Issue.record("expected malformedReport for \(key), got \(error)")
                continue
            }
            #expect(jsonPath == "results[0].metrics.\(key).value")
        }
    }

    @Test func slopesAndGrowthMayBeNegative() throws {
        let report = try Report(
            suite: "memory", environment: fixedEnvironment(),
            results: [
                Result(
                    name: "memory/sawtooth",
                    metrics: [.heapSlopeBytesPerIter(-12.5), .heapGrowthRatio(-0.25), .liveAllocsSlopePerIter(-0.5)])
            ])
        let decoded = try Report.decode(try report.jsonBytes(), path: "memory.json")
        #expect(decoded.results.first?["heapSlopeBytesPerIter"]?.value == -12.5)
        #expect(Metric.heapSlopeBytesPerIter(-1).mayBeNegative)
        #expect(!Metric.nsPerOp(1).mayBeNegative)
    }

    @Test func zeroIsPossible() throws {
        let report = try Report(
            suite: "micro", environment: fixedEnvironment(),
            results: [Result(name: "a/b", metrics: [.nsPerOp(0, samples: [0, 0]), .allocsPerOp(0)])])
        let decoded = try Report.decode(try report.jsonBytes(), path: "micro.json")
        #expect(decoded.results.first?["nsPerOp"]?.samples == [0, 0])
    }
}
