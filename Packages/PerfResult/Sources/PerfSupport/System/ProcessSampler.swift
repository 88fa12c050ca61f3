import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Samples another process by its id on a thread of its own, every `interval` (250 ms by default), until
/// `stop()`, until the process exits or after `maximumSamples` samples, whichever comes first: a service under
/// load, from the load generator's side.
///
/// ```swift
/// let sampler = try ProcessSampler(pid: service.pid)   // the first sample is taken here
/// … the load …
/// let samples = sampler.stop()                         // a last sample, then the thread joined
/// print(samples.map { $0.residentBytes ?? 0 }.max() ?? 0)
/// ```
///
/// Linux only (`/proc`); elsewhere `init` throws `ENOSYS`.
public final class ProcessSampler: Sendable {
    /// The process sampled.
    public let pid: Int32
    /// The time between samples.
    public let interval: Duration
    /// The most samples kept; sampling stops there (a day at 250 ms by default), so memory stays bounded.
    public let maximumSamples: Int

    private struct State {
        var samples: [ProcessSample]
        var stopRequested = false
        var exited = false
    }

    /// What the sampling thread shares with the owner; the thread holds this, not the sampler, so that the
    /// sampler's `deinit` runs on its owner's thread and can join the sampling one.
    private final class Shared: Sendable {
        let state: Mutex<State>
        init(_ first: ProcessSample) { state = Mutex(State(samples: [first])) }
    }

    private let shared: Shared
    private let thread: Mutex<PosixThread?>

    /// Takes the first sample of `pid` now and starts sampling.
    /// - Throws: `SystemError` with `ESRCH` when no such process runs (or it has exited), `ENOSYS` where
    ///   `/proc` is missing, or the error of `pthread_create`.
    public init(pid: Int32, interval: Duration = .milliseconds(250), maximumSamples: Int = 345_600)
        throws(SystemError)
    {
        guard let first = ProcessSample.read(pid: pid) else {
            #if os(Linux)
            throw SystemError("/proc/\(pid)/stat", code: ESRCH)
            #else
            throw SystemError("/proc/\(pid)/stat", code: ENOSYS)
            #endif
        }
        let shared = Shared(first)
        let intervalNs = UInt64(max(1_000_000, interval.nanosecondsClamped))
        let limit = max(2, maximumSamples)
        self.pid = pid
        self.interval = interval
        self.maximumSamples = limit
        self.shared = shared
        thread = Mutex(
            try PosixThread.spawn {
                ProcessSampler.run(pid: pid, intervalNs: intervalNs, maximumSamples: limit, shared: shared)
            })
    }

    /// The samples so far, in order.
    public var samples: [ProcessSample] { shared.state.withLock { $0.samples } }

    /// Whether a sample found the process gone (exited, or a zombie waiting for its parent).
    public var processExited: Bool { shared.state.withLock { $0.exited } }

    /// Stops sampling (within 10 ms), takes a last sample when the process still runs (so that a run shorter
    /// than the interval has two samples to take rates from) and returns every sample. Safe to call more than
    /// once; only the first call samples.
    @discardableResult
    public func stop() -> [ProcessSample] {
        shared.state.withLock { $0.stopRequested = true }
        let running = thread.withLock { thread -> PosixThread? in
            defer { thread = nil }
            return thread
        }
        if let running {
            running.join()
            let last = ProcessSample.read(pid: pid)
            shared.state.withLock { state in
                if let last, !state.exited, state.samples.count < maximumSamples { state.samples.append(last) }
            }
        }
        return samples
    }

    deinit {
        stop()
    }

    private static func run(pid: Int32, intervalNs: UInt64, maximumSamples: Int, shared: Shared) {
        var due = MonotonicClock.now() + intervalNs
        while true {
            // Sleep in slices, so that `stop()` is answered within 10 ms.
            while true {
                if shared.state.withLock({ $0.stopRequested }) { return }
                let now = MonotonicClock.now()
                guard now < due else { break }
                PosixThread.sleep(nanoseconds: min(due - now, 10_000_000))
            }
            let sample = ProcessSample.read(pid: pid)
            let done = shared.state.withLock { state -> Bool in
                guard let sample else {
                    state.exited = true
                    return true
                }
                state.samples.append(sample)
                return state.samples.count >= maximumSamples
            }
            if done { return }
            due += intervalNs
            // Behind schedule (the machine was busy): skip to the next slot rather than sample in a burst.
            let now = MonotonicClock.now()
            if due <= now { due = now + intervalNs - (now - due) % intervalNs }
        }
    }
}
