import LoadGen
import PerfSupport
import Testing

@testable import demo_load

/// The soak's LoadGen run keeps a fixed number of seconds, whatever `--duration` says, so that the load
/// generator's memory stays flat beside the soak's own bounded samples.
@Suite struct SoakLoadSecondsTests {
    /// perf/macro/http-sustained.json, by its absolute path (the tests do not run from the repository's root).
    static let scenario: String = {
        let file = #filePath
        let tests = file[..<file.lastIndex(of: "/")!]
        return String(tests[..<tests.lastIndex(of: "/")!].dropLast("/Tests".count)) + "/macro/http-sustained.json"
    }()

    private func soak(_ arguments: String...) throws -> ServiceSoak {
        let parsed = try Options.command.parse(["soak", "--scenario", Self.scenario] + arguments, environment: [:])
        return try ServiceSoak(options: try Options(parsed))
    }

    @Test func theSoakKeepsAMinuteOfLoadSecondsForAnyDuration() throws {
        for duration in ["15s", "2m", "24h"] {
            let configuration = try soak("--duration", duration).scenario.configuration
            #expect(configuration.secondsKept == ServiceSoak.loadSecondsKept, "--duration \(duration)")
        }
        #expect(ServiceSoak.loadSecondsKept == 60)
    }
}
