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

/// Outside the ARC suites, which are disabled where counting is unavailable: on Linux that must not silently
/// turn every ARC test off.
@Suite struct ARCAvailabilityTests {
    @Test(.enabled(if: isLinux)) func theRuntimeOfTheseTestsHasTheHookPointsOnLinux() {
        #expect(ARCCounter.availability == .available)
    }
}

/// Nested in `ARCCounterTests`, whose `.serialized` trait then covers it: the hooks are process-wide, so a window
/// open in one suite would be seen by the other's checks that no window is open.
extension ARCCounterTests {
    @Suite struct ARCProbeTests {
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
}
