import CLoadGen
import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A service started for a scenario: spawned in its own process group with its output in a log file, polled
/// until ready, and stopped with SIGTERM, then SIGKILL after a grace period.
public struct ServiceProcess: Sendable {
    /// The running child.
    let process: SpawnedProcess
    /// What was started.
    public let spec: ServiceSpec
    /// The executable that was run.
    public let executable: String
    /// The file receiving the service's standard output and error.
    public let logPath: String

    /// The process id (also its process group id).
    public var pid: Int32 { process.pid }

    /// Starts the service, with this process's environment plus the spec's variables.
    /// - Parameter searchDirectories: where a command without `/` is looked for before `PATH`
    ///   (the `loadgen` tool passes its own directory, so `loadgen-target` is found next to it).
    /// - Throws: `LoadGenError.serviceFailed` when the command is not found or cannot be spawned.
    public static func start(_ spec: ServiceSpec, searchDirectories: [String] = []) throws(LoadGenError)
        -> ServiceProcess
    {
        let inherited = ProcessEnvironment.current()
        let executable = try resolve(
            spec.command, searchDirectories: searchDirectories, path: inherited["PATH"] ?? "/usr/bin:/bin")
        let logPath = spec.log ?? "/tmp/loadgen-service-\(getpid()).log"
        let child = ChildProcess(
            executable, spec.arguments, environment: inherited.merging(spec.environment) { $1 },
            newProcessGroup: true)
        do {
            let process = try child.spawn(
                standardOutput: .file(path: logPath, append: false), standardError: .standardOutput)
            return ServiceProcess(process: process, spec: spec, executable: executable, logPath: logPath)
        } catch {
            throw .serviceFailed(command: spec.command, reason: "cannot start: \(error)")
        }
    }

    static func resolve(_ command: String, searchDirectories: [String], path: String) throws(LoadGenError) -> String {
        if command.contains("/") {
            guard ExecutablePath.isExecutableFile(command) else {
                throw .serviceFailed(command: command, reason: "not an executable file (check the path)")
            }
            return command
        }
        let directories = searchDirectories + path.split(separator: ":").map(String.init)
        if let found = ExecutablePath.find(command, in: directories) { return found }
        throw .serviceFailed(
            command: command,
            reason: "not found next to loadgen or in PATH; build it or give its path")
    }

    /// Whether the process has exited; how it ended when it has (`exited with status 1`, `killed by signal 9`).
    public func exitStatus() -> String? {
        do {
            return try process.poll()?.description
        } catch {
            return "could not be waited for (\(error))"
        }
    }

    /// Polls the readiness URL until it answers 2xx or 3xx.
    /// - Parameter shouldStop: checked between polls (e.g. after Ctrl-C); stops waiting when true.
    /// - Throws: `LoadGenError.serviceFailed` when the service exits first or the timeout passes.
    public func waitUntilReady(shouldStop: () -> Bool = { false }) throws(LoadGenError) {
        guard let readiness = spec.readiness else { return }
        let target = try Target(url: readiness)
        let address = try target.resolveIPv4()
        let deadline = MonotonicClock.now() + spec.timeout.nanosecondsClamped
        while true {
            if let status = exitStatus() {
                throw .serviceFailed(
                    command: spec.command, reason: "\(status) before it was ready; see its log \(logPath)")
            }
            if ReadinessProbe.answersSuccess(target: target, address: address) { return }
            if MonotonicClock.now() >= deadline || shouldStop() {
                throw .serviceFailed(
                    command: spec.command,
                    reason: "\(readiness) did not answer 2xx or 3xx within \(UnitText.format(spec.timeout)); "
                        + "see its log \(logPath)")
            }
            PosixThread.sleep(nanoseconds: 50_000_000)
        }
    }

    /// Stops the process group: SIGTERM, then SIGKILL after `stopGrace`. Returns how it ended
    /// (`killed by signal 15` when it obeyed SIGTERM, or what it did before).
    @discardableResult
    public func stop() -> String {
        if let status = exitStatus() { return status }
        do {
            let ending = try process.terminate(grace: spec.stopGrace)
            guard ending != .signalled(SIGKILL) else {
                return "did not stop within \(UnitText.format(spec.stopGrace)) of SIGTERM and was killed"
            }
            return ending.description
        } catch {
            return "could not be waited for (\(error))"
        }
    }
}

/// One blocking `GET` with short timeouts, for readiness checks (never on a hot path).
enum ReadinessProbe {
    static func answersSuccess(target: Target, address: UInt32) -> Bool {
        let fd = loadgen_tcp_socket()
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if loadgen_connect_ipv4(fd, address, UInt16(target.port)) != 0 {
            guard errno == EINPROGRESS, wait(fd, for: Int16(POLLOUT)), loadgen_socket_error(fd) == 0 else {
                return false
            }
        }
        let request = Array("GET \(target.path) HTTP/1.1\r\nHost: \(target.host)\r\nConnection: close\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ loadgen_send(fd, $0.baseAddress, $0.count) }) == request.count else {
            return false
        }
        var buffer = [UInt8](repeating: 0, count: 512)
        var received = 0
        while received < 12, wait(fd, for: Int16(POLLIN)) {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + received, $0.count - received) }
            if count <= 0 { break }
            received += count
        }
        var parser = HTTPResponseParser()
        let step = buffer.withUnsafeBytes {
            parser.parse(UnsafeRawBufferPointer(rebasing: $0[0..<received]), headRequest: false)
        }
        guard step.event != .malformed, received >= 12 else { return false }
        return (200..<400).contains(parser.statusCode)
    }

    private static func wait(_ fd: Int32, for events: Int16) -> Bool {
        var entry = pollfd(fd: fd, events: events, revents: 0)
        return poll(&entry, 1, 1000) == 1
    }
}
