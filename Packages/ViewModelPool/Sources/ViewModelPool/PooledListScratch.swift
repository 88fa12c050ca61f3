/// Where a key's row is: its index in the rows, and the update that last saw the key.
@usableFromInline
struct _PooledListSlot {
    @usableFromInline var index: Int
    @usableFromInline var generation: Int

    @inlinable
    init(index: Int, generation: Int) {
        self.index = index
        self.generation = generation
    }
}

/// One row of the update being built: the offset of its item in the update's items, its slot number,
/// and its index in the previous rows (−1 for a new key).
@usableFromInline
struct _PooledListPlanEntry {
    @usableFromInline var itemOffset: Int
    @usableFromInline var slotNumber: Int
    @usableFromInline var previousIndex: Int

    @inlinable
    init(itemOffset: Int, slotNumber: Int, previousIndex: Int) {
        self.itemOffset = itemOffset
        self.slotNumber = slotNumber
        self.previousIndex = previousIndex
    }
}

/// The reconciler's integer bookkeeping, in buffers it manages itself: slots (one per key with a row,
/// numbers reused through a free list) and the plan of the update being built.
///
/// Plain integers in raw buffers rather than arrays stored in the list: an array in a class property
/// pays an exclusivity check per access and a uniqueness check per mutation, which for a 1,000-row
/// update cost more than the reconciliation itself. The types are not nested in `PooledList` because a
/// type nested in a generic class has generic metadata, looked up at run time. Buffers only grow
/// (doubling), so an update of a list whose size is steady allocates nothing.
@usableFromInline
struct _PooledListScratch {
    @usableFromInline var slots: UnsafeMutablePointer<_PooledListSlot>
    @usableFromInline var freeSlots: UnsafeMutablePointer<Int>
    /// Slot numbers handed out so far (live and free); `freeSlots` holds `freeCount` of them.
    @usableFromInline var slotCount = 0
    @usableFromInline var freeCount = 0
    @usableFromInline var slotCapacity = 0
    @usableFromInline var plan: UnsafeMutablePointer<_PooledListPlanEntry>
    @usableFromInline var planCapacity = 0
    /// Counts updates; a slot whose generation equals it was seen by the current update.
    @usableFromInline var generation = 0
    @usableFromInline var updating = false
    @usableFromInline var duplicateCount = 0

    @usableFromInline
    init() {
        slots = .allocate(capacity: 1)
        freeSlots = .allocate(capacity: 1)
        plan = .allocate(capacity: 1)
    }

    /// Frees the buffers; the scratch must not be used afterwards.
    @usableFromInline
    func deallocate() {
        slots.deallocate()
        freeSlots.deallocate()
        plan.deallocate()
    }

    /// Makes room for `count` plan entries and for `newKeys` more slot numbers than are live now.
    @inlinable
    mutating func reserve(planCount count: Int, newKeys: Int) {
        if planCapacity < count { _growPlan(to: count) }
        let needed = slotCount - freeCount + newKeys
        if slotCapacity < needed { _growSlots(to: needed) }
    }

    /// A free slot number (reserve first).
    @inlinable @inline(__always)
    mutating func takeSlot() -> Int {
        if freeCount > 0 {
            freeCount &-= 1
            return freeSlots[freeCount]
        }
        slotCount &+= 1
        return slotCount &- 1
    }

    /// Gives back the slot number of a removed key.
    @inlinable @inline(__always)
    mutating func freeSlot(_ number: Int) {
        freeSlots[freeCount] = number
        freeCount &+= 1
    }

    /// Forgets every slot and frees the buffers (the list was emptied); keeps the counters.
    @usableFromInline
    mutating func removeAll() {
        deallocate()
        var empty = _PooledListScratch()
        empty.generation = generation
        empty.duplicateCount = duplicateCount
        self = empty
    }

    @usableFromInline
    mutating func _growPlan(to count: Int) {
        let capacity = Swift.max(count, 2 * planCapacity)
        let grown = UnsafeMutablePointer<_PooledListPlanEntry>.allocate(capacity: capacity)
        plan.deallocate()
        plan = grown
        planCapacity = capacity
    }

    @usableFromInline
    mutating func _growSlots(to count: Int) {
        // Slot numbers never exceed the live count plus the free list, so `slotCount` bounds them.
        let capacity = Swift.max(count, 2 * slotCapacity, slotCount)
        let grownSlots = UnsafeMutablePointer<_PooledListSlot>.allocate(capacity: capacity)
        grownSlots.initialize(from: slots, count: slotCount)
        slots.deallocate()
        slots = grownSlots
        let grownFree = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        grownFree.initialize(from: freeSlots, count: freeCount)
        freeSlots.deallocate()
        freeSlots = grownFree
        slotCapacity = capacity
    }
}
