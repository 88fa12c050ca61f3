#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `count` closures on as many new threads at once (pthreads: a client each, more than the cores) and waits
/// for all of them.
enum Threads {
    /// Starts `body(i)` for i in 0..<count on its own thread, then joins them all.
    static func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [pthread_t] = []
        for index in 0..<count {
            let context = Unmanaged.passRetained(Box { body(index) }).toOpaque()
            #if canImport(Darwin)
            var thread: pthread_t? = nil
            #else
            var thread = pthread_t()
            #endif
            let result = pthread_create(
                &thread, nil,
                { context in
                    let raw: UnsafeMutableRawPointer? = context
                    guard let raw else { return nil }
                    Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
                    return nil
                }, context)
            precondition(result == 0, "pthread_create failed (\(result)): lower --clients")
            #if canImport(Darwin)
            threads.append(thread!)
            #else
            threads.append(thread)
            #endif
        }
        for thread in threads { pthread_join(thread, nil) }
    }

    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }
}
