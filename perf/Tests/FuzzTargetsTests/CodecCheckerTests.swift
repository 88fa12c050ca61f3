import FuzzTargets
import LoadGen
import PerfResult
import Testing

@Suite struct ScenarioCheckerTests {
    static let scenario = Array(#"{"target": "http://127.0.0.1:8080/", "duration": "1s"}"#.utf8)

    @Test func theRealParserKeepsThePropertiesOnAValidAndAnInvalidScenario() {
        #expect(ScenarioCheck.check(Self.scenario) == nil)
        #expect(ScenarioCheck.check(Array(#"{"target": 1}"#.utf8)) == nil)
        #expect(ScenarioCheck.check(Array("{".utf8)) == nil)
    }

    @Test func anErrorOfTheWrongKindOrFileFails() {
        let unreadable = ScenarioCheck.check(Self.scenario) { (_, path, _) throws(LoadGenError) in
            throw .unreadableFile(path: path, reason: "no")
        }
        #expect(unreadable?.description.contains("other than malformedJSON") == true)
        let elsewhere = ScenarioCheck.check(Self.scenario) { (_, _, _) throws(LoadGenError) in
            throw .invalidField(field: "duration", reason: "bad", file: "other.json")
        }
        #expect(elsewhere?.description.contains("invalidField without") == true)
    }

    @Test func aScenarioThatDoesNotValidateFails() {
        let failure = ScenarioCheck.check(Self.scenario) { (_, _, _) throws(LoadGenError) in
            var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:8080/"))
            configuration.duration = .zero
            return Scenario(name: "zero", configuration: configuration)
        }
        #expect(failure?.description.contains("does not validate") == true)
    }
}

@Suite struct ReportCheckerTests {
    static let report = Array(
        #"{"schema": "perfresult/1", "suite": "s", "environment": {}, "results": []}"#.utf8)

    @Test func theRealCodecKeepsTheProperties() {
        #expect(ReportCheck.check(Array("{}".utf8)) == nil)
        #expect(ReportCheck.check(Array("[".utf8)) == nil)
    }

    @Test func aLossyEncodingFails() throws {
        let seed = try #require(CorpusFiles.read(CorpusReplayTests.fuzzDirectory + "/corpus/report/macro-knee.json"))
        #expect(ReportCheck.check(seed) == nil)
        let failure = ReportCheck.check(
            seed,
            encode: { (report) throws(PerfResultError) in
                try Report(suite: report.suite, environment: report.environment).jsonBytes()
            })
        #expect(failure?.description.contains("differs from the report") == true)
    }

    @Test func anErrorNamingAnotherPathFails() {
        let failure = ReportCheck.check(
            Self.report,
            decode: { (_, _) throws(PerfResultError) in
                throw .malformedReport(path: "elsewhere.json", jsonPath: "$", reason: "bad")
            })
        #expect(failure?.description.contains("wrong kind or path") == true)
    }
}

@Suite struct JSONCheckerTests {
    @Test func theRealReaderAgreesWithFoundationWhereComparable() {
        for text in [#"{"a": ["x", 1, {"b": "\u00e9"}]}"#, "[1,]", #"{"a":1,"a":2}"#, "tru", "\"\\ud800\"", "1e400"] {
            #expect(JSONReaderCheck.check(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test func readPathsThatDisagreeFail() {
        let failure = JSONReaderCheck.check(Array("[]".utf8)) { _ in
            (.value(.scalar), .rejected(offset: 0, reason: "no"))
        }
        #expect(failure?.description.contains("skipValue says") == true)
    }

    @Test func aReadingThatDiffersFromFoundationFails() {
        let failure = JSONReaderCheck.check(Array(#"{"a": "b"}"#.utf8)) { _ in
            (.value(.scalar), .value(.object(["a": .string(Array("c".utf8))])))
        }
        #expect(failure?.description.contains("Foundation") == true)
        let rejected = JSONReaderCheck.check(Array("[1]".utf8)) { _ in
            (.rejected(offset: 1, reason: "no"), .rejected(offset: 1, reason: "no"))
        }
        #expect(rejected?.description.contains("Foundation") == true)
    }
}
