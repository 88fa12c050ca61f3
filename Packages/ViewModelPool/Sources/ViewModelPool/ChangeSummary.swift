/// What one `PooledList.update(_:)` changed.
public struct ChangeSummary: Sendable, Hashable {
    /// Rows added for keys the list did not have (each acquired a view model from the pool).
    public var inserted: Int
    /// Rows whose keys were not in the update (each released its view model).
    public var removed: Int
    /// Rows whose keys stayed (each was configured again with its item), moved or not.
    public var kept: Int
    /// Items ignored or merged because an earlier item of the update had the same key.
    public var duplicates: Int
    /// Whether `rows` changed (a row inserted, removed or moved) and its observers were notified.
    /// When only items of kept rows changed, the rows' own observers see it, not `rows`'.
    public var rowsChanged: Bool

    /// Creates a summary from its counts.
    public init(inserted: Int = 0, removed: Int = 0, kept: Int = 0, duplicates: Int = 0, rowsChanged: Bool = false) {
        self.inserted = inserted
        self.removed = removed
        self.kept = kept
        self.duplicates = duplicates
        self.rowsChanged = rowsChanged
    }
}
