import Foundation
import PerfResult
import Testing

@Suite struct ReportJSONTests {
    @Test func aWrittenReportReadsBackEqual() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/micro.json"
        let report = try sampleReport()
        try report.write(to: path)
        let read = try Report.read(from: path)
        #expect(read == report)
        #expect(read.result(named: "stringOps/concat[size=16]")?["nsPerOp"]?.samples == [41.25, 41.5, 42.0])
    }

    @Test func numbersKeepFullDoublePrecision() throws {
        let value = 0.1 + 0.2
        let report = try Report(
            suite: "micro", environment: fixedEnvironment(),
            results: [Result(name: "a/b", metrics: [.nsPerOp(value, samples: [1e-9, 123_456_789.123_456_78])])])
        let decoded = try Report.decode(try report.jsonBytes(), path: "mem")
        #expect(decoded.results[0]["nsPerOp"]?.value == value)
        #expect(decoded.results[0]["nsPerOp"]?.samples == [1e-9, 123_456_789.123_456_78])
    }

    @Test func theFileHasTheDocumentedShape() throws {
        let object = try JSONSerialization.jsonObject(with: Data(try sampleReport().jsonBytes())) as? [String: Any]
        let json = try #require(object)
        #expect(json["schema"] as? String == "perfresult/1")
        #expect(json["suite"] as? String == "micro")
        let environment = try #require(json["environment"] as? [String: Any])
        #expect(environment["buildConfiguration"] as? String == "release")
        #expect(environment["perfEnv"] as? String == "ci")
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results[0]["name"] as? String == "stringOps/concat[size=16]")
        #expect(results[0]["parameters"] as? [String: String] == ["size": "16"])
        let metrics = try #require(results[0]["metrics"] as? [String: [String: Any]])
        #expect(metrics["nsPerOp"]?["unit"] as? String == "ns")
        #expect(metrics["nsPerOp"]?["better"] as? String == "lower")
        #expect(metrics["opsPerSec"]?["better"] as? String == "higher")
        #expect(metrics["rme"]?["samples"] == nil)
        #expect(results[1]["parameters"] == nil)
    }

    @Test func aPartialRunIsMarkedAndReadsBackPartial() throws {
        var report = try sampleReport()
        let whole = try JSONSerialization.jsonObject(with: Data(try report.jsonBytes())) as? [String: Any]
        #expect(whole?["partial"] == nil)
        report.partial = true
        let bytes = try report.jsonBytes()
        let marked = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]
        #expect(marked?["partial"] as? Bool == true)
        #expect(try Report.decode(bytes, path: "mem").partial)
        #expect(try !Report.decode(try sampleReport().jsonBytes(), path: "mem").partial)
    }

    @Test func membersOfOtherToolsAreIgnoredWhenReading() throws {
        let bytes = try reportJSON(
            replacing: "\"schema\" : \"perfresult/1\",",
            with: "\"schema\" : \"perfresult/1\", \"loadgen\" : { \"format\" : \"loadgen/1\", \"histogram\" : [1, 2] },"
        )
        #expect(try Report.decode(bytes, path: "mem") == sampleReport())
    }

    @Test func absentEnvironmentFieldsStayAbsent() throws {
        let bare = Environment(buildConfiguration: .debug, timestamp: "2026-01-01T00:00:00Z")
        let report = try Report(suite: "micro", environment: bare)
        let decoded = try Report.decode(try report.jsonBytes(), path: "mem")
        #expect(decoded.environment == bare)
        #expect(!String(decoding: try report.jsonBytes(), as: UTF8.self).contains("cpuModel"))
    }

    @Test func nanIsRefusedBeforeAnythingIsWritten() throws {
        let directory = try makeTemporaryDirectory()
        let path = directory + "/micro.json"
        try sampleReport().write(to: path)
        let before = try AtomicFile.read(path)
        var report = try sampleReport()
        try report.append(Result(name: "broken/case", metrics: [.nsPerOp(.nan)]))
        #expect(throws: PerfResultError.nonFiniteValue(path: "results[2].metrics.nsPerOp.value")) {
            try report.write(to: path)
        }
        #expect(try AtomicFile.read(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["micro.json"])
    }

    @Test func infiniteSamplesAreNamedByIndex() throws {
        let report = try Report(
            suite: "micro", environment: fixedEnvironment(),
            results: [Result(name: "a/b", metrics: [.p99Ns(3, samples: [1, 2, .infinity])])])
        #expect(throws: PerfResultError.nonFiniteValue(path: "results[0].metrics.p99Ns.samples[2]")) {
            try report.jsonBytes()
        }
        #expect(
            PerfResultError.nonFiniteValue(path: "results[0].metrics.p99Ns.samples[2]").description
                == "results[0].metrics.p99Ns.samples[2] is not a finite number: metric values and samples must be finite (no NaN or infinity)"
        )
    }
}
