import PerfSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starting and joining the event-loop threads with pthreads (Foundation's `Thread` is not needed).
enum ThreadLauncher {
    /// Starts a thread running `body`.
    ///
    /// - Throws: `DemoServiceError.systemCallFailed` if `pthread_create` fails.
    static func start(_ body: @escaping @Sendable () -> Void) throws(DemoServiceError) -> pthread_t {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var thread = pthread_t()
        let result = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        guard result == 0 else {
            Unmanaged<ThreadBody>.fromOpaque(context).release()
            throw .systemCallFailed(call: "pthread_create", reason: SystemError.text(for: result))
        }
        return thread
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
