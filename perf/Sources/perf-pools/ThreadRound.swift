/// What one thread did in one window.
struct ThreadTally: Sendable, Equatable {
    /// Operations completed.
    var operations: Int
    /// From the common start to this thread's end, in nanoseconds.
    var elapsedNanoseconds: UInt64
    /// CPU time the thread got in its window; `nil` without a thread CPU clock.
    var cpuNanoseconds: UInt64?
    /// Allocations and bytes allocated in the window; `nil` when MemProbe's counter is not counting.
    var allocations: Double?
    var bytes: Double?
}

/// One window of a threads case: its threads' tallies and the figures the report and bars use.
struct ThreadRound: Sendable, Equatable {
    /// Threads that ran at once.
    var threads: Int
    /// One per thread.
    var tallies: [ThreadTally]

    /// Total operations per second: the sum of each thread's operations over its elapsed time.
    var opsPerSecond: Double {
        tallies.reduce(0) { total, tally in
            tally.elapsedNanoseconds == 0
                ? total : total + Double(tally.operations) * 1e9 / Double(tally.elapsedNanoseconds)
        }
    }

    /// Wall nanoseconds per operation on each thread: `threads / opsPerSecond`. Equal to the one-thread
    /// figure when the threads do not slow each other down.
    var nanosecondsPerOperation: Double {
        let rate = opsPerSecond
        return rate > 0 ? Double(threads) * 1e9 / rate : 0
    }

    /// Operations per second of CPU time the threads actually got: what other processes cannot depress.
    /// Equal between one and two threads when the threads do not contend. `nil` without a CPU clock.
    var opsPerCPUSecond: Double? {
        var cpu: UInt64 = 0
        for tally in tallies {
            guard let nanoseconds = tally.cpuNanoseconds else { return nil }
            cpu += nanoseconds
        }
        return cpu > 0 ? Double(operations) * 1e9 / Double(cpu) : nil
    }

    /// Operations of every thread.
    var operations: Int { tallies.reduce(0) { $0 + $1.operations } }

    /// Allocations per operation over every thread's window; `nil` when not counted.
    var allocationsPerOperation: Double? { perOperation(\.allocations) }

    /// Bytes allocated per operation over every thread's window; `nil` when not counted.
    var bytesPerOperation: Double? { perOperation(\.bytes) }

    private func perOperation(_ count: KeyPath<ThreadTally, Double?>) -> Double? {
        var total = 0.0
        for tally in tallies {
            guard let value = tally[keyPath: count] else { return nil }
            total += value
        }
        return operations > 0 ? total / Double(operations) : nil
    }
}
