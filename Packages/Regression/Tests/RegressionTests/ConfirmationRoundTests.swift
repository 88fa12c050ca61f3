import Testing

@testable import Regression

@Suite struct ConfirmationRoundTests {
    /// `swift package perf ab` names a configuration suite after the benchmark target (`consumer-bench`) while its
    /// reports name the suite the benchmark chose (`consumer`): the confirmation must select the former.
    @Test func aFlaggedReportSuiteIsConfirmedThroughTheConfigurationSuiteThatWroteIt() {
        let round = ABCheck.confirmationRound(
            ["consumer": ["strings/concat"], "micro": ["a/b"]], configurationSuites: ["consumer": "consumer-bench"])
        #expect(round.suites == ["consumer-bench", "micro"])
        #expect(round.results == ["consumer-bench": ["strings/concat"], "micro": ["a/b"]])
    }
}
