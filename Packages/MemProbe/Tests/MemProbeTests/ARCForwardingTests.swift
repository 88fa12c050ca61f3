import CRuntimeCalls
import MemProbe
import PerfResult
import Testing

private final class Cell {}

/// Makes `count` cells into `storage`, one `swift_allocObject` each, all at one call site.
@inline(never)
private func makeCells(_ count: Int, into storage: UnsafeMutablePointer<Cell?>) {
    for index in 0..<count { storage[index] = Cell() }
}

/// Nested in `ARCCounterTests`, whose `.serialized` trait covers it: the forwarders and the hooks share the
/// runtime's process-wide pointers.
extension ARCCounterTests {
    /// `ARCCounter.beginForwardingOnly()`: the hooks' dispatch without the count (what `perf-micro arc-cost`
    /// uses to tell the two costs apart).
    @Suite struct ARCForwardingTests {
        @Test func forwardersKeepRetainsWorkingAndCountNothing() throws {
            let cell = Cell()
            let pointer = Unmanaged.passUnretained(cell).toOpaque()
            let smallStringBits: UInt = 0xE500_0000_7374_6550 // a tagged value: never a pointer (swiftlang/swift#88924)
            let tagged = try #require(UnsafeMutableRawPointer(bitPattern: smallStringBits))
            #expect(!ARCCounter.forwardersInstalled)
            #expect(ARCCounter.beginForwardingOnly())
            #expect(ARCCounter.forwardersInstalled)
            let before = ARCCounter.currentThread()!
            let strongBefore = _getRetainCount(cell)
            for _ in 0..<100 { runtime_calls_retain(pointer) }
            let strongRetained = _getRetainCount(cell)
            for _ in 0..<10 { runtime_calls_retain(tagged) }
            for _ in 0..<10 { runtime_calls_release(tagged) }
            for _ in 0..<100 { runtime_calls_release(pointer) }
            let counted = ARCCounter.currentThread()! - before
            ARCCounter.endForwardingOnly()
            #expect(!ARCCounter.forwardersInstalled)
            #expect(counted == ARCCounts())
            // The calls reached the runtime through the forwarders.
            #expect(strongRetained == strongBefore + 100)
            #expect(_getRetainCount(cell) == strongBefore)
            #expect(ARCCounter.openWindows == 0)
        }

        @Test func countingIsRefusedWhileForwardersAreInstalledAndWorksAfterwards() {
            let cell = Cell()
            let pointer = Unmanaged.passUnretained(cell).toOpaque()
            #expect(ARCCounter.beginForwardingOnly())
            #expect(!ARCCounter.begin())
            #expect(!ARCCounter.beginForwardingOnly())
            ARCCounter.endForwardingOnly()
            #expect(ARCCounter.begin())
            let before = ARCCounter.currentThread()!
            for _ in 0..<7 { runtime_calls_retain(pointer) }
            for _ in 0..<7 { runtime_calls_release(pointer) }
            #expect((ARCCounter.currentThread()! - before).retains == 7)
            ARCCounter.end()
        }

        /// swift_allocObject runs through the allocation forwarder while it is installed: a frame that allocation
        /// sites skip, as they skip the counting hook's (a debug build keeps both frames on the stack).
        @Test(.needsAllocationCounter) func theAllocationForwarderDoesNotSplitACallSite() {
            let storage = UnsafeMutablePointer<Cell?>.allocate(capacity: 300)
            storage.initialize(repeating: nil, count: 300)
            defer { storage.deinitialize(count: 300).deallocate() }
            makeCells(1, into: storage)
            let recording = AllocationSites.record(frames: 4) {
                for round in 0..<2 { // one call site, the second time through the forwarder
                    if round == 1 { #expect(ARCCounter.beginForwardingOnly()) }
                    makeCells(150, into: storage + round * 150)
                }
                ARCCounter.endForwardingOnly()
            }
            let sites = recording.sites.filter { $0.frames.contains { $0.function?.contains("makeCells") == true } }
            #expect(sites.map(\.allocations) == [300])
        }

        @Test func forwardersAreRefusedWhileACountingWindowIsOpen() {
            ARCCounter.begin()
            #expect(!ARCCounter.beginForwardingOnly())
            ARCCounter.end()
            #expect(ARCCounter.openWindows == 0)
        }
    }
}
