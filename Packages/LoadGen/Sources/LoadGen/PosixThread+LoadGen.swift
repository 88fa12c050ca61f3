import PerfSupport

extension PosixThread {
    /// `spawn`, failing with LoadGen's error: the worker threads of runs and servers.
    /// - Throws: `LoadGenError.systemCallFailed` (`pthread_create`) when the thread cannot be created.
    static func start(_ body: @escaping @Sendable () -> Void) throws(LoadGenError) -> PosixThread {
        do {
            return try spawn(body)
        } catch {
            throw .systemCallFailed(call: "pthread_create", errno: error.code)
        }
    }
}
