import Synchronization

@testable import MicroBench

/// A wall clock and a thread CPU clock that move only when a test body says so.
///
/// `advance` is work on the CPU (both clocks move); `advanceOffCPU` is time the thread spent
/// preempted (only the wall clock moves). Sendable, so suites' `@Sendable` closures may capture it.
final class FakeClock: Sendable {
    private let wallTime = Atomic<UInt64>(1_000_000)
    private let cpuTime = Atomic<UInt64>(500_000)

    func advance(_ nanoseconds: UInt64) {
        wallTime.add(nanoseconds, ordering: .relaxed)
        cpuTime.add(nanoseconds, ordering: .relaxed)
    }

    func advanceOffCPU(_ nanoseconds: UInt64) {
        wallTime.add(nanoseconds, ordering: .relaxed)
    }

    var wall: UInt64 { wallTime.load(ordering: .relaxed) }

    var clocks: Clocks {
        Clocks(
            wall: { self.wallTime.load(ordering: .relaxed) },
            threadCPU: { self.cpuTime.load(ordering: .relaxed) })
    }

    /// The same wall clock with no CPU clock, as on a platform without one.
    var wallOnlyClocks: Clocks {
        Clocks(wall: { self.wallTime.load(ordering: .relaxed) }, threadCPU: nil)
    }
}

/// A small policy for fake-clock tests: 10 ms warmup, 50 ms budget, 1 ms samples.
let testPolicy = SamplingPolicy(warmup: .milliseconds(10), timeBudget: .milliseconds(50))

/// Registers tasks with `register` and returns the one task they define.
func singleTask(_ register: (SuiteBuilder) -> Void) -> BenchTask {
    let builder = SuiteBuilder(suiteName: "test")
    register(builder)
    precondition(builder.tasks.count == 1, "singleTask expects exactly one task")
    return builder.tasks[0]
}
