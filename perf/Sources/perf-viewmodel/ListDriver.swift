import ViewModelPool

/// A list the workloads update, plain or pooled, behind closures.
///
/// Closures rather than a protocol: a generic type's conformance is called through its unspecialized
/// witness, which would measure generic code (boxing, witness-table calls) instead of the list. The
/// closures are made in `make`, which is specialized for each view-model type.
@MainActor
struct ListDriver {
    /// Reconciles the rows with the items (`update(_:)`).
    let reconcile: ([ChatMessage]) -> Void
    /// The number of rows.
    let rowCount: () -> Int
    /// View models created since the list (or its pool) was made.
    let viewModelsCreated: () -> Int
    /// View models alive because of the list: its rows, plus the idle ones its pool keeps.
    let viewModelsAlive: () -> Int
    /// View models the pool counts as live (out with rows); the row count for the plain list.
    let liveViewModels: () -> Int
    /// Unmount: every row goes (released to the pool, or freed).
    let unmount: () -> Void

    /// A new, empty list of `kind`; a pooled list takes its view models from `pool`.
    static func make<VM: PoolableViewModel>(_ kind: ListKind, pool: ViewModelPool<VM>) -> ListDriver
    where VM.Item == ChatMessage {
        switch kind {
        case .plain:
            let list = PlainKeyedList<VM>()
            return ListDriver(
                reconcile: { list.update($0) }, rowCount: { list.rows.count }, viewModelsCreated: { list.created },
                viewModelsAlive: { list.rows.count }, liveViewModels: { list.rows.count },
                unmount: { list.removeAll() })
        case .pooled:
            let list = PooledList(pool: pool)
            return ListDriver(
                reconcile: { list.update($0) }, rowCount: { list.count }, viewModelsCreated: { pool.stats.created },
                viewModelsAlive: { pool.stats.live + pool.idleCount }, liveViewModels: { pool.stats.live },
                unmount: { list.releaseAll() })
        }
    }
}
