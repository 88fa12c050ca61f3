import MemProbe
import PerfResult
import Testing

private final class Payload {
    var a = 0
    var b = 0
}

@Suite struct AllocationProbeTests {
    #if os(Linux)
    @Test(.needsAllocationCounter) func probeReportsAllocationsAndBytesPerOperation() throws {
        let probe = AllocationProbe(scope: .currentThread)
        var kept: [Payload] = [Payload()]
        kept.reserveCapacity(1001)
        probe.start()
        for _ in 0..<1000 { kept.append(Payload()) }
        probe.stop()
        let metrics = probe.metrics(operations: 1000)
        #expect(metrics.map(\.key) == ["allocsPerOp", "bytesPerOp"])
        #expect(metrics[0].value == 1)
        #expect(metrics[0].unit == .count && metrics[0].better == .lower)
        #expect(metrics[1].value == 32) // 16-byte object header + two Ints
        #expect(metrics[1].unit == .bytes)
        #expect(probe.lastWindow == AllocationCounts(allocations: 1000, frees: 0, bytesAllocated: 32_000))
    }

    @Test(.needsAllocationCounter) func startAndStopAllocateNothing() {
        for scope in [AllocationProbe.Scope.allThreads, .currentThread] {
            let probe = AllocationProbe(scope: scope)
            probe.start()
            probe.stop()
            let before = AllocationCounter.currentThread()!
            probe.start()
            probe.stop()
            let window = AllocationCounter.currentThread()! - before
            #expect(window == AllocationCounts())
            #expect(probe.name == "allocations")
            #expect(probe.availability == .available)
        }
    }

    @Test(.needsAllocationCounter) func allThreadsScopeSeesWorkOnOtherThreads() async {
        let probe = AllocationProbe(scope: .allThreads)
        probe.start()
        let count = await Task.detached {
            var kept: [Payload] = []
            for _ in 0..<500 { kept.append(Payload()) }
            return kept.count
        }.value
        probe.stop()
        #expect(count == 500)
        #expect((probe.lastWindow?.allocations ?? 0) >= 500)
    }
    #endif

    @Test func probeBeforeAnyWindowReportsZero() {
        let probe = AllocationProbe()
        if probe.availability == .available {
            #expect(probe.lastWindow == AllocationCounts())
            #expect(probe.metrics(operations: 1).map(\.value) == [0, 0])
        } else {
            #expect(probe.lastWindow == nil)
            #expect(probe.metrics(operations: 1).isEmpty)
        }
    }

    @Test func zeroOperationsIsAProgrammingError() async {
        await #expect(processExitsWith: .failure) {
            _ = AllocationProbe().metrics(operations: 0)
        }
    }
}
