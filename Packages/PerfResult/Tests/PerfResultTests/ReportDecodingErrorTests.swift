import PerfResult
import Testing

@Suite struct ReportDecodingErrorTests {
    @Test func anUnknownSchemaVersionIsRejectedNamingTheSupportedOne() throws {
        let bytes = try reportJSON(replacing: "\"perfresult/1\"", with: "\"perfresult/2\"")
        let error = try #require(decodeError(bytes))
        #expect(error == .unsupportedSchema(path: "perf/results/micro.json", found: "perfresult/2"))
        #expect(
            error.description
                == "perf/results/micro.json: schema \"perfresult/2\" is not supported; this build reads \"perfresult/1\" (re-run the suite with this version of the tools to regenerate the file)"
        )
    }

    @Test func aMissingSchemaIsRejected() throws {
        let bytes = try reportJSON(replacing: "\"schema\" : \"perfresult/1\",", with: "")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description == "perf/results/micro.json: at schema: missing; expected \"perfresult/1\"")
    }

    @Test func aMissingFieldIsNamedByItsJSONPath() throws {
        let bytes = try reportJSON(replacing: "\"unit\" : \"ns\",", with: "")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description == "perf/results/micro.json: at results[0].metrics.nsPerOp.unit: missing required field")
    }

    @Test func aWrongTypeSaysWhatWasExpected() throws {
        let bytes = try reportJSON(replacing: "\"value\" : 41.5", with: "\"value\" : \"fast\"")
        let error = try #require(decodeError(bytes))
        #expect(error.description == "perf/results/micro.json: at results[0].metrics.nsPerOp.value: expected a number")
    }

    @Test func anUnknownUnitListsTheKnownOnes() throws {
        let bytes = try reportJSON(replacing: "\"unit\" : \"ns\"", with: "\"unit\" : \"furlongs\"")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description
                == "perf/results/micro.json: at results[0].metrics.nsPerOp.unit: unknown unit \"furlongs\"; expected one of \"ns\", \"us\", \"ms\", \"s\", \"ops/s\", \"req/s\", \"bytes/s\", \"1/s\", \"bytes\", \"count\", \"ratio\", \"%\""
        )
    }

    @Test func anUnknownDirectionIsRejected() throws {
        let bytes = try reportJSON(replacing: "\"better\" : \"higher\"", with: "\"better\" : \"up\"")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description
                == "perf/results/micro.json: at results[0].metrics.opsPerSec.better: unknown direction \"up\"; expected \"higher\" or \"lower\""
        )
    }

    @Test func duplicateResultNamesInAFileAreRejectedAtTheSecond() throws {
        let bytes = try reportJSON(
            replacing: "\"name\" : \"pool/acquire\"", with: "\"name\" : \"stringOps/concat[size=16]\"")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description
                == "perf/results/micro.json: at results[1].name: duplicate result name \"stringOps/concat[size=16]\" in suite \"micro\": give every result a unique name (a parameter sweep adds e.g. [size=16])"
        )
    }

    @Test func anInvalidResultNameInAFileIsNamedByPath() throws {
        let bytes = try reportJSON(replacing: "\"name\" : \"pool/acquire\"", with: "\"name\" : \"acquire\"")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description.hasPrefix("perf/results/micro.json: at results[1].name: invalid result name \"acquire\""))
    }

    @Test func anInvalidMetricKeyInAFileIsNamedByPath() throws {
        let bytes = try reportJSON(replacing: "\"hitRate\"", with: "\"Hit Rate\"")
        let error = try #require(decodeError(bytes))
        #expect(
            error.description.hasPrefix("perf/results/micro.json: at results[1].metrics.Hit Rate: invalid metric key"))
    }

    @Test func anOverflowingNumberIsNotAcceptedAsInfinity() throws {
        let bytes = try reportJSON(replacing: "\"value\" : 41.5", with: "\"value\" : 1e999")
        let error = try #require(decodeError(bytes))
        guard case let .malformedReport(_, jsonPath, _) = error else {
            Issue.record("expected malformedReport, got \(error)")
            return
        }
        #expect(jsonPath.hasPrefix("results[0].metrics.nsPerOp") || jsonPath == "$")
    }

    @Test func textThatIsNotJSONIsRejectedAsSuch() throws {
        let error = try #require(decodeError(Array("not json".utf8)))
        guard case let .malformedReport(path, jsonPath, reason) = error else {
            Issue.record("expected malformedReport, got \(error)")
            return
        }
        #expect(path == "perf/results/micro.json")
        #expect(jsonPath == "$")
        #expect(reason.hasPrefix("not valid JSON"))
    }

    @Test func aMissingFileIsReportedWithItsPath() {
        #expect(
            throws: PerfResultError.unreadableFile(path: "/nonexistent/micro.json", reason: "No such file or directory")
        ) {
            try Report.read(from: "/nonexistent/micro.json")
        }
    }

    @Test func aDirectoryIsNotReadAsAReport() throws {
        let directory = try makeTemporaryDirectory()
        #expect(throws: PerfResultError.unreadableFile(path: directory, reason: "it is a directory")) {
            try Report.read(from: directory)
        }
    }
}
