public import Observation

/// A keyed list of pooled view models: give it the items, it keeps one view model per key, in the
/// items' order, acquiring, configuring and releasing them through a `ViewModelPool`.
///
/// ```swift
/// let pool = ViewModelPool<MessageRow>(maxIdle: 16)
/// let list = PooledList(pool: pool)
/// list.update(messages)           // a row per message, configured
/// list.update(newMessages)        // kept keys configured again, new ones acquired, gone ones released
/// for row in list.rows { render(row.id, row.model) }
/// list.releaseAll()               // unmount: every view model back to the pool
/// ```
///
/// The list is `@Observable`: `rows` notifies its observers when a row is inserted, removed or moved,
/// and not when an update only changes items of kept rows (the rows' view models notify their own
/// observers from `configure(with:)`). Rows are identified by the items' keys (`Row.id`), never by the
/// view model's identity, so a view model reused for another key is a new row.
///
/// Unmount with `releaseAll()`, as Solid's `onCleanup` does: a list that is dropped without it leaves
/// its view models to ARC, and the pool counts them as live forever.
@MainActor @Observable
public final class PooledList<VM: PoolableViewModel> {
    /// One row: a key and the view model configured with the latest item that has it.
    public typealias Row = PooledListRow<VM.Key, VM>

    /// The pool the view models come from and go back to.
    public let pool: ViewModelPool<VM>
    /// What an update does with a repeated key.
    public let duplicatePolicy: DuplicateKeyPolicy

    /// The duplicate keys seen by every update so far (see `duplicatePolicy`).
    /// - Complexity: O(1).
    public var duplicateCount: Int { _scratch.pointee.duplicateCount }

    // The state of the reconciler. Each key with a row has a slot number (`_positions` maps keys to
    // slot numbers, `Row._slot` is the row's); the slot says where the row is and which update last
    // saw the key, so that a kept key costs at most one dictionary lookup and no dictionary write.
    // `_spareRows` is the previous rows' buffer, kept for the next update so that an update of a list
    // whose size is steady allocates nothing.
    @ObservationIgnored @usableFromInline var _rows: [Row] = []
    @ObservationIgnored @usableFromInline var _spareRows: [Row] = []
    @ObservationIgnored @usableFromInline var _positions: [VM.Key: Int] = [:]
    // Safety: `nonisolated(unsafe)` only lets `deinit` (nonisolated, and the last user of the list)
    // free this memory; every other access is from the list's main-actor-isolated methods.
    @usableFromInline nonisolated(unsafe) let _scratch: UnsafeMutablePointer<_PooledListScratch>
    // Made once: a key path into a generic class is instantiated (allocated) on every evaluation.
    @ObservationIgnored private let _rowsKeyPath: KeyPath<PooledList, [Row]> = \PooledList.rows

    /// Creates an empty list whose view models come from `pool`.
    public init(pool: ViewModelPool<VM>, duplicatePolicy: DuplicateKeyPolicy = .keepFirst) {
        self.pool = pool
        self.duplicatePolicy = duplicatePolicy
        _scratch = .allocate(capacity: 1)
        _scratch.initialize(to: _PooledListScratch())
    }

    deinit {
        _scratch.pointee.deallocate()
        _scratch.deinitialize(count: 1)
        _scratch.deallocate()
    }

    /// The rows, in the order of the items of the last update, one per distinct key.
    /// - Complexity: O(1).
    public var rows: [Row] {
        access(keyPath: _rowsKeyPath)
        return _rows
    }

    /// The number of rows.
    /// - Complexity: O(1).
    public var count: Int {
        access(keyPath: _rowsKeyPath)
        return _rows.count
    }

    /// The view model of the row with `key`, or `nil` when no row has it.
    /// - Complexity: O(1) on average (one hash).
    public func model(for key: VM.Key) -> VM? {
        access(keyPath: _rowsKeyPath)
        return _positions[key].map { _rows[_scratch.pointee.slots[$0].index].model }
    }

    /// Unmounts the list: releases every row's view model to the pool, empties `rows` and frees the
    /// list's buffers. Calling it again (or on an empty list) does nothing. The list may be updated
    /// again afterwards.
    /// - Complexity: O(*n*) for *n* rows.
    public func releaseAll() {
        precondition(
            !_scratch.pointee.updating,
            "PooledList.releaseAll() was called during update(_:) (from configure(with:)?)")
        guard !_rows.isEmpty else { return }
        var released: [Row] = []
        withMutation(keyPath: _rowsKeyPath) { swap(&released, &_rows) }
        for row in released { pool.release(row.model) }
        _spareRows = []
        _positions = [:]
        _scratch.pointee.removeAll()
    }

    /// Makes `next` the rows and notifies observers of `rows`; `next` gets the previous rows.
    @usableFromInline
    func _publish(_ next: inout [Row]) {
        withMutation(keyPath: _rowsKeyPath) { swap(&next, &_rows) }
    }
}
