import PerfResult
import PerfSupport
import Regression

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The gate at scale: `suites` suites × `results` results written as real files, then checked end to end
/// (read, validate, compare, render the table, Markdown and HTML, write them), timed with a monotonic clock.
struct ScaleBenchmark {
    var suites = 10
    var results = 100
    var seed: UInt64 = 7

    /// Metrics per result: nsPerOp with samples (half the results 10 samples, half 30, so both the exact
    /// and the normal U test run), p50Ns, p99Ns, opsPerSec, rme, allocsPerOp, bytesPerOp.
    func makeFiles(in directory: String) throws -> (resultsDirectory: String, baselinesDirectory: String) {
        let resultsDirectory = directory + "/results"
        let baselinesDirectory = directory + "/baselines"
        try FileManager.default.createDirectory(atPath: resultsDirectory, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: baselinesDirectory, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: seed)
        let noise = NoiseModel()
        let environment = Environment.capture()
        for suiteIndex in 0..<suites {
            let suite = "suite\(suiteIndex)"
            var baseline = try Report(suite: suite, environment: environment)
            var current = try Report(suite: suite, environment: environment)
            for resultIndex in 0..<results {
                let mean = 20 + Double(resultIndex) * 7.5
                let count = resultIndex % 2 == 0 ? 10 : 30
                // One result in fifty regresses by 30 %, so the report has something to show.
                let slowdown = resultIndex % 50 == 7 ? 1.3 : 1.0
                for (report, factor) in [(0, 1.0), (1, slowdown)] {
                    let samples = noise.run(mean: mean * factor, count: count, using: &generator)
                    let sorted = SortedSample(samples)
                    let result = try Result(
                        name: "group\(resultIndex % 10)/case\(resultIndex)",
                        metrics: [
                            .nsPerOp(sorted.median, samples: samples), .p50Ns(sorted.median), .p99Ns(sorted.maximum),
                            .opsPerSec(1e9 / sorted.median), .rme(1.5), .allocsPerOp(Double(resultIndex % 3)),
                            .bytesPerOp(Double(resultIndex % 3) * 32),
                        ])
                    if report == 0 { try baseline.append(result) } else { try current.append(result) }
                }
            }
            try baseline.write(to: "\(baselinesDirectory)/\(suite).json")
            try current.write(to: "\(resultsDirectory)/\(suite).json")
        }
        return (resultsDirectory, baselinesDirectory)
    }

    struct Timing {
        var check: Duration
        var full: Duration
        var rows: Int
    }

    /// One timed run: `check` is read + validate + compare; `full` adds the table, Markdown and HTML
    /// reports written to `directory`.
    func time(resultsDirectory: String, baselinesDirectory: String, reportsDirectory: String) -> Timing {
        var options = CheckOptions()
        options.resultsDirectory = resultsDirectory
        options.baselinesDirectory = baselinesDirectory
        options.thresholdsPath = nil
        let clock = ContinuousClock()
        var rows = 0
        let check = clock.measure {
            rows = (try? CheckRun.check(options))?.suites.reduce(0) { $0 + $1.rows.count } ?? -1
        }
        options.markdownPath = reportsDirectory + "/report.md"
        options.htmlPath = reportsDirectory + "/report.html"
        let full = clock.measure {
            let output = CheckRun.run(options)
            precondition(output.exitCode == 0, output.standardError)
        }
        return Timing(check: check, full: full, rows: rows)
    }
}
