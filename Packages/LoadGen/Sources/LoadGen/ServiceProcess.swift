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

    /// Starts the service, with this process's environment plus the spec's variables, in the spec's directory
    /// (this process's working directory when it names none).
    /// - Parameter searchDirectories: where a command without `/` is looked for before `PATH`
    ///   (the `loadgen` tool passes its own directory, so `loadgen-target` is found next to it).
    /// - Throws: `LoadGenError.serviceFailed` when the command is not found or cannot be spawned.
    public static func start(_ spec: ServiceSpec, searchDirectories: [String] = []) throws(LoadGenError)
        -> ServiceProcess
    {
        let inherited = ProcessEnvironment.current()
        var executable = try resolve(
            spec.command, searchDirectories: searchDirectories, path: inherited["PATH"] ?? "/usr/bin:/bin")
        // In another working directory, a relative executable path would be looked up from there.
        if spec.directory != nil, !executable.hasPrefix("/"), let current = getcwd(nil, 0) {
            executable = String(cString: current) + "/" + executable
            free(current)
        }
        let logPath = spec.log ?? "/tmp/loadgen-service-\(getpid()).log"
        let child = ChildProcess(
            executable, spec.arguments, environment: inherited.merging(spec.environment) { $1 },
            workingDirectory: spec.directory, newProcessGroup: true)
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

    /// Polls the readiness URL until it answers 2xx or 3xx: plain `GET` for `http://`, over TLS for `https://`.
    /// - Parameters:
    ///   - tls: how an `https://` readiness URL is verified (the run's settings: its CA file, `insecure`).
    ///   - shouldStop: checked between polls (e.g. after Ctrl-C); stops waiting when true.
    /// - Throws: `LoadGenError.serviceFailed` when the service exits first or the timeout passes (naming what
    ///   the last try got); for `https://`, `.tlsUnavailable` or `.tlsSetupFailed` before the first try.
    public func waitUntilReady(tls: TLSSettings = TLSSettings(), shouldStop: () -> Bool = { false })
        throws(LoadGenError)
    {
        guard let readiness = spec.readiness else { return }
        let probe = try ReadinessProbe(url: readiness, tls: tls)
        let deadline = MonotonicClock.now() + spec.timeout.nanosecondsClamped
        while true {
            if let status = exitStatus() {
                throw .serviceFailed(
                    command: spec.command, reason: "\(status) before it was ready; see its log \(logPath)")
            }
            guard let failure = probe.attempt() else { return }
            if MonotonicClock.now() >= deadline || shouldStop() {
                throw .serviceFailed(
                    command: spec.command,
                    reason: "\(readiness) did not answer 2xx or 3xx within \(UnitText.format(spec.timeout)) "
                        + "(last try: \(failure)); see its log \(logPath)")
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
