import PerfResult
import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The runner against `/bin/sh` commands that write a report (or fail to) where `--json` says.
@Suite struct ForkRunnerTests {
    /// A command that writes the sample report with its nsPerOp value replaced by the fork's number
    /// (`41.5` becomes `1.5`, `2.5`, …) and appends its label and padding length to `log`.
    private func command(_ label: String, directory: String, script: String? = nil) throws -> ForkCommand {
        let template = "\(directory)/template.json"
        try sampleReport().write(to: template)
        let body =
            script
                ?? """
                n=${PERF_FORK%%/*}
                echo "\(label) $PERF_FORK ${#PERF_FORK_PADDING}" >> '\(directory)/log'
                sed "s/41\\.5,/$n.5,/; s/: 41\\.5$/: $n.5/" '\(template)' > "$2"
                """
        return ForkCommand(
            label: label, executable: "/bin/sh", arguments: ["-c", body, "sh"], environment: ["PATH": "/usr/bin:/bin"])
    }

    private func runner(_ directory: String, forks: Int = 3, timeout: Duration = .seconds(20)) -> ForkRunner {
        ForkRunner(forks: forks, timeout: timeout, scratchDirectory: directory, seed: 7)
    }

    @Test func commandsAlternateForkByForkWithTheOrderRotating() throws {
        let directory = try makeTemporaryDirectory()
        let reports = try runner(directory).run([
            command("base", directory: directory), command("head", directory: directory),
        ]).reports
        #expect(reports.count == 2 && reports.allSatisfy { $0.count == 3 })
        let log = String(decoding: try AtomicFile.read("\(directory)/log"), as: UTF8.self)
        let lines = log.split(separator: "\n").map { $0.split(separator: " ") }
        #expect(
            lines.map { "\($0[0]) \($0[1])" } == [
                "base 1/3", "head 1/3", "head 2/3", "base 2/3", "base 3/3", "head 3/3",
            ])
        // Both commands of a fork get the same padding; forks get different ones.
        #expect(lines[0][2] == lines[1][2] && lines[2][2] == lines[3][2])
        #expect(Set([lines[0][2], lines[2][2], lines[4][2]]).count > 1)
        let values = reports[1].map { $0.result(named: "stringOps/concat[size=16]")?["nsPerOp"]?.value }
        #expect(values == [1.5, 2.5, 3.5])
    }

    @Test func aCrashingForkStopsTheRunNamingIt() throws {
        let directory = try makeTemporaryDirectory()
        let crash = try command("head", directory: directory, script: "echo 'about to crash' >&2; kill -9 $$")
        #expect(throws: ForkError.failed(label: "head", fork: 1, of: 3, .signalled(9), errorTail: "about to crash")) {
            try runner(directory).run([crash])
        }
    }

    @Test func aForkThatFailsShowsItsLastOutput() throws {
        let directory = try makeTemporaryDirectory()
        let failing = try command(
            "micro", directory: directory, script: "echo 'perf-micro: --bogus is unknown' >&2; exit 2")
        let error = #expect(throws: ForkError.self) { try runner(directory).run([failing]) }
        #expect(
            error?.description
                == "fork 1/3 of micro exited with status 2; its last output:\nperf-micro: --bogus is unknown")
    }

    @Test func aForkWhoseCheckFailedDeliversItsReportAndIsListed() throws {
        let directory = try makeTemporaryDirectory()
        let template = "\(directory)/template.json"
        try sampleReport().write(to: template)
        let leaky = try command(
            "memory", directory: directory,
            script: "cp '\(template)' \"$2\"; [ \"${PERF_FORK%%/*}\" = 2 ] && exit 1; exit 0")
        let outcome = try runner(directory).run([leaky])
        #expect(outcome.reports[0].count == 3)
        #expect(outcome.failedChecks == ["memory 2/3"])
    }

    @Test func aForkExitingOneWithoutAReportIsAFailure() throws {
        let directory = try makeTemporaryDirectory()
        let failing = try command("micro", directory: directory, script: "exit 1")
        #expect(throws: ForkError.failed(label: "micro", fork: 1, of: 3, .exited(1), errorTail: "")) {
            try runner(directory).run([failing])
        }
    }

    @Test func aHangingForkIsStoppedAtTheTimeout() throws {
        let directory = try makeTemporaryDirectory()
        let hanging = try command("micro", directory: directory, script: "exec sleep 30")
        #expect(throws: ForkError.failed(label: "micro", fork: 1, of: 2, .timedOut, errorTail: "")) {
            try runner(directory, forks: 2, timeout: .milliseconds(300)).run([hanging])
        }
    }

    @Test func aForkWritingGarbageIsABadReport() throws {
        let directory = try makeTemporaryDirectory()
        let garbage = try command("micro", directory: directory, script: "echo 'not json' > \"$2\"")
        let error = #expect(throws: ForkError.self) { try runner(directory).run([garbage]) }
        guard case .badReport(label: "micro", fork: 1, of: 3, _)? = error else {
            Issue.record("expected a bad report, got \(String(describing: error))")
            return
        }
    }

    @Test func aForkWritingNothingIsABadReport() throws {
        let directory = try makeTemporaryDirectory()
        let silent = try command("micro", directory: directory, script: "true")
        let error = #expect(throws: ForkError.self) { try runner(directory).run([silent]) }
        #expect(error?.description.hasPrefix("fork 1/3 of micro wrote no valid report:") == true)
    }

    /// An executable script in `directory` that writes the sample report and logs the path it was started from
    /// (`$0`: the copy's, when the runner made one) to `directory/log`; its path.
    private func pathLoggingSuite(in directory: String) throws -> String {
        let template = "\(directory)/template.json"
        try sampleReport().write(to: template)
        let suite = "\(directory)/suite"
        try AtomicFile.write(
            Array("#!/bin/sh\necho \"$0\" >> '\(directory)/log'\ncp '\(template)' \"$2\"\n".utf8), to: suite)
        chmod(suite, 0o755)
        return suite
    }

    @Test func withFreshCopiesEachForkRunsItsOwnCopyBesideTheOriginalAndTheCopyIsRemoved() throws {
        let directory = try makeTemporaryDirectory()
        let suite = try pathLoggingSuite(in: directory)
        let forks = ForkRunner(forks: 3, timeout: .seconds(20), scratchDirectory: directory, seed: 7, freshCopies: true)
        _ = try forks.run([ForkCommand(label: "head", executable: suite, arguments: [], environment: [:])])
        let started = String(decoding: try AtomicFile.read("\(directory)/log"), as: UTF8.self)
            .split(separator: "\n").map(String.init)
        #expect(started.count == 3 && Set(started).count == 3)
        for path in started {
            #expect(
                path.hasPrefix("\(directory)/.suite.fork-")
                    && path.hasSuffix("-head-\(started.firstIndex(of: path)! + 1)"))
            #expect(!AtomicFile.exists(path))
        }
    }

    @Test func withoutFreshCopiesEveryForkRunsTheOriginal() throws {
        let directory = try makeTemporaryDirectory()
        let suite = try pathLoggingSuite(in: directory)
        _ = try runner(directory, forks: 2).run([
            ForkCommand(label: "head", executable: suite, arguments: [], environment: [:])
        ])
        #expect(String(decoding: try AtomicFile.read("\(directory)/log"), as: UTF8.self) == "\(suite)\n\(suite)\n")
    }
}
