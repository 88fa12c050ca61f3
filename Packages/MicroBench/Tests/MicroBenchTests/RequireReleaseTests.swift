import Foundation
import PerfResult
import Testing

@testable import MicroBench

@Suite struct RequireReleaseTests {
    @Test func aDebugBuildIsRefusedWithRequireReleaseAndMeasuresNothing() {
        var fixture = RunnerFixture()
        fixture.buildConfiguration = .debug
        let path = temporaryPath("refused.json")
        #expect(fixture.run(["--require-release", "--json", path, "--filter", "concat"]) == 2)
        #expect(fixture.captured.error.contains("perf-micro:"))
        #expect(fixture.captured.error.contains("--require-release: this executable is a debug build"))
        #expect(fixture.captured.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aReleaseBuildRunsWithRequireRelease() {
        let fixture = RunnerFixture()
        #expect(fixture.run(["--require-release", "--filter", "concat"]) == 0)
        #expect(fixture.captured.output.contains("stringOps/concat"))
    }

    @Test func withoutTheFlagADebugBuildStillRuns() {
        var fixture = RunnerFixture()
        fixture.buildConfiguration = .debug
        #expect(fixture.run(["--filter", "concat"]) == 0)
    }
}
