import MicroBench
import PerfResult
import Testing

// README: test-only imports: PerfResult (the checks read the results' metrics)

// README: begin microbench-suite
let stringOps = Suite("stringOps") { suite in
    suite.bench("concat") { blackHole(opaque("hello, ") + "world") } // a plain closure

    suite.bench("sum", setup: { Array(1...1_000) }) { numbers in // setup is not timed
        blackHole(numbers.reduce(0, +))
    }
    suite.bench("scan", sweeping: "size", over: [16, 256, 4096], throughput: { .bytes($0) }) { size in
        String(repeating: "é", count: size / 2) // untimed, once per size: stringOps/scan[size=16], …
    } body: { text in
        blackHole(text.unicodeScalars.count)
    }

    suite.benchBatch("sort") { batch in // per-batch setup, untimed
        var arrays = (0..<batch.iterations).map { _ in (0..<64).shuffled() }
        batch.measure { for i in arrays.indices { arrays[i].sort() } }
        blackHole(arrays)
    }
}
// README: end microbench-suite

/// Compiled, never called: `MicroBench.main` runs the suites with the process's arguments, then exits.
private func theLastLineOfTheReadmesMain() {
    // README: begin microbench-main
    MicroBench.main([stringOps]) // flags: --filter, --time, --quick, --forks N, --json PATH, --list, --help
    // README: end microbench-main
}

/// Compiled, never called, like the one above.
private func theReadmesSystemMetrics() {
    // README: begin microbench-system-metrics
    MicroBench.main([stringOps], probes: SystemMetric.probes(for: [.cpu, .contextSwitches, .io]))
    // README: end microbench-system-metrics
}

/// The Swift examples of README.md, kept identical to it by Scripts/check-readme-examples.py (`make lint`).
@Suite struct ReadmeExampleTests {
    @Test func theReadmeSuiteRunsWithTheSystemClocksAndNamesEveryResult() {
        // A tiny budget: this checks that the example compiles and runs, not how fast it is.
        let policy = SamplingPolicy(
            warmup: .microseconds(200), timeBudget: .microseconds(500), targetSample: .microseconds(100),
            minimumSamples: 3, minimumOperations: 1)
        let measurements = Sampler(policy: policy).measure(stringOps)
        #expect(
            measurements.map(\.name) == [
                "stringOps/concat", "stringOps/sum", "stringOps/scan[size=16]", "stringOps/scan[size=256]",
                "stringOps/scan[size=4096]", "stringOps/sort",
            ])
        #expect(measurements.allSatisfy { !$0.samples.isEmpty && $0.batch >= 1 })
        #expect(measurements[2].throughput == .bytes(16))
        #expect(measurements.allSatisfy { $0.result()["nsPerOp"]?.samples?.isEmpty == false })
    }
}
