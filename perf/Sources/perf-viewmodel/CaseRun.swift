import MemProbe
import ViewModelPool

/// One measured case of the suite: which workload and list, the measurement, and the view models left.
struct CaseRun {
    /// The workloads of the suite.
    enum Workload: String, Sendable {
        /// 1,000 rows, 10 % replaced per tick: an operation is one tick (one update).
        case churn
        /// A screen of rows mounted, updated and unmounted: an operation is one cycle.
        case mountUnmount
    }

    let workload: Workload
    let kind: ListKind
    let parameters: [String: String]
    let measurement: Measurement
    /// View models alive at the end because of the list (rows plus the pool's idle ones).
    let viewModelsAlive: Int
    /// Rows at the end (0 after an unmount).
    let rows: Int
    /// The pool's counters at the end (pooled cases).
    let poolStats: ViewModelPoolStats?

    /// The result name: `churn/pooled`, `mountUnmount/plain`.
    var name: String { "\(workload.rawValue)/\(kind.rawValue)" }

    /// `name` with the parameters, as the report spells it.
    var displayName: String {
        parameters.isEmpty
            ? name
            : name + "[" + parameters.keys.sorted().map { "\($0)=\(parameters[$0]!)" }.joined(separator: ",") + "]"
    }
}
