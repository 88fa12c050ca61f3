/// One row of a `PooledList` (spelled `PooledList<VM>.Row`): the item's key and the view model that
/// shows it.
///
/// A top-level type rather than one nested in `PooledList`: a type nested in a generic class reaches
/// its key type through the view model's associated types, looked up at run time each time a row is
/// copied or destroyed generically (as arrays do).
public struct PooledListRow<Key: Hashable, Model: AnyObject>: Identifiable {
    /// The domain key of the row's item (`VM.id(of:)`): SwiftUI's `ForEach` identity.
    public let id: Key
    /// The view model that shows the row.
    public let model: Model
    /// The row's slot number in the list's bookkeeping.
    @usableFromInline let _slot: Int

    @inlinable
    init(id: Key, model: Model, slot: Int) {
        self.id = id
        self.model = model
        self._slot = slot
    }
}

extension PooledListRow: Sendable where Key: Sendable, Model: Sendable {}
