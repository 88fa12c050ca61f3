import Foundation
import PerfSupport
import Testing

/// `Scripts/perf-confirm.sh`, run in a scratch tree whose `perf-check` and `perf-micro` are stubs: which
/// results it re-runs, how often, with which filters, and what it says about suites it cannot re-run.
@Suite struct PerfConfirmScriptTests {
    /// A scratch tree with the script, a `perf-check` stub that lists `listing`, and a `perf-micro` stub that
    /// writes its arguments to the `--json` path.
    func scratchTree(listing: String) throws -> String {
        let root = try makeTemporaryDirectory()
        let manager = FileManager.default
        for directory in ["Scripts", "perf/.build/release", "perf/results"] {
            try manager.createDirectory(atPath: root + "/" + directory, withIntermediateDirectories: true)
        }
        try manager.copyItem(
            atPath: repositoryRoot + "/Scripts/perf-confirm.sh", toPath: root + "/Scripts/perf-confirm.sh")
        try executable(
            "#!/usr/bin/env bash\n[[ $1 == --list-regressions ]] || exit 9\nprintf '\(listing)'\n",
            at: root + "/perf/.build/release/perf-check")
        try executable(
            "#!/usr/bin/env bash\nargs=(\"$@\"); json=${args[-1]}; echo \"${args[*]:0:${#args[@]}-2}\" > \"$json\"\n",
            at: root + "/perf/.build/release/perf-micro")
        return root
    }

    /// Writes a stub through a close-on-exec descriptor. Foundation's `Data.write` opens without `O_CLOEXEC`, so a
    /// child that another test spawns meanwhile keeps the stub open for writing, and executing it then fails with
    /// ETXTBSY (the script reads that as "perf-check cannot list" and exits 2).
    func executable(_ text: String, at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw POSIXError(.EIO) }
    }

    func run(_ root: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try runProgram(
            "/usr/bin/env", ["bash", root + "/Scripts/perf-confirm.sh", "--suite", "micro"],
            environment: ProcessEnvironment.current().merging(environment) { $1 })
    }

    @Test func eachFlaggedMicroTaskIsRerunTwiceWithOneFilterPerTask() throws {
        let root = try scratchTree(
            listing: "micro\\tpipeline/parse[request=login]\\nmicro\\tpipeline/parse[request=messages]\\n"
                + "micro\\trouting/trie[path=deep]\\nsoak\\tsoak/http-sustained\\n")
        let (status, output) = try run(root, environment: ["PERF_CONFIRM": "2"])
        #expect(status == 0, "\(output)")
        for run in 1...2 {
            let arguments = try readText(root + "/perf/results/confirm/micro-\(run).json")
            #expect(arguments == "--filter pipeline/parse --filter routing/trie\n")
        }
        #expect(!FileManager.default.fileExists(atPath: root + "/perf/results/confirm/micro-3.json"))
        #expect(
            output.contains(
                "perf-confirm: soak is not re-run (only micro, pools and the macro scenarios are); its regressions "
                    + "stand (to judge timing, compare base and head in one job: make perf-ab BASE=<rev>)"))
    }

    @Test func nothingFlaggedLeavesNoConfirmDirectory() throws {
        let root = try scratchTree(listing: "")
        try FileManager.default.createDirectory(
            atPath: root + "/perf/results/confirm", withIntermediateDirectories: true)
        let (status, _) = try run(root)
        #expect(status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/perf/results/confirm"))
    }

    @Test func zeroRerunsTurnsConfirmationOffAndNonsenseIsRefused() throws {
        let root = try scratchTree(listing: "micro\\ta/b\\n")
        #expect(try run(root, environment: ["PERF_CONFIRM": "0"]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: root + "/perf/results/confirm"))
        let (status, output) = try run(root, environment: ["PERF_CONFIRM": "twice"])
        #expect(status == 2)
        #expect(
            output == "perf-confirm: PERF_CONFIRM=twice is not a number of re-runs; use e.g. PERF_CONFIRM=2 "
                + "(0 turns it off)\n")
    }

    @Test func aSuiteWhoseRunnerIsNotBuiltKeepsItsRegressions() throws {
        let root = try scratchTree(listing: "pools\\tobject/pool\\n")
        let (status, output) = try run(root)
        #expect(status == 0)
        #expect(
            output.contains(
                "perf-confirm: perf/.build/release/perf-pools is not built (run make perf-pools); the regressions of "
                    + "pools stand"))
    }
}
