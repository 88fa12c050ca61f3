import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process that was started and may still run: wait for it, signal it, or stop it.
///
/// The building block of a service wrapper (start, wait until ready, stop with a grace period). Safe to use
/// from several threads: the child is reaped once, and every later call sees how it ended.
public final class SpawnedProcess: Sendable {
    /// The child's process id (also its process group id when it leads one).
    public let pid: Int32
    /// Whether the child leads its own process group, so that signals go to the whole group.
    public let leadsProcessGroup: Bool
    private let ending = Mutex<ChildProcess.Termination?>(nil)

    init(pid: Int32, leadsProcessGroup: Bool) {
        self.pid = pid
        self.leadsProcessGroup = leadsProcessGroup
    }

    /// How the child ended, reaping it if it just did; `nil` while it runs. Never blocks.
    /// - Throws: `SystemError` when the child cannot be waited for (another part of the program reaped it,
    ///   or SIGCHLD is ignored).
    public func poll() throws(SystemError) -> ChildProcess.Termination? {
        try ending.withLock { ending throws(SystemError) in
            if let ending { return ending }
            var status: Int32 = 0
            while true {
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid {
                    ending = ChildProcess.Termination(waitStatus: status)
                    return ending
                }
                if reaped == 0 { return nil }
                if errno != EINTR { throw .capture("waitpid(\(pid))") }
            }
        }
    }

    /// Waits until the child ends or `timeout` passes, whichever comes first; `nil` timeout waits for good.
    /// - Returns: How the child ended, or `nil` if it still runs after `timeout`.
    /// - Throws: `SystemError` when the child cannot be waited for.
    public func wait(timeout: Duration? = nil) throws(SystemError) -> ChildProcess.Termination? {
        let deadline = timeout.map { MonotonicClock.now().addingClamped($0.nanosecondsClamped) }
        var pause: UInt64 = 1_000_000
        while true {
            if let ending = try poll() { return ending }
            let now = MonotonicClock.now()
            if let deadline, now >= deadline { return nil }
            // Checks start at 1 ms apart and settle at 20 ms: a prompt answer for short children, little
            // waste for long ones.
            Self.sleep(nanoseconds: min(pause, deadline.map { $0 - now } ?? pause))
            pause = min(pause * 2, 20_000_000)
        }
    }

    /// Sends `signal` to the child, or to its whole process group when it leads one; nothing once it has been
    /// reaped (its pid may belong to another process by then).
    public func send(_ signal: Int32) {
        ending.withLock { ending in
            guard ending == nil else { return }
            _ = kill(leadsProcessGroup ? -pid : pid, signal)
        }
    }

    /// Stops the child: SIGTERM, then SIGKILL if it still runs after `grace`, and waits for it to end.
    /// - Returns: How it ended: `.signalled(SIGTERM)` when it obeyed, `.signalled(SIGKILL)` when it had to be
    ///   killed, or whatever it did first (it may have exited on its own, or handled SIGTERM and exited).
    /// - Throws: `SystemError` when the child cannot be waited for.
    @discardableResult
    public func terminate(grace: Duration) throws(SystemError) -> ChildProcess.Termination {
        if let ending = try poll() { return ending }
        send(SIGTERM)
        if let ending = try wait(timeout: grace) { return ending }
        send(SIGKILL)
        // SIGKILL cannot be caught: the wait ends as soon as the kernel has torn the child down.
        while true {
            if let ending = try wait(timeout: .seconds(1)) { return ending }
        }
    }

    static func sleep(nanoseconds: UInt64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
    }
}

extension UInt64 {
    /// `self + other`, or `UInt64.max` where that overflows: deadlines far in the future stay in the future.
    func addingClamped(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
