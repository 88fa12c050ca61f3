import MemProbe
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ProcessMemoryTests {
    @Suite struct MemorySamplerTests {
        #if os(Linux)
        @Test(.needsAllocationCounter) func sampleOfThisProcessHasEveryField() throws {
            let sample = MemorySampler().sample()
            let resident = try #require(sample.residentBytes)
            let peak = try #require(sample.peakResidentBytes)
            #expect(resident > 0)
            #expect(peak >= resident / 2) // peak and current come from different sources at different times
            #expect(try #require(sample.heapInUseBytes) > 0)
            #expect(try #require(sample.liveAllocations) > 0)
        }

        @Test(.needsAllocationCounter) func takingASampleAllocatesNothing() {
            let sampler = MemorySampler()
            _ = sampler.sample()
            let before = AllocationCounter.currentThread()!
            let sample = sampler.sample()
            let window = AllocationCounter.currentThread()! - before
            #expect(window == AllocationCounts())
            #expect(sample.residentBytes != nil)
        }

        @Test(.needsAllocationCounter) func samplerReadsOnlyTheFieldsItWasAskedFor() {
            let sampler = MemorySampler(fields: [.heapInUse, .liveAllocations])
            let sample = sampler.sample()
            #expect(sample.residentBytes == nil)
            #expect(sample.peakResidentBytes == nil)
            #expect(sample.heapInUseBytes != nil)
            #expect(sample.liveAllocations != nil)
            #expect(sampler.fields == [.heapInUse, .liveAllocations])
        }

        @Test(.needsAllocationCounter) func retainedMemoryShowsInHeapAndResidentBytes() throws {
            let sampler = MemorySampler()
            let before = sampler.sample()
            let block = UnsafeMutableRawPointer.allocate(byteCount: 64 << 20, alignment: 16)
            defer { block.deallocate() }
            block.initializeMemory(as: UInt8.self, repeating: 1, count: 64 << 20)
            let after = sampler.sample()
            // 64 MiB dwarfs whatever other tests allocate meanwhile.
            #expect(try #require(after.heapInUseBytes) - #require(before.heapInUseBytes) > 32 << 20)
            #expect(try #require(after.residentBytes) - #require(before.residentBytes) > 32 << 20)
            #expect(try #require(after.peakResidentBytes) >= #require(after.residentBytes) - (1 << 20))
        }

        @Test func anotherProcessIsSampledByItsPid() throws {
            let sample = try MemorySample.process(getpid())
            #expect(try #require(sample.residentBytes) > 0)
            #expect(try #require(sample.peakResidentBytes) >= #require(sample.residentBytes))
            #expect(sample.heapInUseBytes == nil)
            #expect(sample.liveAllocations == nil)
            #expect(try MemorySampler(pid: getpid()).pid == getpid())
        }
        #endif

        @Test func missingProcessIsNamedInTheError() {
            #if os(Linux)
            #expect(throws: MemProbeError.processNotFound(pid: Int32.max)) { try MemorySampler(pid: Int32.max) }
            #else
            #expect(throws: MemProbeError.requiresLinux(feature: "sampling another process's memory (/proc/1/status)"))
            {
                try MemorySampler(pid: 1)
            }
            #endif
            #expect(
                MemProbeError.processNotFound(pid: 42).description
                    == "no process with id 42 (or /proc/42/status is not readable): "
                    + "check that the process is running and owned by this user")
        }
    }
}
