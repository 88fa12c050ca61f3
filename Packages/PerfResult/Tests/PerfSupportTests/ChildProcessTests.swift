import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Children run through `/bin/sh`, each bounded to a few seconds.
@Suite struct ChildProcessTests {
    static func shell(_ script: String, environment: [String: String] = [:]) -> ChildProcess {
        ChildProcess("/bin/sh", ["-c", script], environment: environment.merging(["PATH": "/usr/bin:/bin"]) { $1 })
    }

    @Test func anExitStatusAndBothOutputsAreCaptured() throws {
        let outcome = try Self.shell("echo out; echo err >&2; exit 2").run(timeout: .seconds(10))
        #expect(outcome.termination == .exited(2))
        #expect(outcome.standardOutputText == "out\n")
        #expect(outcome.standardErrorText == "err\n")
        #expect(outcome.termination.description == "exited with status 2")
    }

    @Test func aChildKilledByASignalReportsTheSignal() throws {
        let outcome = try Self.shell("kill -KILL $$").run(timeout: .seconds(10))
        #expect(outcome.termination == .signalled(SIGKILL))
        #expect(outcome.termination.description == "killed by signal 9")
    }

    @Test func aChildThatHangsPastItsTimeoutIsStoppedAndReportedAsTimedOut() throws {
        let start = MonotonicClock.now()
        let outcome = try Self.shell("echo started; exec sleep 30").run(timeout: .milliseconds(200))
        let elapsed = MonotonicClock.now() - start
        #expect(outcome.termination == .timedOut)
        #expect(outcome.standardOutputText == "started\n")
        #expect(elapsed < 5_000_000_000)
    }

    @Test func aChildThatIgnoresSIGTERMIsKilledAfterTheGracePeriod() throws {
        let start = MonotonicClock.now()
        var child = Self.shell("trap '' TERM; while :; do sleep 1; done")
        child.newProcessGroup = true
        let outcome = try child.run(timeout: .milliseconds(100), grace: .milliseconds(200))
        let elapsed = MonotonicClock.now() - start
        #expect(outcome.termination == .timedOut)
        #expect(elapsed >= 300_000_000)
        #expect(elapsed < 5_000_000_000)
    }

    @Test func largeOutputOnBothPipesDoesNotDeadlock() throws {
        // Standard error is filled first, far beyond a pipe's 64 KiB, while standard output waits.
        let script = "head -c 3000000 /dev/zero | tr '\\0' e >&2; head -c 2000000 /dev/zero | tr '\\0' o"
        let outcome = try Self.shell(script).run(timeout: .seconds(20))
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardError.count == 3_000_000)
        #expect(outcome.standardOutput.count == 2_000_000)
        #expect(outcome.standardError.allSatisfy { $0 == UInt8(ascii: "e") })
        #expect(outcome.standardOutput.allSatisfy { $0 == UInt8(ascii: "o") })
    }

    @Test func argumentsEnvironmentAndDirectoryAreTheOnesGiven() throws {
        let child = ChildProcess(
            "/bin/sh",
            ["-c", "printf '%s|%s|%s|%s' \"$1\" \"$GREETING\" \"$(pwd)\" \"${HOME-unset}\"", "sh", "one arg"],
            environment: ["GREETING": "hello world"], workingDirectory: "/")
        let outcome = try child.run(timeout: .seconds(10))
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardOutputText == "one arg|hello world|/|unset")
    }

    #if os(Linux)
    // Reads the name back from /proc/self/cmdline, which only Linux has.
    @Test func theProgramNameIsTheOneGivenWhileTheExecutableRuns() throws {
        var child = ChildProcess("/bin/cat", ["/proc/self/cmdline"])
        child.programName = "perf-micro"
        let outcome = try child.run(timeout: .seconds(10))
        #expect(outcome.standardOutputText == "perf-micro\u{0}/proc/self/cmdline\u{0}")
    }
    #endif

    @Test func standardInputIsEmpty() throws {
        // `tr`: BSD wc pads its count with spaces.
        let outcome = try Self.shell("wc -c | tr -d ' '").run(timeout: .seconds(10))
        #expect(outcome.standardOutputText == "0\n")
    }

    @Test func standardInputIsTheFileGiven() throws {
        let path = "/tmp/perf-support-input-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).txt"
        defer { unlink(path) }
        let file = try #require(fopen(path, "w"))
        fputs("one\ntwo\n", file)
        fclose(file)
        var child = Self.shell("tr a-z A-Z")
        child.standardInput = path
        let outcome = try child.run(timeout: .seconds(10))
        #expect(outcome.termination == .exited(0))
        #expect(outcome.standardOutputText == "ONE\nTWO\n")
    }

    @Test func aMissingStandardInputFileFailsBeforeAnythingStarts() {
        #expect(throws: SystemError("open(/nonexistent/input)", code: ENOENT)) {
            try ChildProcess("/bin/true", standardInput: "/nonexistent/input").run(timeout: .seconds(1))
        }
    }

    @Test func aMissingProgramFailsToStartWithItsErrno() {
        #expect(throws: SystemError("posix_spawn(/nonexistent/program)", code: ENOENT)) {
            try ChildProcess("/nonexistent/program").run(timeout: .seconds(1))
        }
    }

    @Test func aMissingWorkingDirectoryFailsToStart() throws {
        let error = try #require(throws: SystemError.self) {
            try ChildProcess("/bin/true", workingDirectory: "/nonexistent/directory").run(timeout: .seconds(1))
        }
        #expect(error.code == ENOENT)
    }
}

@Suite struct SpawnedProcessTests {
    @Test func aRunningChildIsWaitedForWithATimeoutThenTerminated() throws {
        let process = try ChildProcessTests.shell("exec sleep 30").spawn(standardOutput: .discard)
        #expect(try process.wait(timeout: .milliseconds(50)) == nil)
        #expect(try process.poll() == nil)
        #expect(try process.terminate(grace: .seconds(5)) == .signalled(SIGTERM))
        // Reaped once; every later call sees the same ending.
        #expect(try process.poll() == .signalled(SIGTERM))
        #expect(try process.wait() == .signalled(SIGTERM))
    }

    @Test func aChildIgnoringSIGTERMIsKilledAfterTheGracePeriod() throws {
        let process = try ChildProcessTests.shell("trap '' TERM; exec sleep 30").spawn()
        // Give the shell the moment it needs to install its trap: until then SIGTERM would end it.
        var ready = false
        for _ in 0..<200 where !ready {
            ready = (try? readFile("/proc/\(process.pid)/cmdline"))?.hasPrefix("sleep") ?? false
            if !ready { usleep(5000) }
        }
        #expect(try process.terminate(grace: .milliseconds(200)) == .signalled(SIGKILL))
    }

    @Test func outputGoesToAFileAndErrorsCanJoinIt() throws {
        let path = "/tmp/perf-support-spawn-\(getpid())-\(UInt64.random(in: 0...UInt64.max)).log"
        defer { unlink(path) }
        let process = try ChildProcessTests.shell("echo a; echo b >&2").spawn(
            standardOutput: .file(path: path, append: false), standardError: .standardOutput)
        #expect(try process.wait(timeout: .seconds(10)) == .exited(0))
        let again = try ChildProcessTests.shell("echo c").spawn(standardOutput: .file(path: path, append: true))
        #expect(try again.wait(timeout: .seconds(10)) == .exited(0))
        #expect(try readFile(path) == "a\nb\nc\n")
    }

    @Test func anUnwritableOutputFileFailsBeforeAnythingStarts() {
        #expect(throws: SystemError("open(/nonexistent/dir/log)", code: ENOENT)) {
            try ChildProcessTests.shell("echo never").spawn(
                standardOutput: .file(path: "/nonexistent/dir/log", append: false))
        }
    }
}

/// The text of a small file, read with the C library.
func readFile(_ path: String) throws -> String {
    guard let file = fopen(path, "r") else { throw SystemError.capture("fopen(\(path))") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    while case let character = fgetc(file), character != EOF { bytes.append(UInt8(character)) }
    return String(decoding: bytes, as: UTF8.self)
}
