import ViewModelPool

/// The two lists the suite compares.
enum ListKind: String, CaseIterable, Sendable {
    /// `PlainKeyedList`: a dictionary rebuilt per update, a new view model per new key, ARC frees.
    case plain
    /// `PooledList` over a `ViewModelPool`.
    case pooled
}

/// The two view models the suite runs the lists with.
enum ModelKind: String, CaseIterable, Sendable {
    /// `RowModel`, a plain class: the cost of the list itself.
    case plainClass = "class"
    /// `ChatRowModel`, `@Observable` as in SwiftUI: Observation's cost on top.
    case observable
}
