import Foundation
import Regression
import Testing

/// Every way a thresholds file can be wrong, with the exact message.
@Suite struct ThresholdsFileTests {
    func error(_ text: String) -> String? {
        do {
            _ = try Thresholds.decode(Array(text.utf8), path: "t.json")
            return nil
        } catch {
            return error.description
        }
    }

    let header = "\"schema\": \"perf-thresholds/1\""

    @Test func aMinimalFileHasTheDefaultStatistics() throws {
        let thresholds = try Thresholds.decode(Array("{\(header)}".utf8), path: "t.json")
        #expect(thresholds == Thresholds())
    }

    @Test func invalidJSONIsNamed() {
        #expect(error("{\"schema\": ")?.hasPrefix("t.json: at $: not valid JSON") == true)
    }

    @Test func theSchemaIsRequiredAndChecked() {
        #expect(error("{}") == "t.json: at schema: missing; expected \"perf-thresholds/1\"")
        #expect(
            error("{\"schema\": \"perf-thresholds/2\"}")
                == "t.json: at schema: \"perf-thresholds/2\" is not supported; this build reads \"perf-thresholds/1\"")
        #expect(error("[]") == "t.json: at $: expected an object, found an array")
    }

    @Test func aMisspeltFieldIsAnErrorNotIgnored() {
        #expect(
            error("{\(header), \"defaults\": [{\"metric\": \"nsPerOp\", \"maxRegresionPercent\": 10}]}")
                == "t.json: at defaults[0].maxRegresionPercent: unknown field; expected one of deterministic, exact, "
                + "floor, gate, maxRegressionPercent, metric, note, result, series, suite")
        #expect(
            error("{\(header), \"aplha\": 0.01}")
                == "t.json: at aplha: unknown field; expected one of alpha, defaults, lowConfidenceFactor, "
                + "minimumSamples, note, overrides, schema")
    }

    @Test func wrongTypesAndRangesSayWhatIsExpected() {
        #expect(
            error("{\(header), \"overrides\": [{\"metric\": \"x\", \"maxRegressionPercent\": \"10%\"}]}")
                == "t.json: at overrides[0].maxRegressionPercent: expected a number, found a string")
        #expect(
            error("{\(header), \"overrides\": [{\"metric\": \"x\", \"maxRegressionPercent\": -1}]}")
                == "t.json: at overrides[0].maxRegressionPercent: expected a percentage of at least 0, e.g. 10 for 10 %"
        )
        #expect(
            error("{\(header), \"overrides\": [{\"metric\": \"x\", \"floor\": -1}]}")
                == "t.json: at overrides[0].floor: expected an absolute amount of at least 0, in the metric's unit")
        #expect(
            error("{\(header), \"overrides\": [{\"metric\": \"x\", \"exact\": 1}]}")
                == "t.json: at overrides[0].exact: expected true or false, found a number")
        #expect(
            error("{\(header), \"overrides\": [{\"metric\": \"x\", \"deterministic\": \"yes\"}]}")
                == "t.json: at overrides[0].deterministic: expected true or false, found a string")
        #expect(
            error("{\(header), \"overrides\": [{\"metric\": \"\", \"exact\": true}]}")
                == "t.json: at overrides[0].metric: expected a non-empty pattern, e.g. \"macro*\"")
        #expect(
            error("{\(header), \"alpha\": 1.5}") == "t.json: at alpha: expected a number between 0 and 1 (exclusive)")
        #expect(
            error("{\(header), \"minimumSamples\": 2.5}")
                == "t.json: at minimumSamples: expected a whole number of at least 2")
        #expect(
            error("{\(header), \"lowConfidenceFactor\": 0.5}")
                == "t.json: at lowConfidenceFactor: expected a number of at least 1")
        #expect(error("{\(header), \"defaults\": {}}") == "t.json: at defaults: expected an array, found an object")
    }

    @Test func defaultsCannotBeScopedAndEntriesMustSetSomething() throws {
        #expect(
            error("{\(header), \"defaults\": [{\"suite\": \"micro\", \"metric\": \"x\", \"exact\": true}]}")
                == "t.json: at defaults[0].suite: defaults apply to every suite and result; move this entry to \"overrides\""
        )
        #expect(
            error("{\(header), \"overrides\": [{\"suite\": \"micro\", \"note\": \"why\"}]}")
                == "t.json: at overrides[0]: sets nothing; give at least one of maxRegressionPercent, floor, exact, gate, series, "
                + "deterministic")
    }

    @Test func aMissingFileIsNamed() throws {
        #expect(throws: RegressionError.missingFile(path: "/nonexistent/t.json", what: "thresholds file")) {
            try Thresholds.read(from: "/nonexistent/t.json")
        }
        #expect(
            RegressionError.missingFile(path: "/nonexistent/t.json", what: "thresholds file").description
                == "/nonexistent/t.json: no such file (the thresholds file); check the path")
    }

    @Test func theFileFormatRoundTripsEveryField() throws {
        let text = """
            {"schema": "perf-thresholds/1", "alpha": 0.01, "minimumSamples": 8, "lowConfidenceFactor": 2,
             "defaults": [{"metric": "nsPerOp", "maxRegressionPercent": 3, "floor": 0.5, "note": "tight"}],
             "overrides": [{"suite": "s*", "result": "r/*", "metric": "m", "exact": true, "gate": false, "series": true,
                            "deterministic": false}]}
            """
        let thresholds = try Thresholds.decode(Array(text.utf8), path: "t.json")
        #expect(
            thresholds
                == Thresholds(
                    alpha: 0.01, minimumSamples: 8, lowConfidenceFactor: 2,
                    defaults: [ThresholdEntry(metric: "nsPerOp", maxRegressionPercent: 3, floor: 0.5)],
                    overrides: [
                        ThresholdEntry(
                            suite: "s*", result: "r/*", metric: "m", exact: true, gate: false, series: true,
                            deterministic: false)
                    ]))
    }
}
