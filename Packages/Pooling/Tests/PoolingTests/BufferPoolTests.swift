import Pooling
import Testing

@Suite struct BufferPoolTests {
    private func baseAddress(_ buffer: [UInt8]) -> UnsafeRawPointer? {
        buffer.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func sizeClassesArePowersOfTwoFromInitialToMaximum() {
        #expect(BufferPool(name: "json").sizeClasses == [4096, 8192, 16384, 32768, 65536])
        let small = BufferPool(name: "small", configuration: .init(initialSize: 64, maximumSize: 64))
        #expect(small.sizeClasses == [64])
    }

    @Test(arguments: [(0, 4096), (1, 4096), (4096, 4096), (4097, 8192), (20_000, 32768), (65536, 65536)])
    func aRequestIsServedFromTheSmallestClassThatFits(request: Int, classSize: Int) {
        let pool = BufferPool(name: "json")
        let buffer = pool.acquire(minimumCapacity: request)
        #expect(buffer.isEmpty)
        #expect(buffer.capacity >= classSize)
        #expect(buffer.capacity < classSize + classSize / 8, "no more than the class and allocator rounding")
        pool.release(buffer)
        #expect(pool.size == 1)
    }

    @Test func aReleasedBufferIsReusedEmptyWithItsStorage() {
        let pool = BufferPool(name: "json")
        var buffer = pool.acquire(minimumCapacity: 100)
        buffer.append(contentsOf: [1, 2, 3])
        let address = baseAddress(buffer)
        pool.release(consume buffer)
        var again = pool.acquire(minimumCapacity: 100)
        #expect(again.isEmpty)
        again.append(9)
        #expect(baseAddress(again) == address)
        #expect(pool.stats.hits == 1)
    }

    @Test func aBufferReturnsToTheLargestClassItsCapacityCovers() {
        let pool = BufferPool(name: "json")
        var buffer = pool.acquire(minimumCapacity: 4096)
        buffer.reserveCapacity(10_000)
        buffer.append(1)
        let address = baseAddress(buffer)
        pool.release(consume buffer)
        var again = pool.acquire(minimumCapacity: 8192)
        again.append(2)
        #expect(baseAddress(again) == address)
        #expect(pool.stats.hits == 1)
    }

    @Test func aRequestAboveTheMaximumIsServedUnpooledAndDiscardedOnRelease() {
        let pool = BufferPool(name: "json")
        let buffer = pool.acquire(minimumCapacity: 65537)
        #expect(buffer.capacity >= 65537)
        pool.release(buffer)
        let stats = pool.stats
        #expect(stats.misses == 1)
        #expect(stats.released == 1)
        #expect(stats.dropped == 1)
        #expect(pool.size == 0)
    }

    @Test func aBufferThatGrewPastTheMaximumIsDiscarded() {
        let pool = BufferPool(name: "json")
        var buffer = pool.acquire(minimumCapacity: 65536)
        buffer.append(contentsOf: repeatElement(7, count: 65536 + 4096))
        pool.release(consume buffer)
        #expect(pool.stats.dropped == 1)
        #expect(pool.size == 0)
        #expect(pool.stats.created == pool.stats.inUse + pool.stats.idle + pool.stats.dropped)
    }

    @Test func aBufferSmallerThanTheSmallestClassIsDiscarded() {
        let pool = BufferPool(name: "json")
        pool.release([1, 2, 3])
        #expect(pool.stats.dropped == 1)
        #expect(pool.size == 0)
    }

    @Test func eachClassRetainsAtMostBuffersPerClass() {
        let pool = BufferPool(name: "json", configuration: .init(buffersPerClass: 3))
        var held = (0..<5).map { _ in pool.acquire(minimumCapacity: 4096) }
        while let buffer = held.popLast() { pool.release(buffer) }
        #expect(pool.size == 3)
        #expect(pool.stats.dropped == 2)
        #expect(pool.stats.idle == 3)
    }

    struct Failure: Error, Equatable {}

    @Test func withBufferReleasesEvenWhenTheBodyThrows() {
        let pool = BufferPool(name: "json")
        let count = pool.withBuffer(minimumCapacity: 10) { buffer in
            buffer.append(contentsOf: [1, 2])
            return buffer.count
        }
        #expect(count == 2)
        #expect(throws: Failure()) {
            try pool.withBuffer { (_: inout [UInt8]) throws(Failure) in throw Failure() }
        }
        #expect(pool.stats.released == 2)
        #expect(pool.stats.inUse == 0)
        #expect(pool.size == 1)
    }
}
