import Foundation
import PerfResult
import Testing

@Suite struct LimitTests {
    private func reportWithLimits() throws -> Report {
        var result = try Result(name: "parse/line", metrics: [.nsPerOp(120), .allocsPerOp(0), .retainsPerOp(2)])
        result.limits = [
            "allocsPerOp": .exactly(0), "retainsPerOp": .atMost(2), "opsPerSec": .atLeast(1_000),
            "nsPerOp": .relative(percent: 5),
        ]
        return try Report(suite: "micro", environment: fixedEnvironment(), results: [result])
    }

    @Test func declaredLimitsSurviveAJSONRoundTrip() throws {
        let report = try reportWithLimits()
        let decoded = try Report.decode(try report.jsonBytes(), path: "micro.json")
        #expect(decoded.results[0].limits == report.results[0].limits)
        let text = String(decoding: try report.jsonBytes(), as: UTF8.self)
        #expect(text.contains("\"relativePercent\""))
    }

    @Test func aResultWithoutLimitsWritesNoLimitsMember() throws {
        let text = String(decoding: try sampleReport().jsonBytes(), as: UTF8.self)
        #expect(!text.contains("limits"))
    }

    @Test func aLimitWithTwoBoundsIsRefusedNamingItsPath() throws {
        let text = String(decoding: try reportWithLimits().jsonBytes(), as: UTF8.self)
        let bad = text.replacingOccurrences(of: "\"exactly\" : 0", with: "\"exactly\" : 0, \"atMost\" : 1")
        let error = try #require(decodeError(Array(bad.utf8)))
        #expect(error.description.contains("results[0].limits.allocsPerOp"))
        #expect(error.description.contains("exactly one of exactly, atMost, atLeast, relativePercent"))
    }

    @Test func aNegativeRelativeLimitIsRefused() throws {
        let text = String(decoding: try reportWithLimits().jsonBytes(), as: UTF8.self)
        let bad = text.replacingOccurrences(of: "\"relativePercent\" : 5", with: "\"relativePercent\" : -5")
        let error = try #require(decodeError(Array(bad.utf8)))
        #expect(error.description.contains("results[0].limits.nsPerOp.relativePercent"))
    }

    @Test func absoluteBoundsAdmitWhatTheySayAndRelativeNeedsABaseline() {
        #expect(Limit.exactly(0).admits(0) == true)
        #expect(Limit.exactly(0).admits(0.01) == false)
        #expect(Limit.exactly(3).admits(3.000_000_000_1) == true)
        #expect(Limit.atMost(2).admits(2) == true)
        #expect(Limit.atMost(2).admits(2.5) == false)
        #expect(Limit.atLeast(1_000).admits(999) == false)
        #expect(Limit.relative(percent: 5).admits(1) == nil)
        #expect(Limit.atMost(2).summary == "≤ 2")
        #expect(Limit.relative(percent: 5).summary == "+5 %")
    }

    @Test func mergingForksKeepsTheDeclaredLimits() throws {
        let fork = try reportWithLimits()
        let merged = try Report.mergingForks([fork, fork])
        #expect(merged.results[0].limits == fork.results[0].limits)
    }
}
