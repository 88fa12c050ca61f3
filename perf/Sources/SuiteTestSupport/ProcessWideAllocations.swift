import Foundation

/// One test at a time among those that read the whole process's live allocations (a leak check run in the test
/// process) or build a large live set: Swift Testing runs the tests of a package in parallel in one process, so
/// another test's hundreds of thousands of records land in a leak check's samples as growth (a pooled churn
/// test read 22,000 → 130,000 live allocations while the large-live-set workload was built beside it).
///
///     let run = ProcessWideAllocations.exclusively { CaseRun.churn(.pooled, model: .plainClass, ticks: 200, seed: 1) }
public enum ProcessWideAllocations {
    private static let lock = NSLock()

    /// Runs `body` while no other `exclusively` body runs, and returns what it returns.
    public static func exclusively<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
