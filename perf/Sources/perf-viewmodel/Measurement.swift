import MemProbe
import PerfSupport

/// One case measured: every operation timed and its allocations counted, with a leak check over the
/// whole run. An operation is one tick (an update of the list) or one mount/unmount cycle.
///
/// Only the `measured` part of an operation is timed and counted; `prepare` (making the next items)
/// and `verify` (checking invariants) run outside. Figures are over the operations after the leak
/// check's warmup (the first 20 % of its samples), so that buffers have reached their size.
struct Measurement {
    /// Nanoseconds of each operation, warmup included.
    let nanoseconds: [UInt64]
    /// Allocations of each operation, warmup included; empty when the counter is unavailable.
    let allocations: [UInt64]
    /// Bytes allocated by each operation; empty when the counter is unavailable.
    let bytes: [UInt64]
    /// The first operation after warmup.
    let steadyFrom: Int
    /// Operations between leak-check samples: the batch of each `batchMeans` sample.
    let sampleEvery: Int
    /// View models created so far, read after each operation.
    let viewModelsCreated: [Int]
    /// View models created before the first operation.
    let initialViewModelsCreated: Int
    /// Operations whose `verify` failed.
    let failedChecks: Int
    /// The leak check's verdict and slopes.
    let leak: LeakReport

    /// The number of operations.
    var operations: Int { nanoseconds.count }
    /// The number of operations after warmup.
    var steadyOperations: Int { operations - steadyFrom }

    /// Runs `operations` operations under a leak check sampling 100 times; `viewModelsCreated` is read
    /// after each operation, outside the measured part.
    static func run(
        operations: Int, prepare: (Int) -> Void, measured: (Int) -> Void, verify: (Int) -> Bool,
        viewModelsCreated: () -> Int
    ) -> Measurement {
        let sampleEvery = max(1, operations / 100)
        let check: LeakCheck
        do {
            check = try LeakCheck(.init(length: .iterations(operations), sampleEvery: sampleEvery))
        } catch {
            preconditionFailure("Options keep operations at 100 or more: \(error)")
        }
        let counting = AllocationCounter.isCounting
        var nanoseconds = [UInt64](repeating: 0, count: operations)
        var allocations = [UInt64](repeating: 0, count: counting ? operations : 0)
        var bytes = [UInt64](repeating: 0, count: counting ? operations : 0)
        var created = [Int](repeating: 0, count: operations)
        let initialCreated = viewModelsCreated()
        var failedChecks = 0
        let leak = check.run { operation in
            prepare(operation)
            let countsBefore = counting ? AllocationCounter.currentThread() : nil
            let start = MonotonicClock.now()
            measured(operation)
            let end = MonotonicClock.now()
            if let countsBefore, let countsAfter = AllocationCounter.currentThread() {
                let window = countsAfter - countsBefore
                allocations[operation] = window.allocations
                bytes[operation] = window.bytesAllocated
            }
            nanoseconds[operation] = end &- start
            if !verify(operation) { failedChecks += 1 }
            created[operation] = viewModelsCreated()
        }
        return Measurement(
            nanoseconds: nanoseconds, allocations: allocations, bytes: bytes,
            steadyFrom: min(operations - 1, leak.warmupSampleCount * sampleEvery), sampleEvery: sampleEvery,
            viewModelsCreated: created, initialViewModelsCreated: initialCreated, failedChecks: failedChecks, leak: leak
        )
    }

    /// The mean nanoseconds per operation after warmup.
    var meanNanoseconds: Double { mean(nanoseconds[steadyFrom...]) }

    /// The median and the 99th percentile of nanoseconds per operation after warmup, interpolated between
    /// neighbouring operations as MicroBench's `p50Ns` and `p99Ns` are.
    var percentiles: (p50: Double, p99: Double) {
        let sample = SortedSample(nanoseconds[steadyFrom...].map { Double($0) })
        return (sample.median, sample.quantile(0.99))
    }

    /// The mean of each leak-check batch after warmup: the samples of `nsPerOp`.
    var batchMeans: [Double] {
        stride(from: steadyFrom, to: operations, by: sampleEvery).map { start in
            mean(nanoseconds[start..<min(operations, start + sampleEvery)])
        }
    }

    /// Allocations per operation after warmup; `nil` when the counter is unavailable.
    var allocationsPerOperation: Double? {
        allocations.isEmpty ? nil : mean(allocations[steadyFrom...])
    }

    /// Bytes allocated per operation after warmup; `nil` when the counter is unavailable.
    var bytesPerOperation: Double? {
        bytes.isEmpty ? nil : mean(bytes[steadyFrom...])
    }

    /// View models created per operation after warmup.
    var viewModelsCreatedPerOperation: Double {
        let before = steadyFrom > 0 ? viewModelsCreated[steadyFrom - 1] : initialViewModelsCreated
        return Double(viewModelsCreated[operations - 1] - before) / Double(steadyOperations)
    }

    /// The most allocations of one operation after warmup; `nil` when the counter is unavailable.
    var maximumAllocations: UInt64? {
        allocations.isEmpty ? nil : allocations[steadyFrom...].max()
    }

    /// The mean of `values`; 0 for none.
    private func mean(_ values: ArraySlice<UInt64>) -> Double {
        Moments(values.lazy.map { Double($0) }).mean
    }
}
