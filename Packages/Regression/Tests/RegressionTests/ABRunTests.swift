import Foundation
import PerfResult
import PerfSupport
import Testing

@testable import Regression

/// `perf-check ab` end to end on a fixture repository: base and head built, run in alternating forks, merged,
/// then checked with the ordinary rules. The gate must fail on exactly the results a commit made worse.
@Suite struct ABRunTests {
    private func options(_ repository: ABFixtureRepository, base: String) -> ABRun.Options {
        var options = ABRun.Options(base: base)
        options.repositoryRoot = repository.root
        options.profile = .quick
        options.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": repository.root]
        return options
    }

    /// The results the check calls regressions, as `result metric`.
    private func regressions(_ repository: ABFixtureRepository, base: String) throws -> [String] {
        let outcome = try ABRun.run(options(repository, base: base))
        var check = CheckOptions()
        check.resultsDirectory = outcome.headDirectory
        check.baselinesDirectory = outcome.baseDirectory
        check.strict = true
        let result = try CheckRun.check(check)
        return result.suites.flatMap(\.rows).filter { $0.verdict == .regression }.map {
            "\($0.result) \($0.metric ?? "")"
        }
    }

    @Test func aSlowerCommitFailsOnExactlyTheSlowerResult() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        let base = try repository.commit("base", speed: 100, allocs: 1)
        try repository.commit("slower", speed: 120, allocs: 1)
        let found = try regressions(repository, base: base)
        #expect(found == ["work/slow nsPerOp"])
    }

    @Test func anExtraAllocationFailsOnExactlyTheAllocationCount() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("base", speed: 100, allocs: 1)
        try repository.commit("allocates", speed: 100, allocs: 2)
        #expect(try regressions(repository, base: "HEAD~1") == ["work/slow allocsPerOp"])
    }

    @Test func theSameCodeOnBothSidesHasNoRegression() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("only", speed: 100, allocs: 1)
        #expect(try regressions(repository, base: "HEAD").isEmpty)
        let outcome = try ABRun.run(options(repository, base: "HEAD"))
        let head = try Report.read(from: outcome.headDirectory + "/fixture.json")
        #expect(head.environment.forks == 5)
        #expect(head.result(named: "work/slow")?["nsPerOp"]?.samples?.count == 5)
    }

    @Test func theHeadIsTheWorkingTreeWithItsUncommittedChanges() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("base", speed: 100, allocs: 1)
        try repository.write("allocs.txt", "3\n")
        #expect(try regressions(repository, base: "HEAD") == ["work/slow allocsPerOp"])
        let head = try Report.read(
            from: try ABRun.run(options(repository, base: "HEAD")).headDirectory + "/fixture.json")
        #expect(head.environment.gitCommit?.hasSuffix("+dirty") == true)
    }

    @Test func anUnknownBaseIsRefusedNamingIt() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("only", speed: 100, allocs: 1)
        let failure = #expect(throws: ABFailure.self) { try ABRun.run(options(repository, base: "no-such-branch")) }
        guard case .unknownRevision("no-such-branch", _)? = failure else {
            Issue.record("expected an unknown revision, got \(String(describing: failure))")
            return
        }
    }

    @Test func aBaseThatDoesNotBuildIsRefusedNamingTheRevisionAndTheSuite() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        let broken = try repository.commit("broken", speed: 100, allocs: 1, builds: false)
        try repository.commit("fixed", speed: 100, allocs: 1)
        let failure = #expect(throws: ABFailure.self) { try ABRun.run(options(repository, base: broken)) }
        let text = failure?.description ?? ""
        #expect(text.hasPrefix("BASE=\(broken) (\(broken.prefix(12))) does not build suite \"fixture\" (sh build.sh)"))
        #expect(text.contains("error: cannot find x in scope"))
    }

    @Test func aBaseWithoutTheSuiteIsRefusedNamingTheRevisionAndTheSuite() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        let old = try repository.commit("before the suite", speed: 100, allocs: 1, withSuite: false)
        try repository.commit("the suite", speed: 100, allocs: 1)
        let failure = #expect(throws: ABFailure.self) { try ABRun.run(options(repository, base: old)) }
        guard case .suiteMissing(let revision, "fixture", _)? = failure else {
            Issue.record("expected a missing suite, got \(String(describing: failure))")
            return
        }
        #expect(revision.contains(old.prefix(12)))
    }

    @Test func anUnknownSuiteIsRefusedListingTheSuites() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("only", speed: 100, allocs: 1)
        var options = options(repository, base: "HEAD")
        options.suites = ["micro"]
        #expect(throws: ABFailure.unknownSuite("micro", available: ["fixture"])) { try ABRun.run(options) }
    }
}

/// `perf-check ab` as CI runs it: the built executable in the repository's root.
@Suite struct ABExecutableTests {
    private func perfCheckAB(_ repository: ABFixtureRepository, _ arguments: [String], strict: Bool = false) throws
        -> ChildProcess.Outcome
    {
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": repository.root, "PERF_PROFILE": "quick"]
        if strict { environment["STRICT_PERF"] = "1" }
        return try ChildProcess(
            try perfCheckExecutable().path, ["ab"] + arguments, environment: environment,
            workingDirectory: repository.root
        ).run(timeout: .seconds(120))
    }

    @Test func anExtraAllocationFailsTheStrictGateWithTheRegressionInTheReport() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("base", speed: 100, allocs: 1)
        try repository.commit("allocates", speed: 100, allocs: 2)
        let outcome = try perfCheckAB(repository, ["--base", "HEAD~1", "--markdown", "ab.md"], strict: true)
        #expect(outcome.termination == .exited(1), "\(outcome.standardOutputText)\(outcome.standardErrorText)")
        #expect(outcome.standardOutputText.hasPrefix("perf-check ab · base HEAD~1 ("))
        #expect(outcome.standardOutputText.contains("✗ REGRESSION"))
        #expect(outcome.standardErrorText.contains("perf-check: fixture: fork 5/5"))
        let markdown = try AtomicFile.read(repository.root + "/ab.md")
        #expect(String(decoding: markdown, as: UTF8.self).contains("allocsPerOp"))
        #expect(try perfCheckAB(repository, ["--base", "HEAD~1"]).termination == .exited(0))
    }

    @Test func aMissingOrUnknownBaseExitsTwo() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("only", speed: 100, allocs: 1)
        let missing = try perfCheckAB(repository, [])
        #expect(missing.termination == .exited(2))
        #expect(missing.standardErrorText == "perf-check ab: --base REV is missing; see perf-check ab --help\n")
        let unknown = try perfCheckAB(repository, ["--base", "nope"])
        #expect(unknown.termination == .exited(2))
        #expect(unknown.standardErrorText.hasPrefix("perf-check ab: BASE=nope is not a commit of this repository"))
    }
}

/// The confirmation round: a timing regression stands only when fresh base-against-head forks show it again.
@Suite struct ABConfirmationTests {
    @Test func aFilterPatternMatchesExactlyTheFlaggedResults() throws {
        let suite = ABConfiguration.Suite(name: "micro", build: [], run: ["x"], filter: ["--filter", "{results}"])
        let arguments = suite.filterArguments(for: ["stringOps/concat[size=16]", "routing/trie"])
        #expect(arguments == ["--filter", #"^(stringOps/concat\[size=16\]|routing/trie)$"#])
        let pattern = try Regex(arguments[1])
        #expect("stringOps/concat[size=16]".wholeMatch(of: pattern) != nil)
        #expect("stringOps/concat[size=256]".wholeMatch(of: pattern) == nil)
    }

    @Test func aSlowdownOnlyTheFirstRoundSawIsAWarningAndAStableOneARegression() throws {
        let repository = try ABFixtureRepository()
        defer { repository.remove() }
        try repository.commit("base", speed: 100, allocs: 1)
        try repository.write("flaky.txt", "1\n")
        var options = ABRun.Options(base: "HEAD")
        options.repositoryRoot = repository.root
        options.profile = .quick
        options.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": repository.root]
        var check = CheckOptions()
        check.strict = true
        func verdict(confirm: Bool) throws -> Verdict? {
            let (outcome, _) = try ABCheck.compare(options, check: check, confirm: confirm) { _ in }
            return outcome.suites.first?.rows.first { $0.result == "work/slow" && $0.metric == "nsPerOp" }?.verdict
        }
        #expect(try verdict(confirm: false) == .regression)
        #expect(try verdict(confirm: true) == .warning)
        try repository.write("speed.txt", "130\n")
        try FileManager.default.removeItem(atPath: repository.root + "/flaky.txt")
        #expect(try verdict(confirm: true) == .regression)
    }

    @Test func aRegressionThatDoesNotShowAgainBecomesAWarning() throws {
        let comparer = Comparer(thresholds: .shipped)
        let slow = comparer.compare(
            baseline: .nsPerOp(100, samples: [99, 100, 101, 100, 100]),
            current: .nsPerOp(130, samples: [129, 130, 131, 130, 130]), suite: "micro", result: "a/b")
        #expect(slow.verdict == .regression)
        let steady = comparer.compare(
            baseline: .nsPerOp(100, samples: [99, 100, 101, 100, 100]),
            current: .nsPerOp(101, samples: [100, 101, 102, 99, 101]), suite: "micro", result: "a/b")
        let allocation = comparer.compare(
            baseline: .allocsPerOp(1), current: .allocsPerOp(2), suite: "micro", result: "a/b")
        #expect(allocation.verdict == .regression)
        let current = try Report(suite: "micro", environment: environment(), results: [])
        var first = SuiteComparison(
            suite: "micro", baselinePath: "b", currentPaths: ["c"], baseline: current, current: current,
            environmentDifferences: [], rows: [slow, allocation], geomeanCount: 0)
        var confirmed = first
        let second = SuiteComparison(
            suite: "micro", baselinePath: "b", currentPaths: ["c"], baseline: current, current: current,
            environmentDifferences: [], rows: [steady], geomeanCount: 0)
        comparer.confirm(&first, with: second)
        #expect(first.rows[0].verdict == .warning)
        #expect(first.rows[0].note == "not reproduced in the confirmation A/B: +1.0 %")
        #expect(first.rows[1].verdict == .regression, "an exact regression needs no confirmation")
        let again = SuiteComparison(
            suite: "micro", baselinePath: "b", currentPaths: ["c"], baseline: current, current: current,
            environmentDifferences: [], rows: [slow], geomeanCount: 0)
        comparer.confirm(&confirmed, with: again)
        #expect(confirmed.rows[0].verdict == .regression)
        #expect(confirmed.rows[0].note?.contains("reproduced in the confirmation A/B: +30.0 %") == true)
    }

    @Test func aTimingRegressionTheConfirmationDidNotMeasureCannotStand() throws {
        // Seen in an A/A run: pools' threads2/pool scalingRatio flagged, and the confirmation's --filter left out
        // threads1/pool, which the ratio divides by, so the round that should confirm it never measured it.
        let comparer = Comparer(thresholds: .shipped)
        let fewer = comparer.compare(
            baseline: .opsPerSec(1.76, samples: [1.75, 1.76, 1.77, 1.76, 1.76]),
            current: .opsPerSec(1.40, samples: [1.39, 1.40, 1.41, 1.40, 1.40]), suite: "pools", result: "threads2/pool")
        #expect(fewer.verdict == .regression)
        let report = try Report(suite: "pools", environment: environment(), results: [])
        func suite(_ rows: [MetricComparison]) -> SuiteComparison {
            SuiteComparison(
                suite: "pools", baselinePath: "b", currentPaths: ["c"], baseline: report, current: report,
                environmentDifferences: [], rows: rows, geomeanCount: 0)
        }
        var first = suite([fewer])
        comparer.confirm(&first, with: suite([]))
        #expect(first.rows[0].verdict == .warning)
        #expect(first.rows[0].note == "not measured in the confirmation A/B")
    }
    @Test func aSecondRoundWorseByMoreThanTheThresholdConfirmsWhenBothRoundsTogetherAreSignificant() throws {
        let comparer = Comparer(thresholds: .shipped)
        let base = [99.0, 100, 101, 100, 100]
        let slow = comparer.compare(
            baseline: .nsPerOp(100, samples: base), current: .nsPerOp(130, samples: [129, 130, 131, 130, 130]),
            suite: "micro", result: "a/b")
        #expect(slow.verdict == .regression)
        // The second round: +40 % at the medians, but one fork of each side in the other mode, so its own U test
        // is not significant.
        let slowBase = [100.0, 150, 99, 101, 100]
        let noisy = comparer.compare(
            baseline: .nsPerOp(100, samples: slowBase), current: .nsPerOp(140, samples: [98, 131, 140, 150, 152]),
            suite: "micro", result: "a/b")
        #expect(noisy.verdict == .insignificant)
        let tooNoisy = comparer.compare(
            baseline: .nsPerOp(100, samples: slowBase), current: .nsPerOp(140, samples: [98, 99, 140, 150, 152]),
            suite: "micro", result: "a/b")
        let current = try Report(suite: "micro", environment: environment(), results: [])
        func suite(_ rows: [MetricComparison]) -> SuiteComparison {
            SuiteComparison(
                suite: "micro", baselinePath: "b", currentPaths: ["c"], baseline: current, current: current,
                environmentDifferences: [], rows: rows, geomeanCount: 0)
        }
        var confirmed = suite([slow])
        comparer.confirm(&confirmed, with: suite([noisy]))
        #expect(confirmed.rows[0].verdict == .regression, "10 forks a side together show it")
        let note = confirmed.rows[0].note ?? ""
        #expect(note.contains("reproduced in the confirmation A/B: +40.0 % (both rounds' forks, p ="))
        var dismissed = suite([slow])
        comparer.confirm(&dismissed, with: suite([tooNoisy]))
        #expect(dismissed.rows[0].verdict == .warning, "both rounds together are not significant")
        #expect(dismissed.rows[0].note == "not reproduced in the confirmation A/B: +40.0 %")
    }
    @Test func bothRoundsOfASeriesMetricArePooledAsForksValues() throws {
        // A macro scenario's requestsPerSec is a per-second series in one run; in an A/B round its samples are the
        // forks' values, so the pooled rounds are tested sample by sample, not widened as a single run.
        let comparer = Comparer(thresholds: .shipped)
        func row(_ base: [Double], _ head: [Double]) -> MetricComparison {
            comparer.compare(
                baseline: .requestsPerSec(SortedSample(base).median, samples: base),
                current: .requestsPerSec(SortedSample(head).median, samples: head), suite: "macro-http-spike",
                result: "spike/total", samplesAreForks: true)
        }
        let slower = row([1_000, 1_001, 999, 1_000, 1_000], [750, 751, 749, 750, 750])
        #expect(slower.verdict == .regression)
        let noisy = row([1_000, 1_500, 999, 1_001, 1_000], [1_100, 751, 750, 760, 740])
        #expect(noisy.verdict == .insignificant)
        let current = try Report(suite: "macro-http-spike", environment: environment(), results: [])
        func suite(_ rows: [MetricComparison]) -> SuiteComparison {
            SuiteComparison(
                suite: "macro-http-spike", baselinePath: "b", currentPaths: ["c"], baseline: current, current: current,
                environmentDifferences: [], rows: rows, geomeanCount: 0)
        }
        var confirmed = suite([slower])
        comparer.confirm(&confirmed, with: suite([noisy]))
        #expect(confirmed.rows[0].verdict == .regression, "\(confirmed.rows[0].note ?? "")")
    }
}
