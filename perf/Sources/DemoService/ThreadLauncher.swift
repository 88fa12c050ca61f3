import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The server half of the demo service: epoll, eventfd and SO_REUSEPORT balancing, so Linux only. Elsewhere
// demo-service says so and exits 2; the service's logic (routes, JSON, sessions) builds everywhere.
#if os(Linux)

/// Starting and joining the event-loop threads with pthreads (Foundation's `Thread` is not needed).
enum ThreadLauncher {
    /// Starts a thread running `body`.
    ///
    /// - Throws: `DemoServiceError.systemCallFailed` if `pthread_create` fails.
    static func start(_ body: @escaping @Sendable () -> Void) throws(DemoServiceError) -> pthread_t {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        #if canImport(Darwin)
        var thread: pthread_t? = nil // a pointer on Darwin, an integer on Glibc
        #else
        var thread = pthread_t()
        #endif
        let result = pthread_create(
            &thread, nil,
            { context in
                let raw: UnsafeMutableRawPointer? = context // optional on Glibc only
                guard let context = raw else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        guard result == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            throw .systemCallFailed(call: "pthread_create", reason: SystemError.text(for: result))
        }
        #if canImport(Darwin)
        return thread!
        #else
        return thread
        #endif
    }

    /// Waits for a thread to finish.
    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}

/// The closure a new thread runs, boxed to cross `pthread_create`'s context pointer.
private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void

    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}

#endif
