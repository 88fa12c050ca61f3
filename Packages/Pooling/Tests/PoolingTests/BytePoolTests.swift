import Pooling
import Testing

@Suite struct BytePoolTests {
    @Test func acquireReturnsZeroedBytesOfTheConfiguredCount() {
        let pool = BytePool(name: "tokens", byteCount: 32, maxSize: 4)
        let bytes = pool.acquire()
        #expect(bytes == [UInt8](repeating: 0, count: 32))
    }

    @Test func reusedBytesAreZeroed() {
        let pool = BytePool(name: "tokens", byteCount: 32, maxSize: 4)
        var bytes = pool.acquire()
        for index in bytes.indices { bytes[index] = 0xAB }
        let address = bytes.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        pool.release(consume bytes)
        let again = pool.acquire()
        #expect(again == [UInt8](repeating: 0, count: 32))
        #expect(again.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } == address)
        #expect(pool.stats.hits == 1)
    }

    @Test func bytesWhoseCountChangedAreRestoredToTheConfiguredCount() {
        let pool = BytePool(name: "tokens", byteCount: 32, maxSize: 4)
        var bytes = pool.acquire()
        bytes.removeLast(10)
        pool.release(consume bytes)
        #expect(pool.acquire() == [UInt8](repeating: 0, count: 32))
    }

    @Test func bytesThatGrewAreDiscarded() {
        let pool = BytePool(name: "tokens", byteCount: 32, maxSize: 4)
        var bytes = pool.acquire()
        bytes.append(contentsOf: repeatElement(1, count: 200))
        pool.release(consume bytes)
        #expect(pool.stats.dropped == 1)
        #expect(pool.size == 0)
        #expect(pool.stats.inUse == 0)
    }

    @Test func sizeNeverExceedsMaxSize() {
        let pool = BytePool(name: "tokens", byteCount: 16, maxSize: 2)
        var held = (0..<6).map { _ in pool.acquire() }
        while let bytes = held.popLast() { pool.release(bytes) }
        #expect(pool.size == 2)
        #expect(pool.maxSize == 2)
        #expect(pool.stats.dropped == 4)
    }
}
