import PerfResult
import PerfSupport
import Testing

@testable import LoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ServiceProcessTests {
    @Test func serviceIsStoppedWithSigterm() throws {
        var spec = ServiceSpec(command: "sleep")
        spec.arguments = ["30"]
        spec.log = temporaryPath("sleep.log")
        let service = try ServiceProcess.start(spec)
        #expect(service.exitStatus() == nil)
        #expect(service.stop() == "killed by signal 15")
        #expect(service.exitStatus() == "killed by signal 15")
    }

    @Test func serviceThatIgnoresSigtermIsKilledAfterItsGrace() throws {
        var spec = ServiceSpec(command: "/bin/sh")
        spec.arguments = ["-c", "trap '' TERM; echo ready; sleep 30"]
        spec.stopGrace = .milliseconds(300)
        spec.log = temporaryPath("stubborn.log")
        defer { removeFile(spec.log!) }
        let service = try ServiceProcess.start(spec)
        // SIGTERM must come after the trap: the shell prints its line once the trap is set.
        try #require(waitFor { (try? AtomicFile.read(spec.log!)) == Array("ready\n".utf8) })
        #expect(service.stop() == "did not stop within 300ms of SIGTERM and was killed")
    }

    @Test func serviceGetsItsEnvironmentAndArgumentsAndWritesBothStreamsToItsLog() throws {
        var spec = ServiceSpec(command: "sh")
        spec.arguments = ["-c", "echo \"$GREETING $0\"; echo oops >&2; exit 3", "world"]
        spec.environment = ["GREETING": "hello"]
        spec.log = temporaryPath("echo.log")
        defer { removeFile(spec.log!) }
        let service = try ServiceProcess.start(spec)
        #expect(service.executable.hasSuffix("/sh"))
        try #require(waitFor { service.exitStatus() != nil })
        #expect(service.exitStatus() == "exited with status 3")
        #expect(service.stop() == "exited with status 3")
        #expect(try AtomicFile.read(spec.log!) == Array("hello world\noops\n".utf8))
    }

    #if os(Linux)
    // Takes a free port from an in-process TargetServer (epoll): Linux only.
    @Test func serviceThatIsNeverReadyFailsWithItsLog() throws {
        let free = try TargetServer(TargetOptions())
        let port = free.port
        free.stop()
        var spec = ServiceSpec(command: "sleep")
        spec.arguments = ["30"]
        spec.readiness = "http://127.0.0.1:\(port)/"
        spec.timeout = .milliseconds(200)
        spec.log = temporaryPath("never.log")
        let service = try ServiceProcess.start(spec)
        defer { service.stop() }
        #expect(
            throws: LoadGenError.serviceFailed(
                command: "sleep",
                reason: "http://127.0.0.1:\(port)/ did not answer 2xx or 3xx within 200ms "
                    + "(last try: Connection refused); see its log \(spec.log!)")
        ) {
            try service.waitUntilReady()
        }
    }
    #endif

    @Test func serviceThatExitsEarlyIsReported() throws {
        var spec = ServiceSpec(command: "false")
        spec.readiness = "http://127.0.0.1:9/"
        spec.log = temporaryPath("false.log")
        let service = try ServiceProcess.start(spec)
        #expect(
            throws: LoadGenError.serviceFailed(
                command: "false", reason: "exited with status 1 before it was ready; see its log \(spec.log!)")
        ) {
            try service.waitUntilReady()
        }
    }

    @Test func serviceRunsInItsDirectoryWithARelativeCommandResolvedFromOurs() throws {
        let current = try #require(getcwd(nil, 0))
        let here = String(cString: current)
        free(current)
        // /bin/sh, relative to this process's working directory.
        let relative = String(repeating: "../", count: here.split(separator: "/").count) + "bin/sh"
        var spec = ServiceSpec(command: relative)
        spec.directory = "/tmp"
        spec.arguments = ["-c", "pwd"]
        spec.log = temporaryPath("pwd.log")
        defer { removeFile(spec.log!) }
        let service = try ServiceProcess.start(spec)
        try #require(waitFor { service.exitStatus() != nil })
        #expect(service.executable == here + "/" + relative)
        #expect(service.stop() == "exited with status 0")
        #expect(try AtomicFile.read(spec.log!) == Array("/tmp\n".utf8))
    }

    @Test func missingCommandIsNamed() {
        #expect(
            throws: LoadGenError.serviceFailed(
                command: "no-such-command-here",
                reason: "not found next to loadgen or in PATH; build it or give its path")
        ) {
            _ = try ServiceProcess.start(ServiceSpec(command: "no-such-command-here"))
        }
    }
}

/// Checks `condition` every 10 ms for up to 10 s; whether it held.
private func waitFor(_ condition: () -> Bool) -> Bool {
    for _ in 0..<1000 {
        if condition() { return true }
        PosixThread.sleep(nanoseconds: 10_000_000)
    }
    return false
}
