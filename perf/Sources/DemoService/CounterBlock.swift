import Synchronization

// Safety: the storage is allocated and initialized in `init`, freed in `deinit`, and never reallocated; in
// between, every read and write goes through an `Atomic` at a bounds-checked index. Concurrent adds and loads
// therefore never race, and the class holds no other mutable state.
/// A fixed array of relaxed atomic counters on its own cache lines: one per event loop, merged when read.
///
/// Each event loop counts into its own block, so counting never contends; `/metrics` sums the blocks.
final class CounterBlock: @unchecked Sendable {
    /// The number of counters.
    let count: Int
    private let storage: UnsafeMutablePointer<Atomic<UInt64>>

    init(count: Int) {
        precondition(count > 0, "a counter block needs at least one counter")
        self.count = count
        let bytes = (count * MemoryLayout<UInt64>.stride + 127) & ~127
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 128)
        storage = raw.bindMemory(to: Atomic<UInt64>.self, capacity: count)
        for index in 0..<count { (storage + index).initialize(to: Atomic(0)) }
    }

    deinit {
        storage.deinitialize(count: count)
        UnsafeMutableRawPointer(storage).deallocate()
    }

    /// Adds `amount` to counter `index`.
    ///
    /// - Complexity: O(1); one uncontended atomic add.
    @inline(__always)
    func add(_ index: Int, _ amount: UInt64 = 1) {
        precondition(index >= 0 && index < count, "counter index out of range")
        storage[index].wrappingAdd(amount, ordering: .relaxed)
    }

    /// The current value of counter `index`.
    @inline(__always)
    func load(_ index: Int) -> UInt64 {
        precondition(index >= 0 && index < count, "counter index out of range")
        return storage[index].load(ordering: .relaxed)
    }
}
