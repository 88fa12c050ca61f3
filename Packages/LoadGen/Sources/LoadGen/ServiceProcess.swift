import CLoadGen

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A service started for a scenario: spawned in its own process group, polled until ready, and
/// stopped with SIGTERM, then SIGKILL after a grace period.
public struct ServiceProcess: Sendable {
    /// The process id (also its process group id).
    public let pid: Int32
    /// What was started.
    public let spec: ServiceSpec
    /// The executable that was run.
    public let executable: String
    /// The file receiving the service's standard output and error.
    public let logPath: String

    /// Starts the service.
    /// - Parameter searchDirectories: where a command without `/` is looked for before `PATH`
    ///   (the `loadgen` tool passes its own directory, so `loadgen-target` is found next to it).
    /// - Throws: `LoadGenError.serviceFailed` when the command is not found or cannot be spawned.
    public static func start(_ spec: ServiceSpec, searchDirectories: [String] = []) throws(LoadGenError)
        -> ServiceProcess
    {
        let executable = try resolve(spec.command, searchDirectories: searchDirectories)
        let logPath = spec.log ?? "/tmp/loadgen-service-\(getpid()).log"
        var variables: [String: String] = [:]
        var order: [String] = []
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                let key = String(text[..<equals])
                if variables[key] == nil { order.append(key) }
                variables[key] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        for (key, value) in spec.environment.sorted(by: { $0.key < $1.key }) {
            if variables[key] == nil { order.append(key) }
            variables[key] = value
        }
        let argv = ([executable] + spec.arguments).map { strdup($0) } + [nil]
        let envp = order.map { strdup("\($0)=\(variables[$0]!)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            throw .serviceFailed(
                command: spec.command, reason: "cannot start \(executable): \(SystemError.text(status))")
        }
        return ServiceProcess(pid: pid, spec: spec, executable: executable, logPath: logPath)
    }

    static func resolve(_ command: String, searchDirectories: [String]) throws(LoadGenError) -> String {
        if command.contains("/") {
            guard access(command, X_OK) == 0 else {
                throw .serviceFailed(command: command, reason: "not an executable file (check the path)")
            }
            return command
        }
        let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
        let directories = searchDirectories + path.split(separator: ":").map(String.init)
        for directory in directories where !directory.isEmpty {
            let candidate = directory.hasSuffix("/") ? directory + command : directory + "/" + command
            if access(candidate, X_OK) == 0 { return candidate }
        }
        throw .serviceFailed(
            command: command,
            reason: "not found next to loadgen or in PATH; build it or give its path")
    }

    /// Whether the process has exited; its status text when it has.
    public func exitStatus() -> String? {
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return result < 0 ? "already reaped" : nil }
        return ServiceProcess.describe(status)
    }

    static func describe(_ status: Int32) -> String {
        let signal = status & 0x7F
        if signal == 0 { return "exited with status \((status >> 8) & 0xFF)" }
        return "was killed by signal \(signal)"
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
                    reason: "\(readiness) did not answer 2xx or 3xx within \(DurationText.format(spec.timeout)); "
                        + "see its log \(logPath)")
            }
            PosixThread.sleep(nanoseconds: 50_000_000)
        }
    }

    /// Stops the process group: SIGTERM, then SIGKILL after `stopGrace`. Returns how it ended.
    @discardableResult
    public func stop() -> String {
        if let status = exitStatus() { return status }
        kill(-pid, SIGTERM)
        let deadline = MonotonicClock.now() + spec.stopGrace.nanosecondsClamped
        while MonotonicClock.now() < deadline {
            if let status = exitStatus() { return status }
            PosixThread.sleep(nanoseconds: 10_000_000)
        }
        kill(-pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return "did not stop within \(DurationText.format(spec.stopGrace)) of SIGTERM and was killed"
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
