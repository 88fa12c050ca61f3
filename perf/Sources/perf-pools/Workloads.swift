import MicroBench
import Pooling

/// The measured loops: each runs `count` operations of one case, and the single-thread and threads
/// cases run the very same code.
///
/// One operation takes an object or buffer (allocates it, or acquires it from a pool), writes to it,
/// lets it escape through `blackHole` (which stores the reference on this thread's stack only: a sink
/// that wrote shared memory on every call would make the threads cases measure false sharing on the
/// sink instead of the pool), then drops or releases it. Each loop is `@inline(never)`, so that a
/// profile names it and the pools' `@inlinable` hot paths are specialized here, in another module
/// than Pooling, as in an application.
enum Workloads {
    /// `object/alloc`: a new `PooledObject` per operation (a malloc, a free and reference counting).
    @inline(never)
    static func allocateObjects(_ count: Int) {
        for index in 0..<count {
            let object = PooledObject()
            object.first = index
            blackHole(object)
        }
    }

    /// `object/pool`, `threads1/pool`, `threads2/pool`: acquire, write, release.
    @inline(never)
    static func poolObjects(_ pool: Pool<PooledObject>, _ count: Int) {
        for index in 0..<count {
            let object = pool.acquire()
            object.first = index
            blackHole(object)
            pool.release(object)
        }
    }

    /// `buffer4k/alloc`, `buffer64k/alloc`: a zero-filled buffer of `size` bytes per operation, what a
    /// buffer that `read(2)` fills through `withUnsafeMutableBufferPointer` needs.
    @inline(never)
    static func allocateZeroedBuffers(size: Int, _ count: Int) {
        for index in 0..<count {
            var buffer = [UInt8](repeating: 0, count: size)
            buffer[0] = UInt8(truncatingIfNeeded: index)
            blackHole(buffer)
        }
    }

    /// `buffer4k/reserve`, `buffer64k/reserve`: an empty buffer with `reserveCapacity(size)` per
    /// operation, one byte appended: a malloc and a free whatever the size, no zeroing.
    @inline(never)
    static func reserveBuffers(size: Int, _ count: Int) {
        for index in 0..<count {
            var buffer: [UInt8] = []
            buffer.reserveCapacity(size)
            buffer.append(UInt8(truncatingIfNeeded: index))
            blackHole(buffer)
        }
    }

    /// `buffer4k/pool`, `buffer64k/pool`: an empty pooled buffer of capacity ≥ `size`, one byte
    /// appended, released with `consume` (a plain `release(buffer)` of a `var` costs a retain and a release).
    @inline(never)
    static func poolBuffers(_ pool: BufferPool, size: Int, _ count: Int) {
        for index in 0..<count {
            var buffer = pool.acquire(minimumCapacity: size)
            buffer.append(UInt8(truncatingIfNeeded: index))
            blackHole(buffer)
            pool.release(consume buffer)
        }
    }
}
