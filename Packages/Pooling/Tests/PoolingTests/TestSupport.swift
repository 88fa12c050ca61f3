import Pooling
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pooled object for the tests: a serial number from its pool's factory, state that a reset must
/// clear, and a holder slot that detects two simultaneous holders.
// Safety: one holder at a time mutates `values` and `label`, which is what the pool guarantees and what
// the stress test checks through `holder`; Sendable lets the tests keep arrays of held objects.
final class Scratch: @unchecked Sendable {
    let serial: Int
    var values: [Int] = []
    var label = ""
    /// 0 when free, otherwise the index + 1 of the thread that holds it.
    let holder = Atomic<Int>(0)
    private let deinits: Counter?

    init(serial: Int, deinits: Counter? = nil) {
        self.serial = serial
        self.deinits = deinits
    }

    deinit { deinits?.increment() }

    func reset() {
        values.removeAll(keepingCapacity: true)
        label = ""
    }

    var isReset: Bool { values.isEmpty && label.isEmpty }
}

/// A counter shared by a test and the closures it hands to pools or threads (never a static).
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new value.
    @discardableResult
    func increment() -> Int { value.add(1, ordering: .relaxed).newValue }

    var current: Int { value.load(ordering: .relaxed) }
}

/// A pool of `Scratch` objects numbered from 1 by `serials`.
func makeScratchPool(
    name: String = "scratch", maxSize: Int, threadCacheSize: Int? = nil, strictChecks: Bool = false,
    serials: Counter = Counter(), deinits: Counter? = nil
) -> Pool<Scratch> {
    Pool(name: name, maxSize: maxSize, threadCacheSize: threadCacheSize, strictChecks: strictChecks) {
        Scratch(serial: serials.increment(), deinits: deinits)
    } reset: {
        $0.reset()
    }
}

private final class ThreadBody {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Runs `body(index)` on `count` new threads and waits for them to finish (and to run their thread-exit
/// hooks, which retire the pools' thread caches).
func runOnNewThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    var threads: [pthread_t] = []
    for index in 0..<count {
        let box = Unmanaged.passRetained(ThreadBody { body(index) }).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t? = nil // a pointer on Darwin, an integer on Glibc
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(
            &thread, nil,
            { raw in
                let context: UnsafeMutableRawPointer? = raw // optional on Glibc only
                Unmanaged<ThreadBody>.fromOpaque(context!).takeRetainedValue().body()
                return nil
            }, box)
        precondition(status == 0, "pthread_create failed: \(status)")
        #if canImport(Darwin)
        threads.append(thread!)
        #else
        threads.append(thread)
        #endif
    }
    for thread in threads { pthread_join(thread, nil) }
}
