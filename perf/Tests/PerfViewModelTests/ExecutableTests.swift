import PerfResult
import SuiteTestSupport
import Testing

/// The `perf-viewmodel` executable, run from the build folder next to the test bundle, with short runs.
/// Outcomes asserted here rest on counts, never on timing.
@Suite struct ExecutableTests {
    @Test func helpExitsZero() throws {
        let run = try perfViewModel.run(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("Usage: perf-viewmodel [options]"))
        #expect(run.stdout.contains("The view-model churn suite: a plain keyed list against PooledList"))
    }

    @Test func anUnknownFlagExitsTwoNamingTheFlag() throws {
        let run = try perfViewModel.run(["--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-viewmodel: unknown option --bogus; see perf-viewmodel --help\n")
        #expect(run.stdout.isEmpty)
    }

    @Test func aBadPerfProfileExitsTwo() throws {
        let run = try perfViewModel.run([], environment: ["PERF_PROFILE": "long"])
        #expect(run.status == 2)
        #expect(run.stderr == "perf-viewmodel: PERF_PROFILE: \"long\" is not quick or full\n")
    }

    @Test func aShortSuiteRunPrintsTheEnvironmentFirstAndWritesTheReport() throws {
        let directory = try TemporaryDirectory(prefix: "perf-viewmodel-tests")
        let json = directory.path + "/viewmodel.json"
        let run = try perfViewModel.run(["--forks", "1", "--ticks", "100", "--cycles", "100", "--json", json])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Swift ") == true)
        #if DEBUG
        #expect(lines.dropFirst().first?.hasPrefix("WARNING: this is a DEBUG build") == true)
        #endif
        #expect(lines.last == "viewmodel: 8 cases, every check passed")
        let report = try Report.read(from: json)
        #expect(report.suite == "viewmodel")
        #expect(report.results.count == 8)
        let names = Set(report.results.map(\.baseName))
        #expect(names == ["churn/plain", "churn/pooled", "mountUnmount/plain", "mountUnmount/pooled"])
        let pooled = try #require(report.result(named: "churn/pooled[churnPercent=10,model=class,rows=1000]"))
        #expect(pooled["viewModelAllocsPerOp"]?.value == 0)
        // The leak check needs MemProbe's counter, compiled out of sanitizer builds: no verdict there.
        #expect(pooled["leakDetected"]?.value == (SanitizerBuild.isActive ? nil : 0))
    }

    @Test func withoutForksTheFullProfileMeasuresInTenProcessesAndMergesThem() throws {
        let directory = try TemporaryDirectory(prefix: "perf-viewmodel-tests")
        let json = directory.path + "/viewmodel.json"
        let run = try perfViewModel.run(["--ticks", "100", "--cycles", "100", "--json", json])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("perf-viewmodel · 10 forks, each in its own process"))
        #expect(
            run.stdout.contains("viewmodel: 10 forks; ±95 % is where another run of as many forks is expected to land"))
        let report = try Report.read(from: json)
        #expect(report.environment.forks == 10)
        #expect(report.results.count == 8)
        #expect(report.results.allSatisfy { $0["nsPerOp"]?.samples?.count == 10 })
    }

    @Test func theDemoPrintsPlainLinesWhenNotATerminal() throws {
        let run = try perfViewModel.run(
            ["demo", "--duration", "0.3", "--rows", "20"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("\u{1B}["))
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("Swift ") == true)
        #expect(lines.filter { $0.hasPrefix("frame ") }.count == 3)
        #expect(lines.last?.hasPrefix("demo: 3 frames, ") == true)
        #expect(lines.last?.hasSuffix("live 0") == true)
    }
}

/// `perf-viewmodel` in the build folder, run without the developer's `PERF_PROFILE` and `NO_COLOR` (every run
/// here is bounded by its ticks, cycles or duration).
private let perfViewModel = BuiltExecutable("perf-viewmodel", unsetting: ["PERF_PROFILE", "NO_COLOR"])
