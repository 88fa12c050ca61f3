/// Whose counters a usage reading covers: the whole process, or only the calling thread.
///
/// The same choice as MemProbe's `AllocationProbe.Scope`: every thread's is right when the measured work runs on
/// several threads; the calling thread's is exact while other threads of the process (a test runner's, a
/// server's) do their own work.
public enum UsageScope: Sendable, Hashable, CaseIterable {
    /// Every thread of the process, live or exited (`RUSAGE_SELF`, `/proc/self/io`).
    case allThreads
    /// Only the thread that reads (`RUSAGE_THREAD`, `/proc/thread-self/io`): Linux only.
    case currentThread
}
