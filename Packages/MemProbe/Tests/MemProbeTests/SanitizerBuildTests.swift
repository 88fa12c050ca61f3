import MemProbe
import PerfResult
import Testing

/// The counter is compiled out exactly in sanitizer builds, and says so instead of reporting zeros.
@Suite struct SanitizerBuildTests {
    @Test func theCounterIsCompiledOutExactlyWhenASanitizerRuntimeIsInTheProcess() {
        // A normal build must never skip the counting tests: if this fails there, they were silently skipped.
        #expect(AllocationCounter.isCompiledOutForSanitizer == sanitizerRuntimeIsLoaded())
    }

    @Test(.enabled(if: AllocationCounter.isCompiledOutForSanitizer, "only a sanitizer build compiles the counter out"))
    func aSanitizerBuildReportsNothingRatherThanZeros() {
        guard case let .unavailable(reason) = AllocationCounter.availability else {
            Issue.record("the counter claims to count in a sanitizer build")
            return
        }
        #expect(reason.contains("Sanitizer"))
        #expect(!AllocationCounter.isCounting)
        #expect(AllocationCounter.allThreads() == nil && AllocationCounter.currentThread() == nil)
        let probe = AllocationProbe()
        probe.start()
        probe.stop()
        #expect(probe.metrics(operations: 1).isEmpty)
        #expect(AllocationSites.record {}.failure?.contains("Sanitizer") == true)
        let sample = MemorySampler(fields: [.heapInUse, .liveAllocations, .resident]).sample()
        #expect(sample.heapInUseBytes == nil && sample.liveAllocations == nil)
        #expect(sample.residentBytes != nil)
    }
}
