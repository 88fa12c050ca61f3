#if os(Linux)
import Foundation
import Glibc
import Testing

@testable import MicroBench

@Suite struct ChildProcessTests {
    func finish(_ arguments: [String], limitSeconds: Int = 60) throws -> (ChildProcess.Outcome, String) {
        let output = temporaryPath("child.log")
        defer { unlink(output) }
        let child = try ChildProcess.start(
            program: arguments[0], arguments: arguments, environment: ["PATH=/usr/bin:/bin", "ONLY=this"],
            directory: "/usr", outputPath: output, limitSeconds: limitSeconds
        ).get()
        var outcome = child.poll()
        while outcome == nil {
            sleepMilliseconds(5)
            outcome = child.poll()
        }
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (try #require(outcome), text)
    }

    @Test func aChildGetsExactlyTheEnvironmentAndDirectoryGivenAndItsOutputGoesToTheFile() throws {
        let (outcome, text) = try finish([
            "/bin/sh", "-c", "echo \"$ONLY $(pwd)\"; echo to-stderr >&2; env | grep -c =",
        ])
        #expect(outcome == .exited(0))
        let lines = text.split(separator: "\n")
        #expect(lines.first == "this /usr")
        #expect(lines.contains("to-stderr"))
    }

    @Test func theExitStatusAndTheSignalAreReported() throws {
        #expect(try finish(["/bin/sh", "-c", "exit 3"]).0 == .exited(3))
        #expect(try finish(["/bin/sh", "-c", "kill -9 $$"]).0 == .signalled(9))
    }

    @Test func aChildPastItsLimitIsKilled() throws {
        #expect(try finish(["/bin/sleep", "30"], limitSeconds: 1).0 == .timedOut(seconds: 1))
    }

    @Test func aProgramThatDoesNotExistFailsToStartWithTheReason() {
        let started = ChildProcess.start(
            program: "/nonexistent/program", arguments: ["program"], environment: [], outputPath: "/dev/null",
            limitSeconds: 1)
        guard case let .failure(failure) = started else {
            Issue.record("a missing program started")
            return
        }
        #expect(failure.reason == "No such file or directory")
    }
}
#endif
