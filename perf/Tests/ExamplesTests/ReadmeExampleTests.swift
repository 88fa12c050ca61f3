import Foundation
import LoadGen
import MemProbe
import MicroBench
import Pooling

/// The five examples of the repository's README.md, kept identical to it by Scripts/check-readme-examples.py
/// (`make lint`) and compiled here by `make test`: this package depends on every library, so the README's
/// examples, which combine them, live in its tests. Those that run a whole benchmark executable or load a
/// server are compiled, never called; the others run.
enum ReadmeExampleTests {
    static func microbenchmark() {
        // README: begin example-microbenchmark
        let parsing = Suite("parsing") { suite in
            suite.bench("split", setup: { String(repeating: "key=value;", count: 32) }) { line in
                blackHole(line.split(separator: ";").count) // one array, 32 substrings
            }
        }
        MicroBench.main([parsing], probes: [AllocationProbe(), ARCProbe()])
        // columns allocs/op, bytes/op, retains/op, releases/op, objects/op; --json writes them all
        // README: end example-microbenchmark
    }

    static func leakCheck() throws -> Bool {
        // README: begin example-leak-check
        var cache: [Int: [UInt8]] = [:]
        let check = try LeakCheck(.init(length: .iterations(20_000), sampleEvery: 200))
        let report = check.run { i in
            cache[i % 100] = [UInt8](repeating: 0, count: 128) // bounded: overwrites 100 keys
        }
        print(report.summary) // "no leak: …" with the slope, its confidence bound and the fit
        // README: end example-leak-check
        return report.isLeak
    }

    static func poolInAHotPath() -> Int {
        // README: begin example-pool-hot-path
        final class Encoder { var bytes: [UInt8] = [] }
        let encoders = Pool(name: "encoders", maxSize: 16) {
            Encoder()
        } reset: {
            $0.bytes.removeAll(keepingCapacity: true) // keeps the grown buffer for the next request
        }
        func handle(_ id: Int) -> Int { // the hot path: no allocation once the pool is warm
            encoders.withPooled { encoder in
                encoder.bytes.append(contentsOf: String(id).utf8)
                return encoder.bytes.count
            }
        }
        let sizes = (0..<1_000).map(handle)
        print(encoders.stats.hitRate, sizes.count) // 0.999: one miss, then hits
        // README: end example-pool-hot-path
        return sizes.count
    }

    static func loadTestWithThresholds() throws {
        // README: begin example-load-thresholds
        var configuration = LoadConfiguration(target: try Target(url: "http://127.0.0.1:8080/"))
        configuration.connections = 32
        configuration.duration = .seconds(10)
        let result = try LoadTest(configuration).run().perfResult(name: "api/total")
        let thresholds = [
            Threshold(metric: "latencyP95Ms", target: 50, warning: 100, critical: 250),
            Threshold(metric: "errorRate", target: 0.001, warning: 0.01, critical: 0.05),
            Threshold(metric: "requestsPerSec", target: 5_000, warning: 2_000, critical: 1_000),
        ]
        let verdicts = thresholds.map { $0.evaluate(result) }
        print(Threshold.summaryTable(verdicts))
        if verdicts.contains(where: { $0.level == .critical }) { exit(1) } // fail the CI job
        // README: end example-load-thresholds
    }
}
