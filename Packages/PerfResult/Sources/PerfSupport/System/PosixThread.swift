#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A joinable POSIX thread running one closure: the worker threads of load runs and servers, and the
/// thread of a `ProcessSampler`.
public struct PosixThread: @unchecked Sendable {
    // Safety: `pthread_t` is an opaque handle; it is only passed to `pthread_join`, once, by its owner.
    private let handle: pthread_t

    /// Starts `body` on a new thread.
    /// - Throws: `SystemError` (`pthread_create`) when the thread cannot be created.
    public static func spawn(_ body: @escaping @Sendable () -> Void) throws(SystemError) -> PosixThread {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t? = nil // a pointer on Darwin, an integer on Glibc
        #else
        var handle = pthread_t()
        #endif
        let status = pthread_create(
            &handle, nil,
            { context in
                let raw: UnsafeMutableRawPointer? = context // optional on Glibc only
                let body = Unmanaged<Body>.fromOpaque(raw!).takeRetainedValue()
                body.run()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw SystemError("pthread_create", code: status)
        }
        #if canImport(Darwin)
        return PosixThread(handle: handle!)
        #else
        return PosixThread(handle: handle)
        #endif
    }

    /// Waits for the thread to end.
    public func join() {
        pthread_join(handle, nil)
    }

    private final class Body: Sendable {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Sleeps the calling thread for `nanoseconds` (resumed after a signal).
    public static func sleep(nanoseconds: UInt64) {
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }

    /// The number of processors online.
    public static var processorCount: Int {
        max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
