import MemProbe
import MicroBench
import PerfResult
import PerfSupport
import Testing

/// The probes bracket every measured window, so their `start()` and `stop()` must not allocate (PerfResult's
/// `Probe` contract): counted here by MemProbe's per-thread counter, exact while other tests allocate.
// Not in a sanitizer build: MemProbe's counter is compiled out there (the sanitizer's allocator owns malloc).
@Suite(.disabled(if: AllocationCounter.isCompiledOutForSanitizer, "sanitizer build: MemProbe's counter is off"))
struct SystemProbeAllocationTests {
    @Test(arguments: [UsageScope.allThreads, .currentThread])
    func startAndStopOfEverySystemProbeAllocateNothing(_ scope: UsageScope) throws {
        try #require(AllocationCounter.isCounting)
        let probes = SystemMetric.probes(for: SystemMetric.allCases, scope: scope)
        for probe in probes {
            probe.start() // a first window: anything opened or touched lazily is done
            probe.stop()
            // Read outside #require, whose bookkeeping allocates.
            let before = AllocationCounter.currentThread()
            for _ in 0..<100 {
                probe.start()
                probe.stop()
            }
            let after = AllocationCounter.currentThread()
            let window = try #require(after) - #require(before)
            #expect(window.allocations == 0, "\(probe.name) allocated \(window.allocations) times in 100 windows")
        }
    }

    @Test func theReadersAllocateNothing() throws {
        try #require(AllocationCounter.isCounting)
        let io = ProcFile(path: "/proc/self/io", capacity: 512)
        let stat = ProcFile(path: "/proc/self/stat", capacity: 1024)
        var seen = 0
        func readAll() {
            if ResourceUsage.read(.currentThread) != nil { seen += 1 }
            if io.read().flatMap(ProcIOCounters.init(bytes:)) != nil { seen += 1 }
            if stat.read().flatMap { ProcText.stat(buffer: $0)?.threads } != nil { seen += 1 }
        }
        readAll() // anything the runtime sets up once is done
        seen = 0
        let before = AllocationCounter.currentThread()
        for _ in 0..<100 {
            readAll()
        }
        let after = AllocationCounter.currentThread()
        let window = try #require(after) - #require(before)
        #expect(seen == 300)
        #expect(window.allocations == 0)
    }
}
