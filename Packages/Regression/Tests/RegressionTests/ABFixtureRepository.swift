import Foundation
import PerfSupport

/// A throwaway git repository whose one "suite" is a shell script, for driving `perf-check ab` end to end in
/// seconds: `bench.sh` writes a PerfResult report whose `work/slow` time comes from `speed.txt` and whose
/// allocations come from `allocs.txt`, with a small wobble that depends only on the fork's number (so base and
/// head forks with equal files write equal numbers). Commits are made with `commit(_:speed:allocs:)`.
struct ABFixtureRepository {
    let root: String

    static let script = """
        #!/bin/sh
        # A fixture suite: writes a report to the path after --json.
        here=$(dirname "$0")
        speed=$(cat "$here/speed.txt"); allocs=$(cat "$here/allocs.txt")
        n=${PERF_FORK%%/*}
        # flaky.txt: this side is 30 % slower, but only in the first round (not in the confirmation's forks).
        case "$2" in */confirm/*) ;; *) [ -f "$here/flaky.txt" ] && speed=$(awk -v s="$speed" 'BEGIN { print s * 1.3 }') ;; esac
        ns=$(awk -v s="$speed" -v n="$n" 'BEGIN { printf "%.3f", s * (1 + 0.003 * ((n * 7) % 5 - 2)) }')
        steady=$(awk -v n="$n" 'BEGIN { printf "%.3f", 50 * (1 + 0.003 * ((n * 3) % 5 - 2)) }')
        cat > "$2" <<JSON
        {"schema": "perfresult/1", "suite": "fixture",
         "environment": {"buildConfiguration": "release", "timestamp": "2026-12-07T00:00:00Z", "profile": "quick",
                         "swiftVersion": "6.3.1", "architecture": "x86_64", "gitCommit": "$GIT_COMMIT"},
         "results": [
          {"name": "work/slow", "metrics": {
            "nsPerOp": {"value": $ns, "unit": "ns", "better": "lower"},
            "allocsPerOp": {"value": $allocs, "unit": "count", "better": "lower"}}},
          {"name": "work/steady", "metrics": {"nsPerOp": {"value": $steady, "unit": "ns", "better": "lower"}}}]}
        JSON
        """

    static let configuration = """
        {"schema": "perf-ab/1", "timeout": "1m",
         "suites": [{"name": "fixture", "build": [["sh", "build.sh"]], "run": ["bench.sh"]}]}
        """

    /// A new repository with git's identity set, and no commit yet.
    init() throws {
        root = NSTemporaryDirectory() + "ab-fixture-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root + "/perf", withIntermediateDirectories: true)
        try git("init", "--quiet", "--initial-branch=main")
        try git("config", "user.email", "fixture@example.invalid")
        try git("config", "user.name", "Fixture")
    }

    /// Writes the suite's files (`build.sh` succeeding unless `builds` is false) and commits them.
    @discardableResult
    func commit(_ message: String, speed: Double, allocs: Int, builds: Bool = true, withSuite: Bool = true) throws
        -> String
    {
        try write("perf/ab.json", Self.configuration)
        try write(
            "build.sh", builds ? "exit 0\n" : "echo 'bench.swift:3:1: error: cannot find x in scope' >&2; exit 1\n")
        try write("speed.txt", "\(speed)\n")
        try write("allocs.txt", "\(allocs)\n")
        if withSuite {
            try write("bench.sh", Self.script + "\n")
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: root + "/bench.sh")
        } else if FileManager.default.fileExists(atPath: root + "/bench.sh") {
            try FileManager.default.removeItem(atPath: root + "/bench.sh")
        }
        try git("add", "-A")
        try git("commit", "--quiet", "-m", message)
        return try git("rev-parse", "HEAD")
    }

    func write(_ path: String, _ text: String) throws {
        try text.write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
    }

    /// Runs git in the repository; returns its output without the final newline.
    @discardableResult
    func git(_ arguments: String...) throws -> String {
        let outcome = try ChildProcess(
            "/usr/bin/env", ["git", "-C", root] + arguments,
            environment: ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": root]
        ).run(timeout: .seconds(60))
        guard outcome.termination == .exited(0) else {
            throw FixtureError(message: "git \(arguments.joined(separator: " ")): \(outcome.standardErrorText)")
        }
        return String(outcome.standardOutputText.prefix { $0 != "\n" })
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: root)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
