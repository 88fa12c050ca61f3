import LoadGen
import PerfResult

/// The Swift example of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
enum ReadmeExampleTests {
    /// Compiled, never called: the example loads a server on port 8080 for ten seconds and writes into
    /// perf/results, which a unit test must not do. EndToEndTests run the engine against an in-process
    /// `TargetServer` instead.
    static func theLibraryExample() throws {
        // README: begin loadgen-library
        var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:8080/"))
        configuration.connections = 50
        configuration.duration = .seconds(10)
        configuration.rate = 20_000 // open model; nil (the default) is the closed model
        let test = try LoadTest(configuration) // validates; throws LoadGenError naming the field
        let result = try test.run { progress in // called on this thread about every 100 ms
            for second in progress.newSeconds { print(second.second, second.requests) }
        }
        print(result.requestsPerSecond, result.latency.value(atPercentile: 99), result.errors.timeout)
        try LoadReport.write(
            [.init(name: "api/total", result: result)], suite: "macro-api", environment: .capture(),
            to: "perf/results/macro-api.json")
        // README: end loadgen-library
    }
}
