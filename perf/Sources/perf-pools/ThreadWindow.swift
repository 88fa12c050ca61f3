import MemProbe
import PerfSupport
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs one loop on several new threads at once over one fixed window, and counts what they did.
///
/// Each thread warms up (its pool cache fills), reports ready and spins until the main thread, once
/// every thread is ready, sets one common start and deadline. Then each thread runs batches until the
/// deadline. A thread's rate is its operations over the time from the common start to its own end, so
/// a thread that starts late only lowers the total; the total is the sum of the rates. The clock is
/// read once per batch (1,000 operations), and the main thread sleeps in `pthread_join` meanwhile.
struct ThreadWindow {
    /// Threads that run the loop at once.
    var threads: Int
    /// The measured window.
    var window: Duration
    /// Operations per clock read.
    var batch = 1_000
    /// Operations each thread runs before it reports ready.
    var warmupOperations = 20_000

    /// Runs `loop` (`loop(n)` runs n operations) on `threads` threads and returns the round's figures.
    /// - Complexity: the window plus thread start and join.
    func run(_ loop: @escaping @Sendable (Int) -> Void) -> ThreadRound {
        precondition(threads >= 1, "ThreadWindow needs at least one thread")
        let control = WindowControl()
        let batch = self.batch
        let warmupBatches = max(1, warmupOperations / batch)
        let workers = (0..<threads).map { _ in
            ThreadLauncher.start {
                for _ in 0..<warmupBatches { loop(batch) }
                control.ready.add(1, ordering: .releasing)
                let tally = WindowControl.measure(loop, batch: batch, control: control)
                control.tallies.withLock { $0.append(tally) }
            }
        }
        while control.ready.load(ordering: .acquiring) < threads { sched_yield() }
        let start = MonotonicClock.now()
        control.start.store(start, ordering: .relaxed)
        control.deadline.store(start &+ max(1, window.nanosecondsClamped), ordering: .releasing)
        for worker in workers { ThreadLauncher.join(worker) }
        return ThreadRound(threads: threads, tallies: control.tallies.withLock { $0 })
    }
}

/// What the threads of one window share: the start line, and their tallies once they are done.
final class WindowControl: Sendable {
    /// Threads warmed up and waiting.
    let ready = Atomic<Int>(0)
    /// The common start, in `MonotonicClock` nanoseconds; written before `deadline`.
    let start = Atomic<UInt64>(0)
    /// The end of the window; 0 until every thread is ready.
    let deadline = Atomic<UInt64>(0)
    /// One tally per thread, appended after its window.
    let tallies = Mutex<[ThreadTally]>([])

    /// Waits for the start, then runs batches until the deadline; called on a worker thread.
    static func measure(_ loop: (Int) -> Void, batch: Int, control: WindowControl) -> ThreadTally {
        var deadline = control.deadline.load(ordering: .acquiring)
        while deadline == 0 {
            sched_yield()
            deadline = control.deadline.load(ordering: .acquiring)
        }
        let start = control.start.load(ordering: .relaxed)
        let allocationsBefore = AllocationCounter.currentThread()
        let cpuBefore = CPUClock.thread()
        var operations = 0
        repeat {
            loop(batch)
            operations += batch
        } while MonotonicClock.now() < deadline
        let end = MonotonicClock.now()
        let cpuAfter = CPUClock.thread()
        let allocationsAfter = AllocationCounter.currentThread()
        var allocations: AllocationCounts?
        if let allocationsBefore, let allocationsAfter { allocations = allocationsAfter - allocationsBefore }
        var cpu: UInt64?
        if let cpuBefore, let cpuAfter { cpu = cpuAfter >= cpuBefore ? cpuAfter - cpuBefore : 0 }
        return ThreadTally(
            operations: operations, elapsedNanoseconds: end >= start ? end - start : 0, cpuNanoseconds: cpu,
            allocations: allocations.map { Double($0.allocations) },
            bytes: allocations.map { Double($0.bytesAllocated) })
    }
}

/// Starts and joins POSIX threads that run a Swift closure.
enum ThreadLauncher {
    private final class Start: Sendable {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts a thread running `body`; traps when the system refuses (no thread, no benchmark).
    static func start(_ body: @escaping @Sendable () -> Void) -> pthread_t {
        let context = Unmanaged.passRetained(Start(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t? = nil // a pointer on Darwin, an integer on Glibc
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(
            &thread, nil,
            { context in
                let raw: UnsafeMutableRawPointer? = context // optional on Glibc only
                Unmanaged<Start>.fromOpaque(raw!).takeRetainedValue().body()
                return nil
            }, context)
        precondition(status == 0, "pthread_create failed with error \(status)")
        #if canImport(Darwin)
        return thread!
        #else
        return thread
        #endif
    }

    /// Waits for `thread` to end.
    static func join(_ thread: pthread_t) {
        let status = pthread_join(thread, nil)
        precondition(status == 0, "pthread_join failed with error \(status)")
    }
}
