import CRuntimeCalls
import MemProbe
import PerfResult
import PerfSupport
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private final class Node {}

/// Calls `swift_retain` exactly `count` times on `object`, then `swift_release` as many times (the
/// runtime entry points themselves: `Unmanaged.retain()` adds traffic of its own in a debug build).
@inline(never)
private func retainAndRelease(_ object: Node, count: Int) {
    let pointer = Unmanaged.passUnretained(object).toOpaque()
    for _ in 0..<count { runtime_calls_retain(pointer) }
    for _ in 0..<count { runtime_calls_release(pointer) }
}

@Suite(.serialized, .enabled(if: ARCCounter.availability == .available, "ARC counting is verified on Linux only"))
struct ARCCounterTests {
    @Test func aWindowCountsEachRetainAndReleaseExactlyOnce() {
        let object = Node()
        ARCCounter.begin()
        let before = ARCCounter.currentThread()!
        retainAndRelease(object, count: 1000)
        let window = ARCCounter.currentThread()! - before
        ARCCounter.end()
        #expect(window.retains == 1000)
        #expect(window.releases == 1000)
        #expect(window.objectAllocations == 0)
    }

    /// Swift 6.3's retain adapter masks a small String's tag bits away and then dereferences its bytes
    /// (swiftlang/swift#88924); MemProbe replaces it. Without that, this test crashes the process.
    @Test func retainingATaggedValueInsideAWindowNeitherCrashesNorCounts() throws {
        let smallStringBits: UInt = 0xE500_0000_7374_6550 // a negative, tagged bridge value: never a pointer
        let tagged = try #require(UnsafeMutableRawPointer(bitPattern: smallStringBits))
        ARCCounter.begin()
        let before = ARCCounter.currentThread()!
        for _ in 0..<10 { runtime_calls_retain(tagged) }
        for _ in 0..<10 { runtime_calls_release(tagged) }
        let window = ARCCounter.currentThread()! - before
        ARCCounter.end()
        #expect(window == ARCCounts())
    }

    @Test func objectAllocationsCountClassInstances() {
        ARCCounter.begin()
        let before = ARCCounter.currentThread()!
        var kept: [Node] = []
        kept.reserveCapacity(100)
        let reserved = ARCCounter.currentThread()! - before
        for _ in 0..<100 { kept.append(Node()) }
        let window = ARCCounter.currentThread()! - before
        ARCCounter.end()
        #expect(window.objectAllocations - reserved.objectAllocations == 100)
        #expect(kept.count == 100)
    }

    @Test func nothingIsCountedOutsideAWindowAndTheHooksAreRemoved() {
        let object = Node()
        ARCCounter.begin()
        ARCCounter.end()
        #expect(ARCCounter.openWindows == 0)
        let before = ARCCounter.currentThread()!
        retainAndRelease(object, count: 500)
        #expect(ARCCounter.currentThread()! - before == ARCCounts())
    }

    @Test func nestedWindowsShareTheHooksUntilTheLastCloses() {
        let object = Node()
        ARCCounter.begin()
        ARCCounter.begin()
        ARCCounter.end()
        #expect(ARCCounter.openWindows == 1)
        let before = ARCCounter.currentThread()!
        retainAndRelease(object, count: 10)
        #expect((ARCCounter.currentThread()! - before).retains == 10)
        ARCCounter.end()
        #expect(ARCCounter.openWindows == 0)
    }

    @Test func anotherThreadsTrafficDoesNotPolluteTheCurrentThreadsCount() {
        let worker = RetainingThread(object: Node())
        worker.start()
        defer { worker.stop() }
        let object = Node()
        ARCCounter.begin()
        let started = worker.waitForRounds(1)
        let before = ARCCounter.currentThread()!
        let roundsBefore = worker.iterations() / 100
        retainAndRelease(object, count: 2000)
        let workerRanInside = worker.waitForRounds(roundsBefore + 5) // its retains land inside the window
        let window = ARCCounter.currentThread()! - before
        ARCCounter.end()
        #expect(started && workerRanInside)
        #expect(window.retains == 2000)
        #expect(window.releases == 2000)
    }

    @Test func anAllThreadsWindowCountsOtherThreads() {
        ARCCounter.begin(allThreads: true)
        let before = ARCCounter.allThreads()!
        let worker = RetainingThread(object: Node(), limit: 3000)
        worker.start()
        let finished = worker.waitForRounds(30) // all 3,000 pairs, before it is stopped
        worker.stop()
        #expect(finished)
        let window = ARCCounter.allThreads()! - before
        ARCCounter.end(allThreads: true)
        #expect(window.retains >= 3000)
        #expect(window.releases >= 3000)
    }

    @Test func installingAndRemovingWhileAnotherThreadIsInsideAHookIsSafe() {
        let shared = Node()
        let worker = RetainingThread(object: shared)
        worker.start()
        for _ in 0..<20_000 {
            ARCCounter.begin()
            ARCCounter.end()
        }
        worker.stop()
        #expect(ARCCounter.openWindows == 0)
        #expect(worker.iterations() > 0)
        var unique = shared
        #expect(isKnownUniquelyReferenced(&unique) == false) // `shared` and `unique`
        _ = consume unique
        var only = Node()
        #expect(isKnownUniquelyReferenced(&only))
    }
}

/// A thread that retains and releases one object in a loop until stopped (or `limit` pairs).
private final class RetainingThread: @unchecked Sendable {
    private let object: Node
    private let limit: Int
    private let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var stopping = false
    private var done = 0
    private var thread: PosixThread?

    init(object: Node, limit: Int = .max) {
        self.object = object
        self.limit = limit
        pthread_mutex_init(lock, nil)
    }

    deinit {
        pthread_mutex_destroy(lock)
        lock.deallocate()
    }

    func start() {
        do {
            thread = try PosixThread.spawn { [self] in loop() }
        } catch {
            preconditionFailure("cannot start the retaining thread: \(error)")
        }
    }

    private func loop() {
        var count = 0
        while count < limit {
            retainAndRelease(object, count: 100)
            count += 100
            pthread_mutex_lock(lock)
            done = count
            let stop = stopping
            pthread_mutex_unlock(lock)
            if stop { break }
        }
    }

    func iterations() -> Int {
        pthread_mutex_lock(lock)
        defer { pthread_mutex_unlock(lock) }
        return done
    }

    /// Waits until the thread has done `rounds` rounds of 100 pairs (or reached its limit); false after 10 s.
    func waitForRounds(_ rounds: Int) -> Bool {
        for _ in 0..<10_000 {
            if iterations() >= min(rounds * 100, limit) { return true }
            usleep(1000)
        }
        return false
    }

    /// Waits until the thread has done at least one round (or reached its limit), then stops and joins it.
    func stop() {
        while iterations() == 0 { sched_yield() }
        pthread_mutex_lock(lock)
        stopping = true
        pthread_mutex_unlock(lock)
        thread?.join()
        self.thread = nil
    }
}
