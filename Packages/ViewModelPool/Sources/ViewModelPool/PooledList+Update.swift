extension PooledList {
    /// Reconciles the rows with `items` by key: a row per distinct key, in the items' order.
    ///
    /// Kept keys keep their view model, which is configured again with its item; new keys get a view
    /// model from the pool; keys no longer present release theirs. A removed row's view model is
    /// handed straight to a new row of the same update (`ViewModelPool.recycle(_:)`), so churn reuses
    /// view models even when it exceeds the pool's `maxIdle`; only the surplus goes back to the pool.
    /// `configure(with:)` runs once per row, in the items' order. Repeated keys follow
    /// `duplicatePolicy`. `rows` notifies its observers only when a row was inserted, removed or moved.
    ///
    /// ```swift
    /// let changes = list.update(messages)
    /// // ChangeSummary(inserted: 10, removed: 10, kept: 990, duplicates: 0, rowsChanged: true)
    /// ```
    ///
    /// Items in contiguous storage (an `Array`, `ContiguousArray`, `ArraySlice`) are read in place;
    /// any other sequence is copied into an array first. Do not update the list (or release it) from
    /// `configure(with:)`: that traps.
    /// - Returns: What changed.
    /// - Complexity: O(*n* + *m*) for *n* items and *m* previous rows. A kept key found where its row
    ///   was expected (after the previous kept row, or one further) costs a key comparison; any other
    ///   key costs one hash lookup, a new key one insertion and a removed key one removal. Allocates
    ///   nothing once the list's buffers have reached its size, except the view models the pool
    ///   creates.
    @inlinable
    @discardableResult
    public func update(_ items: some Sequence<VM.Item>) -> ChangeSummary {
        if let summary = items.withContiguousStorageIfAvailable({ _update($0) }) { return summary }
        return Array(items).withUnsafeBufferPointer { _update($0) }
    }

    @inlinable
    func _update(_ items: UnsafeBufferPointer<VM.Item>) -> ChangeSummary {
        precondition(
            !_scratch.pointee.updating,
            "PooledList.update(_:) was called during another update (from configure(with:)?); "
                + "update the list after the current update returns")
        _scratch.pointee.updating = true
        defer { _scratch.pointee.updating = false }

        // Work on locals: a class's stored properties pay an exclusivity check on every access.
        var positions: [VM.Key: Int] = [:]
        swap(&positions, &_positions)
        var previous = _rows
        // Keep the table at most half full: Swift's dictionaries delete by shifting the rest of a
        // probe run back, rehashing each entry moved, and short runs keep that (and lookups) cheap.
        let largest = Swift.max(previous.count, items.count)
        if positions.capacity < 2 &* largest { positions.reserveCapacity(2 &* largest) }
        _scratch.pointee.reserve(planCount: items.count, newKeys: items.count)
        _scratch.pointee.generation &+= 1

        let (summary, planCount) = previous.withUnsafeBufferPointer { previous in
            _plan(items, previous, &positions)
        }
        if summary.rowsChanged {
            var next: [Row] = []
            swap(&next, &_spareRows)
            next.reserveCapacity(planCount)
            previous.withUnsafeBufferPointer { previous in
                _build(&next, planCount, items, previous, &positions)
            }
            _publish(&next)
            // `next` holds the previous rows now; drop the other reference first so that emptying it
            // keeps its buffer for the next update instead of copying it.
            previous = []
            next.removeAll(keepingCapacity: true)
            swap(&next, &_spareRows)
        } else {
            let plan = _scratch.pointee.plan
            previous.withUnsafeBufferPointer { previous in
                for index in 0..<planCount {
                    let model = previous[plan[index].previousIndex].model
                    model.configure(with: items[plan[index].itemOffset])
                }
            }
        }
        swap(&positions, &_positions)
        _scratch.pointee.duplicateCount &+= summary.duplicates
        return summary
    }

    /// Pass 1: finds every key's slot (by position while rows keep their order, else by hash), gives
    /// new keys a slot, applies the duplicate policy, and writes the plan. Returns the summary and the
    /// number of plan entries (rows).
    @inlinable
    func _plan(
        _ items: UnsafeBufferPointer<VM.Item>, _ previous: UnsafeBufferPointer<Row>, _ positions: inout [VM.Key: Int]
    ) -> (ChangeSummary, Int) {
        let scratch = _scratch
        let generation = scratch.pointee.generation
        let slots = scratch.pointee.slots
        let plan = scratch.pointee.plan
        var summary = ChangeSummary()
        var count = 0
        var inOrder = true
        var expected = 0
        for offset in 0..<items.count {
            let key = VM.id(of: items[offset])
            var slotNumber = -1
            if expected < previous.count, previous[expected].id == key {
                slotNumber = previous[expected]._slot
            } else if expected &+ 1 < previous.count, previous[expected &+ 1].id == key {
                slotNumber = previous[expected &+ 1]._slot
            } else if let found = positions[key] {
                slotNumber = found
            }
            if slotNumber >= 0 {
                let slot = slots[slotNumber]
                if slot.generation != generation {
                    slots[slotNumber] = _PooledListSlot(index: count, generation: generation)
                    plan[count] = _PooledListPlanEntry(
                        itemOffset: offset, slotNumber: slotNumber, previousIndex: slot.index)
                    if slot.index != count { inOrder = false }
                    count &+= 1
                    summary.kept &+= 1
                    expected = slot.index &+ 1
                } else {
                    summary.duplicates &+= 1
                    switch duplicatePolicy {
                    case .keepFirst: break
                    case .keepLast: plan[slot.index].itemOffset = offset
                    case .trap: Self._duplicateKeyTrap(key, offset: offset)
                    }
                }
            } else {
                slotNumber = scratch.pointee.takeSlot()
                slots[slotNumber] = _PooledListSlot(index: count, generation: generation)
                positions[key] = slotNumber
                plan[count] = _PooledListPlanEntry(itemOffset: offset, slotNumber: slotNumber, previousIndex: -1)
                count &+= 1
                summary.inserted &+= 1
                inOrder = false
            }
        }
        summary.removed = previous.count &- summary.kept
        summary.rowsChanged = !inOrder || summary.removed > 0
        return (summary, count)
    }

    /// Pass 2: configures the rows in order into `next`. A removed row's view model goes to the next
    /// new row; what is left goes back to the pool.
    @inlinable
    func _build(
        _ next: inout [Row], _ planCount: Int, _ items: UnsafeBufferPointer<VM.Item>,
        _ previous: UnsafeBufferPointer<Row>, _ positions: inout [VM.Key: Int]
    ) {
        let scratch = _scratch
        let generation = scratch.pointee.generation
        let slots = scratch.pointee.slots
        let plan = scratch.pointee.plan
        var cursor = 0
        // The next previous row, from `cursor` on, whose key this update did not see.
        func nextRemoved() -> Int? {
            while cursor < previous.count {
                let index = cursor
                cursor &+= 1
                if slots[previous[index]._slot].generation != generation { return index }
            }
            return nil
        }
        for index in 0..<planCount {
            let entry = plan[index]
            if entry.previousIndex >= 0 {
                // Configure through an owned copy that then moves into `next`: configuring through
                // `previous[i].model` would retain and release the model around the call.
                let old = previous[entry.previousIndex]
                old.model.configure(with: items[entry.itemOffset])
                next.append(Row(id: old.id, model: old.model, slot: entry.slotNumber))
            } else {
                let model: VM
                if let removed = nextRemoved() {
                    positions.removeValue(forKey: previous[removed].id)
                    scratch.pointee.freeSlot(previous[removed]._slot)
                    model = pool.recycle(previous[removed].model)
                } else {
                    model = pool.acquire()
                }
                model.configure(with: items[entry.itemOffset])
                next.append(Row(id: VM.id(of: items[entry.itemOffset]), model: consume model, slot: entry.slotNumber))
            }
        }
        while let removed = nextRemoved() {
            positions.removeValue(forKey: previous[removed].id)
            scratch.pointee.freeSlot(previous[removed]._slot)
            pool.release(previous[removed].model)
        }
    }

    @usableFromInline
    static func _duplicateKeyTrap(_ key: VM.Key, offset: Int) -> Never {
        preconditionFailure(
            "PooledList<\(VM.self)>: duplicate key \(key) at item \(offset) of update(_:), with "
                + "duplicatePolicy .trap; give every item a unique key, or use .keepFirst or .keepLast")
    }
}
