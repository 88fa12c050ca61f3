/// What `PooledList.update(_:)` does with an item whose key an earlier item of the same update had.
///
/// Rows are identified by key, so two rows can never share one; UIKit's diffable data sources crash on
/// duplicate identifiers, which is `trap`. The default keeps the list working and counts the duplicates
/// (`ChangeSummary.duplicates`, `PooledList.duplicateCount`) so that they show up in stats and tests.
public enum DuplicateKeyPolicy: Sendable, Hashable {
    /// The first item with a key makes the row; later ones are ignored (not configured). The default.
    case keepFirst
    /// The row stays where the key first appears and is configured with the last item with that key,
    /// as `OrderedDictionary(_:uniquingKeysWith: { $1 })` keeps the first position and the last value.
    /// `configure(with:)` still runs once per update.
    case keepLast
    /// A duplicate key is a programmer error: the update traps, naming the key.
    case trap
}
