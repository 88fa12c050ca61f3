import Foundation
import PerfResult

/// A fresh directory under the system's temporary directory, unique per test.
func makeTemporaryDirectory() throws -> String {
    let path = NSTemporaryDirectory() + "perfresult-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

func fixedEnvironment() -> Environment {
    Environment(
        swiftVersion: "6.3.1", buildConfiguration: .release, os: "Debian GNU/Linux 12 (bookworm)",
        kernel: "Linux 6.1.0-26-amd64", architecture: "x86_64", cpuModel: "Test CPU @ 3.00GHz", logicalCores: 2,
        memoryBytes: 25_769_803_776, gitCommit: String(repeating: "ab", count: 20),
        timestamp: "2026-11-22T13:57:47Z", perfEnv: "ci", profile: "quick")
}

func sampleReport() throws -> Report {
    try Report(
        suite: "micro", environment: fixedEnvironment(),
        results: [
            Result(
                name: "stringOps/concat", parameters: ["size": "16"],
                metrics: [.nsPerOp(41.5, samples: [41.25, 41.5, 42.0]), .opsPerSec(24_096_385.5), .rme(0.75)]),
            Result(name: "pool/acquire", metrics: [.allocsPerOp(0), .hitRate(0.999)]),
        ])
}

/// A report file's text with one substitution, for feeding bad input to the decoder.
func reportJSON(replacing target: String = "", with replacement: String = "") throws -> [UInt8] {
    let text = String(decoding: try sampleReport().jsonBytes(), as: UTF8.self)
    precondition(target.isEmpty || text.contains(target), "fixture does not contain \(target)")
    return Array((target.isEmpty ? text : text.replacingOccurrences(of: target, with: replacement)).utf8)
}

func decodeError(_ bytes: [UInt8], path: String = "perf/results/micro.json") -> PerfResultError? {
    do {
        _ = try Report.decode(bytes, path: path)
        return nil
    } catch {
        return error
    }
}
