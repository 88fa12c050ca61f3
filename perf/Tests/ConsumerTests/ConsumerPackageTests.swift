import Foundation
import PerfResult
import Testing

/// The toolkit as a user gets it: a package outside the repository that depends on the root `Package.swift` by a
/// git URL and a version tag, benchmarks with MicroBench and MemProbe's allocation counter, and runs them and
/// gates them with the `swift package perf` plugin.
///
/// The dependency is a temporary clone of this repository's committed `HEAD` (uncommitted changes are not in
/// it), tagged `99.0.0`; the fixture is built in release, as a user would run benchmarks, and run once.
@Suite(.serialized) struct ConsumerPackageTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs `arguments` in `directory`; returns the exit status and everything it printed.
    @discardableResult
    func run(_ arguments: [String], in directory: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    func write(_ text: String, to path: String) throws {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// Whether this is a git checkout, which the dependency by URL is cloned from (a source archive is not).
    static let isCheckout = FileManager.default.fileExists(atPath: repository + "/.git")

    @Test(
        .enabled(if: isCheckout, "the toolkit is cloned from this repository's git checkout; this is not one"),
        .timeLimit(.minutes(15)))
    func aPackageDependingOnTheToolkitByURLAndVersionBenchmarksWithAllocationCounts()
        throws
    {
        let scratch = NSTemporaryDirectory() + "toolkit-consumer-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let toolkit = scratch + "/toolkit"
        let clone = try run(["git", "clone", "-q", Self.repository, toolkit], in: NSTemporaryDirectory())
        try #require(clone.status == 0, "git clone: \(clone.output)")
        let tag = try run(
            ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "tag", "-a", "99.0.0", "-m", "test"],
            in: toolkit)
        try #require(tag.status == 0, "git tag: \(tag.output)")
        let consumer = scratch + "/consumer"
        try write(
            """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "consumer",
                dependencies: [.package(url: "file://\(toolkit)", from: "99.0.0")],
                targets: [
                    .executableTarget(
                        name: "consumer-bench",
                        dependencies: [
                            .product(name: "MicroBench", package: "toolkit"),
                            .product(name: "MemProbe", package: "toolkit"),
                        ],
                        path: "Benchmarks/consumer-bench")
                ]
            )

            """, to: consumer + "/Package.swift")
        try write(
            """
            import MemProbe
            import MicroBench

            let strings = Suite("strings") { suite in
                suite.bench("concat") { blackHole(opaque("hello, ") + "a string too long to be stored inline") }
            }
            MicroBench.main([strings], reportName: "consumer", probes: [AllocationProbe(scope: .currentThread)])

            """, to: consumer + "/Benchmarks/consumer-bench/main.swift")
        let perf = ["swift", "package", "--allow-writing-to-package-directory", "perf"]
        let first = try run(perf + ["run", "--quick"], in: consumer)
        try #require(first.status == 0, "perf run: \(first.output.suffix(3_000))")
        #expect(first.output.contains("strings/concat"), "the run prints its table")
        let report = try Report.read(from: consumer + "/perf/results/consumer-bench.json")
        #expect(report.suite == "consumer")
        let concat = try #require(report.result(named: "strings/concat"))
        #expect((concat["nsPerOp"]?.value ?? 0) > 0)
        // One allocation per concatenation: the joined string is too long for the inline form.
        #expect(concat["allocsPerOp"]?.value == 1)
        // No baseline yet: the result is new, and the check passes.
        let unbaselined = try run(perf + ["check", "--strict"], in: consumer)
        #expect(unbaselined.status == 0, "\(unbaselined.output.suffix(2_000))")
        let update = try run(perf + ["baseline", "update"], in: consumer)
        #expect(update.status == 0, "\(update.output.suffix(2_000))")
        #expect(FileManager.default.fileExists(atPath: consumer + "/baselines/consumer.json"))
        let checked = try run(perf + ["check", "--strict"], in: consumer)
        #expect(checked.status == 0, "\(checked.output.suffix(2_000))")
        // Base against head in one job: the package's benchmarks built at HEAD and in the working tree, run in
        // alternating forks. Identical code: no regression.
        try write(".build*/\nperf/\nbaselines/\n", to: consumer + "/.gitignore")
        let git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.com"]
        try #require(try run(["git", "init", "-q"], in: consumer).status == 0)
        try #require(try run(git + ["add", "-A"], in: consumer).status == 0)
        try #require(try run(git + ["commit", "-qm", "base"], in: consumer).status == 0)
        let ab = try run(perf + ["ab", "--base", "HEAD", "--quick", "--strict", "--forks", "3"], in: consumer)
        #expect(ab.status == 0, "perf ab: \(ab.output.suffix(3_000))")
        for side in ["base", "head"] {
            let sideReport = try Report.read(from: consumer + "/perf/results/ab/\(side)/consumer.json")
            #expect(sideReport.result(named: "strings/concat")?["allocsPerOp"]?.value == 1, "\(side)")
        }
        let unknown = try run(perf + ["measure"], in: consumer)
        #expect(unknown.status != 0 && unknown.output.contains("unknown command \"measure\""))
    }
}
