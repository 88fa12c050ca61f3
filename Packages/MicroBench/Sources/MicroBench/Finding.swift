import PerfSupport

/// Something about a measurement that a reader must know before trusting its numbers.
public enum Finding: Sendable, Hashable {
    /// The median is under 0.3 ns per operation: less than one cycle, so the optimizer has most
    /// likely deleted the work. Pass results to `blackHole(_:)` and inputs through `opaque(_:)`.
    case probablyOptimizedAway
    /// The median is within 1.5 × the harness floor (`floor` ns/op, the cost of calling an empty
    /// closure), so the body itself costs less than the harness can resolve; use `benchBatch` with a
    /// loop of your own.
    case atHarnessFloor(floor: Double)
    /// The hard time limit ended the run with fewer clean samples or operations than the policy
    /// wants (`wantedSamples`, `wantedOperations`).
    case shortRun(samples: Int, operations: Int, wantedSamples: Int, wantedOperations: Int)
    /// Fewer than a quarter of the samples ran mostly on the CPU, so none were left out: the body
    /// blocks (I/O, locks, sleeps) or the machine is overloaded. `cleanFraction` says how many did.
    case mostlyOffCPU(cleanFraction: Double)

    /// A short label for the table's note column.
    public var label: String {
        switch self {
        case .probablyOptimizedAway: return "optimized away?"
        case .atHarnessFloor: return "at floor"
        case .shortRun: return "short run"
        case .mostlyOffCPU: return "off-CPU"
        }
    }

    /// What the label means and what to do about it, for the notes under the table.
    public var explanation: String {
        switch self {
        case .probablyOptimizedAway:
            return "under 0.3 ns/op: the work was most likely optimized away; pass results to blackHole(_:) "
                + "and inputs through opaque(_:)"
        case let .atHarnessFloor(floor):
            return "within 1.5 × the harness floor (\(NumberText.nanoseconds(floor)) ns/op, one closure call): "
                + "the body costs less than the harness resolves; measure a loop of it with benchBatch"
        case let .shortRun(samples, operations, wantedSamples, wantedOperations):
            return "the time limit ended the run at \(samples) clean samples and "
                + "\(NumberText.grouped(operations)) clean operations (wanted ≥ \(wantedSamples) and "
                + "≥ \(NumberText.grouped(wantedOperations))); raise --time or make the operation cheaper"
        case let .mostlyOffCPU(cleanFraction):
            return "only \(NumberText.percent(cleanFraction * 100)) of samples ran mostly on the CPU, so none "
                + "were excluded: the body blocks, or the machine is overloaded"
        }
    }
}
