#if os(Linux)
import CMicroBench
import Glibc

/// A child process started with an exact argument list and environment, its output sent to a file,
/// bounded in time.
///
/// Several can run at once: `start` returns at once and `poll` reaps without blocking, so the
/// runner keeps a few callgrind children busy and prints their rows in order.
final class ChildProcess {
    /// How a child ended.
    enum Outcome: Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// A signal ended it.
        case signalled(Int32)
        /// It ran past its time limit and was killed.
        case timedOut(seconds: Int)
        /// `waitpid` failed: the child cannot be waited for.
        case lost(errno: Int32)
    }

    private let pid: pid_t
    private let deadline: UInt64
    private let limitSeconds: Int
    /// The outcome, once reaped.
    private(set) var outcome: Outcome?

    /// Starts `arguments[0]` at `program` with `environment` (`NAME=value` strings, nothing inherited),
    /// in `directory`, standard input from `/dev/null`, standard output and error appended to
    /// `outputPath`.
    ///
    /// - Returns: The child, or the reason it could not start (`strerror` of `posix_spawn`).
    static func start(
        program: String, arguments: [String], environment: [String], directory: String = "/", outputPath: String,
        limitSeconds: Int
    ) -> Swift.Result<ChildProcess, SpawnFailure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let changed = microbench_spawn_file_actions_addchdir(&actions, directory)
        guard changed == 0 else {
            return .failure(SpawnFailure(reason: "cannot start in \(directory): \(String(cString: strerror(changed)))"))
        }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        var status = posix_spawn(&pid, program, &actions, nil, argv, envp)
        // ETXTBSY: a program written a moment ago is still open for writing in a child another thread
        // forked and has not yet exec'd (the descriptor was inherited); that child lets go within
        // milliseconds, so try again a few times.
        var retries = 0
        while status == ETXTBSY && retries < 40 {
            sleepMilliseconds(5)
            status = posix_spawn(&pid, program, &actions, nil, argv, envp)
            retries += 1
        }
        guard status == 0 else { return .failure(SpawnFailure(reason: String(cString: strerror(status)))) }
        let deadline = monotonicNanoseconds() &+ UInt64(limitSeconds) &* 1_000_000_000
        return .success(ChildProcess(pid: pid, deadline: deadline, limitSeconds: limitSeconds))
    }

    private init(pid: pid_t, deadline: UInt64, limitSeconds: Int) {
        self.pid = pid
        self.deadline = deadline
        self.limitSeconds = limitSeconds
    }

    /// Reaps the child if it has ended, kills it if it is past its time limit; returns the outcome
    /// once there is one. Never blocks, except for the reaping of a child it just killed.
    func poll() -> Outcome? {
        if let outcome { return outcome }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid {
            outcome = Self.decode(status)
        } else if reaped < 0 && errno != EINTR {
            outcome = .lost(errno: errno)
        } else if Self.monotonicNanoseconds() >= deadline {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            outcome = .timedOut(seconds: limitSeconds)
        }
        return outcome
    }

    /// Kills the child if it still runs and reaps it; for an interrupted run.
    func terminate() {
        guard outcome == nil else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        outcome = .signalled(SIGKILL)
    }

    /// `WIFEXITED`/`WEXITSTATUS` and `WTERMSIG`, which Swift does not import as macros.
    private static func decode(_ status: Int32) -> Outcome {
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private static func monotonicNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}

/// Why `posix_spawn` refused to start a child.
struct SpawnFailure: Error {
    var reason: String
}

/// Sleeps `milliseconds`, for polling children.
func sleepMilliseconds(_ milliseconds: Int) {
    var request = timespec(tv_sec: 0, tv_nsec: milliseconds * 1_000_000)
    var remaining = timespec()
    while nanosleep(&request, &remaining) != 0 && errno == EINTR { request = remaining }
}
#endif
