import ViewModelPool

extension CaseRun {
    /// Rows of the churn workload.
    static let churnRows = 1000
    /// Share of the rows replaced per tick.
    static let churnFraction = 0.1
    /// Rows of the screen the mount/unmount workload mounts.
    static let screenRows = 50
    /// Updates of a mounted screen per cycle, after the first.
    static let updatesPerMount = 3
    /// The idle view models the pools keep: the default for churn, a screenful for mount/unmount.
    static let churnMaxIdle = 16
    static let mountMaxIdle = 64

    /// 1,000 rows, 10 % replaced (and 10 edited) per tick; the time and allocations of each update.
    /// Verifies after every tick that the pool's live count equals the row count.
    @MainActor
    static func churn(_ kind: ListKind, model: ModelKind, ticks: Int, seed: UInt64) -> CaseRun {
        switch model {
        case .plainClass: return churn(kind, RowModel.self, model: model, ticks: ticks, seed: seed)
        case .observable: return churn(kind, ChatRowModel.self, model: model, ticks: ticks, seed: seed)
        }
    }

    /// A new list per cycle: mount 50 rows, update them 3 times with churn, unmount; the pool lives
    /// across cycles. Verifies after every cycle that no row and no live view model is left.
    @MainActor
    static func mountUnmount(_ kind: ListKind, model: ModelKind, cycles: Int, seed: UInt64) -> CaseRun {
        switch model {
        case .plainClass: return mountUnmount(kind, RowModel.self, model: model, cycles: cycles, seed: seed)
        case .observable: return mountUnmount(kind, ChatRowModel.self, model: model, cycles: cycles, seed: seed)
        }
    }

    @MainActor
    private static func churn<VM: PoolableViewModel>(
        _ kind: ListKind, _: VM.Type, model: ModelKind, ticks: Int, seed: UInt64
    ) -> CaseRun where VM.Item == ChatMessage {
        var feed = ChatFeed(rows: churnRows, churn: churnFraction, seed: seed)
        let pool = ViewModelPool<VM>(name: "churn", maxIdle: churnMaxIdle, strictChecks: false)
        let list = ListDriver.make(kind, pool: pool)
        list.reconcile(feed.messages)
        let measurement = Measurement.run(
            operations: ticks, prepare: { _ in feed.advance() }, measured: { _ in list.reconcile(feed.messages) },
            verify: { _ in list.liveViewModels() == list.rowCount() && list.rowCount() == churnRows },
            viewModelsCreated: { list.viewModelsCreated() })
        return CaseRun(
            workload: .churn, kind: kind,
            parameters: [
                "rows": String(churnRows), "churnPercent": String(Int(churnFraction * 100)), "model": model.rawValue,
            ],
            measurement: measurement, viewModelsAlive: list.viewModelsAlive(), rows: list.rowCount(),
            poolStats: kind == .pooled ? pool.stats : nil)
    }

    @MainActor
    private static func mountUnmount<VM: PoolableViewModel>(
        _ kind: ListKind, _: VM.Type, model: ModelKind, cycles: Int, seed: UInt64
    ) -> CaseRun where VM.Item == ChatMessage {
        var feed = ChatFeed(rows: screenRows, churn: churnFraction, editedPerTick: 1, seed: seed)
        let pool = ViewModelPool<VM>(name: "screen", maxIdle: mountMaxIdle, strictChecks: false)
        var rowsLeft = 0
        var plainCreated = 0
        let measurement = Measurement.run(
            operations: cycles, prepare: { _ in },
            measured: { _ in
                let list = ListDriver.make(kind, pool: pool)
                list.reconcile(feed.messages)
                for _ in 0..<updatesPerMount {
                    feed.advance()
                    list.reconcile(feed.messages)
                }
                list.unmount()
                rowsLeft = list.rowCount()
                if kind == .plain { plainCreated += list.viewModelsCreated() }
            },
            verify: { _ in rowsLeft == 0 && pool.stats.live == 0 && pool.idleCount <= mountMaxIdle },
            viewModelsCreated: { kind == .pooled ? pool.stats.created : plainCreated })
        return CaseRun(
            workload: .mountUnmount, kind: kind,
            parameters: ["rows": String(screenRows), "updates": String(updatesPerMount + 1), "model": model.rawValue],
            measurement: measurement, viewModelsAlive: pool.stats.live + pool.idleCount, rows: rowsLeft,
            poolStats: kind == .pooled ? pool.stats : nil)
    }
}
