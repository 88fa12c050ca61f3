import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts a round's threads together: each reports ready and waits; once all are ready the main thread sets one
/// common deadline, and every thread works until it.
final class StartGate: Sendable {
    private let ready = Atomic<Int>(0)
    private let deadline = Atomic<UInt64>(0)
    private let threads: Int

    init(threads: Int) {
        self.threads = threads
    }

    /// A worker: reports ready, waits (yielding its core) for the deadline, and returns it.
    func arrive() -> UInt64 {
        ready.add(1, ordering: .releasing)
        while true {
            let value = deadline.load(ordering: .acquiring)
            if value != 0 { return value }
            sched_yield()
        }
    }

    /// The main thread: waits until every worker is ready, then opens the window; returns its start.
    func open(window: Duration) -> UInt64 {
        while ready.load(ordering: .acquiring) < threads { sched_yield() }
        let start = MonotonicClock.now()
        deadline.store(start &+ window.nanosecondsClamped, ordering: .releasing)
        return start
    }
}
