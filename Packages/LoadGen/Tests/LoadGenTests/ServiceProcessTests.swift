import Testing

@testable import LoadGen

@Suite struct ServiceProcessTests {
    @Test func serviceIsStoppedWithSigterm() throws {
        var spec = ServiceSpec(command: "sleep")
        spec.arguments = ["30"]
        spec.log = temporaryPath("sleep.log")
        let service = try ServiceProcess.start(spec)
        #expect(service.exitStatus() == nil)
        #expect(service.stop() == "was killed by signal 15")
    }

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
                reason: "http://127.0.0.1:\(port)/ did not answer 2xx or 3xx within 200ms; see its log \(spec.log!)")
        ) {
            try service.waitUntilReady()
        }
    }

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
