import PerfSupport

/// The service of a run, watched during it: sampled by its process id every 250 ms (`ProcessSampler`: RSS,
/// CPU time, threads, open files, context switches) and checked for an exit, so that a service that dies
/// under load ends the run with how it ended and the last lines of its log.
///
/// ```swift
/// let watch = try ServiceWatch(service: started)     // or ServiceWatch(pid:) for one started apart
/// var result = try test.run { _ in if watch.exitFailure() != nil { test.stop() } }
/// result.service = watch.finish()
/// ```
public final class ServiceWatch: Sendable {
    /// The process sampled.
    public let pid: Int32
    /// The time between samples.
    public let interval: Duration
    private let process: ServiceProcess?
    private let sampler: ProcessSampler

    /// Watches a service this process started (its exit status and log are known).
    /// - Throws: `LoadGenError.serviceFailed` when it cannot be sampled (it has exited already).
    public convenience init(service: ServiceProcess, interval: Duration = .milliseconds(250)) throws(LoadGenError) {
        try self.init(
            pid: service.pid, process: service, interval: interval, name: "service \"\(service.spec.command)\"")
    }

    /// Watches a running process someone else started (`loadgen --service-pid`): when it is gone, its exit
    /// status is not visible from here.
    /// - Throws: `LoadGenError.invalidField` (field `--service-pid`) when no such process runs.
    public convenience init(pid: Int32, interval: Duration = .milliseconds(250)) throws(LoadGenError) {
        try self.init(pid: pid, process: nil, interval: interval, name: "--service-pid")
    }

    private init(pid: Int32, process: ServiceProcess?, interval: Duration, name: String) throws(LoadGenError) {
        self.pid = pid
        self.interval = interval
        self.process = process
        guard pid > 0, ProcessSample.isRunning(pid: pid) else {
            if let process {
                throw .serviceFailed(
                    command: process.spec.command, reason: "pid \(pid) is not running, cannot sample it")
            }
            throw .invalidField(
                field: name,
                reason: "no process \(pid) is running; give the id of the running service (e.g. from pgrep)", file: nil)
        }
        do {
            sampler = try ProcessSampler(pid: pid, interval: interval)
        } catch {
            let reason = "cannot sample pid \(pid): \(error)"
            if let process { throw .serviceFailed(command: process.spec.command, reason: reason) }
            throw .invalidField(field: name, reason: reason, file: nil)
        }
    }

    /// The error to end the run with when the service has exited, else `nil`. Cheap: call it between progress
    /// callbacks. For a service this process started, it reaps it and says how it ended.
    public func exitFailure() -> LoadGenError? {
        if let process {
            guard let status = process.exitStatus() else { return nil }
            return .serviceExited(
                service: "\"\(process.spec.command)\" (pid \(pid))", status: status, log: process.logPath,
                lastLines: process.lastLogLines())
        }
        guard sampler.processExited || !ProcessSample.isRunning(pid: pid) else { return nil }
        return .serviceExited(
            service: "pid \(pid) (--service-pid)",
            status: "is gone (not loadgen's child: its exit status is not visible)", log: nil, lastLines: [])
    }

    /// Stops sampling and returns the samples.
    public func finish() -> ServiceSamples {
        ServiceSamples(
            pid: pid, processors: PosixThread.processorCount, intervalNs: interval.nanosecondsClamped,
            samples: sampler.stop())
    }
}
