import MemProbe
import SuiteTestSupport
import Testing

@testable import perf_memory

/// The workload behind `largeLiveSetLeak`: a large live set that stays the same size, and exactly one
/// allocation kept per iteration. (That the leak check catches it is tested on the executable, in a process
/// of its own: here other tests allocate on other threads while it runs.)
@Suite struct LargeLiveSetLeakWorkloadTests {
    @Test func theLiveSetIsSixRecordsPerIterationAndAtLeastThreeHundredThousand() {
        ProcessWideAllocations.exclusively {
            #expect(LargeLiveSetLeakWorkload(seed: 1, iterations: 1000).liveSetSize == 300_000)
            #expect(LargeLiveSetLeakWorkload(seed: 1, iterations: 100_000).liveSetSize == 600_000)
        }
    }

    #if os(Linux)
    @Test(.disabled(if: SanitizerBuild.isActive, "sanitizer build: MemProbe's allocation counter is compiled out"))
    func eachIterationKeepsOneMoreAllocation() throws {
        try ProcessWideAllocations.exclusively { try keepsOneMoreAllocationPerIteration() }
    }

    private func keepsOneMoreAllocationPerIteration() throws {
        let workload = LargeLiveSetLeakWorkload(seed: 1, iterations: 1000)
        workload.iteration(0) // first use: the leak's census counter is made once
        let before = try #require(AllocationCounter.currentThread())
        for index in 1...1000 { workload.iteration(index) }
        let window = try #require(AllocationCounter.currentThread()) - before
        // One kept per iteration, give or take the few blocks the runtime and the test runner allocate on this
        // thread meanwhile (runs show 1000, sometimes 1001; a workload that stopped leaking shows about 0).
        #expect((1000...1010).contains(window.live), "\(window.live) live")
        #expect(window.allocations >= 2000) // a replaced record and a leaked request, each one allocation
    }
    #endif
}
