import MemProbe
import PerfResult
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A class whose instances are one malloc each.
private final class Node {
    var value: Int
    init(_ value: Int) { self.value = value }
}

// Windows are read with plain calls on the test's own thread: macros such as #require allocate, and
// other tests allocate on other threads in parallel.
@Suite(.needsAllocationCounter) struct AllocationCounterTests {
    @Test func counterIsCountingInAnExecutableThatLinksMemProbe() {
        #if os(Linux)
        #expect(AllocationCounter.availability == .available)
        #expect(AllocationCounter.isCounting)
        #else
        #expect(!AllocationCounter.isCounting)
        #expect(AllocationCounter.allThreads() == nil)
        #endif
    }

    #if os(Linux)
    @Test func thousandClassInstancesAreExactlyThousandAllocations() {
        var nodes: [Node] = [Node(0)] // instantiates Node's metadata before the window
        nodes.reserveCapacity(1001)
        let before = AllocationCounter.currentThread()!
        for index in 0..<1000 { nodes.append(Node(index)) }
        let window = AllocationCounter.currentThread()! - before
        #expect(window.allocations == 1000)
        #expect(window.frees == 0)
        #expect(window.live == 1000)
        #expect(nodes.count == 1001)
    }

    @Test func releasingThousandInstancesIsExactlyThousandFrees() {
        var warmup: [Node] = [Node(0)] // first uses of removeAll instantiate runtime metadata (allocations)
        warmup.removeAll(keepingCapacity: true)
        var nodes: [Node] = (0..<1000).map(Node.init)
        let before = AllocationCounter.currentThread()!
        nodes.removeAll(keepingCapacity: true)
        let window = AllocationCounter.currentThread()! - before
        #expect(window.allocations == 0)
        #expect(window.frees == 1000)
        #expect(window.live == -1000)
    }

    @Test func rawAllocationCountsItsRequestedBytes() {
        let before = AllocationCounter.currentThread()!
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: 100, alignment: 8)
        let afterAllocate = AllocationCounter.currentThread()!
        pointer.deallocate()
        let afterFree = AllocationCounter.currentThread()!
        #expect(afterAllocate - before == AllocationCounts(allocations: 1, frees: 0, bytesAllocated: 100))
        #expect(afterFree - afterAllocate == AllocationCounts(allocations: 0, frees: 1, bytesAllocated: 0))
    }

    @Test func overAlignedSwiftAllocationIsCountedOnce() {
        let before = AllocationCounter.currentThread()!
        let pointer = UnsafeMutableRawPointer.allocate(byteCount: 256, alignment: 128)
        let window = AllocationCounter.currentThread()! - before
        pointer.deallocate()
        #expect(window == AllocationCounts(allocations: 1, frees: 0, bytesAllocated: 256))
        #expect(Int(bitPattern: pointer) % 128 == 0)
    }

    @Test func eachMallocFamilyFunctionCountsLikeValgrind() throws {
        typealias Memalign = @convention(c) (Int, Int) -> UnsafeMutableRawPointer?
        typealias Pvalloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        let memalign = unsafeBitCast(try #require(dlsym(nil, "memalign")), to: Memalign.self)
        let pvalloc = unsafeBitCast(try #require(dlsym(nil, "pvalloc")), to: Pvalloc.self)
        var aligned: UnsafeMutableRawPointer?

        let start = AllocationCounter.currentThread()!
        let a = malloc(10)
        let b = calloc(4, 8)
        let c = realloc(nil, 16) // an allocation
        let d = realloc(c, 4096) // one free and one allocation
        let e = realloc(d, 0) // glibc frees and returns NULL: one free
        let postStatus = posix_memalign(&aligned, 64, 40)
        let f = aligned_alloc(64, 128)
        let g = memalign(32, 24)
        let h = valloc(8)
        let i = pvalloc(8)
        free(nil) // not counted
        let allocated = AllocationCounter.currentThread()!
        free(a)
        free(b)
        free(aligned)
        free(f)
        free(g)
        free(h)
        free(i)
        let released = AllocationCounter.currentThread()!

        #expect(e == nil)
        #expect(postStatus == 0)
        #expect(
            allocated - start
                == AllocationCounts(
                    allocations: 9, frees: 2, bytesAllocated: 10 + 32 + 16 + 4096 + 40 + 128 + 24 + 8 + 8))
        #expect(released - allocated == AllocationCounts(allocations: 0, frees: 7, bytesAllocated: 0))
    }

    @Test func failedAllocationsAreNotCounted() {
        var pointer: UnsafeMutableRawPointer?
        let before = AllocationCounter.currentThread()!
        let badAlignment = posix_memalign(&pointer, 3, 16)
        let overflow = calloc(Int.max, 2)
        let window = AllocationCounter.currentThread()! - before
        #expect(badAlignment == EINVAL)
        #expect(overflow == nil)
        #expect(window == AllocationCounts())
    }

    @Test func countsOfAnExitedThreadAreKept() {
        let before = AllocationCounter.allThreads()!
        #if canImport(Darwin)
        var thread: pthread_t? = nil // a pointer on Darwin, an integer on Glibc
        #else
        var thread = pthread_t()
        #endif
        let created = pthread_create(
            &thread, nil,
            { _ in
                var nodes: [Node] = []
                nodes.reserveCapacity(5000)
                for index in 0..<5000 { nodes.append(Node(index)) }
                return nil
            }, nil)
        #expect(created == 0)
        #if canImport(Darwin)
        pthread_join(thread!, nil)
        #else
        pthread_join(thread, nil)
        #endif
        let after = AllocationCounter.allThreads()!
        // Other tests only add to the totals; losing the exited thread's block would subtract ~5,000.
        #expect(after.allocations - before.allocations >= 5001)
        #expect(after.frees - before.frees >= 5001)
    }

    @Test func aggregateIncludesTheCurrentThreadsAllocations() {
        var nodes: [Node] = []
        nodes.reserveCapacity(2000)
        let before = AllocationCounter.allThreads()!
        for index in 0..<2000 { nodes.append(Node(index)) }
        let after = AllocationCounter.allThreads()!
        #expect(after.allocations - before.allocations >= 2000)
        #expect(AllocationCounter.registeredThreadCount >= 1)
    }
    #endif
}
