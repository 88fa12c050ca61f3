import ViewModelPool

/// The baseline: a keyed list written the usual way, without a pool. Each update rebuilds the
/// key-to-model dictionary; new keys get `VM()`, and ARC frees the models of removed keys.
@MainActor
final class PlainKeyedList<VM: PoolableViewModel> {
    private(set) var rows: [VM] = []
    private var models: [VM.Key: VM] = [:]
    /// View models created so far.
    private(set) var created = 0

    /// Reconciles the rows with `items` by key, keeping the first of repeated keys.
    func update(_ items: [VM.Item]) {
        var next: [VM.Key: VM] = [:]
        next.reserveCapacity(items.count)
        var rows: [VM] = []
        rows.reserveCapacity(items.count)
        for item in items {
            let key = VM.id(of: item)
            guard next[key] == nil else { continue }
            let model: VM
            if let existing = models[key] {
                model = existing
            } else {
                created += 1
                model = VM()
            }
            model.configure(with: item)
            next[key] = model
            rows.append(model)
        }
        models = next
        self.rows = rows
    }

    /// Unmount: drops every row.
    func removeAll() {
        rows = []
        models = [:]
    }
}
