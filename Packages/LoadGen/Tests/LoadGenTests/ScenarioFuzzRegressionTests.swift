import LoadGen
import Testing

/// Inputs the scenario fuzz target (perf/fuzz, `make fuzz TARGET=scenario`) found, kept as regressions.
@Suite struct ScenarioFuzzRegressionTests {
    /// perf/fuzz/crashes/scenario/top-level-number: a file that is not an object was reported as `field ""`.
    @Test(arguments: ["0", "[]", "\"x\"", "null", " true "])
    func aScenarioThatIsNotAnObjectNamesTheRoot(_ text: String) {
        #expect {
            _ = try Scenario.parse(Array(text.utf8), path: "s.json")
        } throws: { error in
            guard case let .invalidField(field, reason, file) = error as? LoadGenError else { return false }
            return field == "$" && reason.hasPrefix("expected an object, got ") && file == "s.json"
        }
    }
}
