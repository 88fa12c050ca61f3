import CRuntimeCalls
import MemProbe
import PerfResult
import Testing

private final class Item {}

#if os(Linux)
private let isLinux = true
#else
private let isLinux = false
#endif

@Suite(.serialized, .enabled(if: ARCCounter.availability == .available, "ARC counting is verified on Linux only"))
struct ARCProbeTests {
    /// On Linux the toolchain's runtime has the hook points; this must not silently turn every ARC test off.
    @Test(.enabled(if: isLinux)) func theRuntimeOfTheseTestsHasTheHookPointsOnLinux() {
        #expect(ARCCounter.availability == .available)
    }

    @Test func metricsAreTheWindowsCallsPerOperation() {
        let probe = ARCProbe()
        let item = Item()
        let pointer = Unmanaged.passUnretained(item).toOpaque()
        probe.start()
        for _ in 0..<300 { runtime_calls_retain(pointer) }
        for _ in 0..<300 { runtime_calls_release(pointer) }
        probe.stop()
        #expect(probe.metrics(operations: 100) == [.retainsPerOp(3), .releasesPerOp(3), .objectAllocsPerOp(0)])
        #expect(ARCCounter.openWindows == 0)
    }

    @Test func theProbeSaysItDisturbsTimingAndTheAllocationProbeDoesNot() {
        #expect(ARCProbe().disturbsTiming)
        #expect(!AllocationProbe().disturbsTiming)
    }

    @Test func anAllThreadsProbeCountsAnotherThreadsCalls() async {
        let probe = ARCProbe(scope: .allThreads)
        probe.start()
        await Task.detached {
            let item = Item()
            let pointer = Unmanaged.passUnretained(item).toOpaque()
            for _ in 0..<1000 { runtime_calls_retain(pointer) }
            for _ in 0..<1000 { runtime_calls_release(pointer) }
        }.value
        probe.stop()
        let window = probe.lastWindow!
        #expect(window.retains >= 1000)
        #expect(window.releases >= 1000)
        #expect(window.objectAllocations >= 1)
    }
}
