import PerfResult
import PerfSupport

extension Metric {
    /// A metric of this suite's own (or MicroBench's own) key; a bad key is a programmer error and traps.
    static func own(
        _ key: String, _ value: Double, _ unit: Unit, _ better: Direction, samples: [Double]? = nil
    ) -> Metric {
        do {
            return try Metric(key: key, value: value, unit: unit, better: better, samples: samples)
        } catch {
            preconditionFailure("\(error)")
        }
    }

    /// `allocsPerOp` and `bytesPerOp`, each the median of the rounds that counted it; none for a figure no
    /// round counted (MemProbe's counter unavailable).
    /// - Complexity: O(*r* log *r*) for *r* rounds.
    static func allocationMedians(_ allocations: [Double], bytes: [Double]) -> [Metric] {
        var metrics: [Metric] = []
        if !allocations.isEmpty { metrics.append(.allocsPerOp(SortedSample(allocations).median)) }
        if !bytes.isEmpty { metrics.append(.bytesPerOp(SortedSample(bytes).median)) }
        return metrics
    }
}

extension Result {
    /// A result of this suite; a bad name or a duplicate key is a programmer error and traps.
    static func pools(_ name: String, _ metrics: [Metric]) -> Result {
        do {
            return try Result(name: name, metrics: metrics)
        } catch {
            preconditionFailure("cannot build the result of \(name): \(error)")
        }
    }
}
