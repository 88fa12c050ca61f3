import PerfResult
import PerfSupport

/// The instruction and cache-miss counts of one task: callgrind's totals for each measured window,
/// divided by the operations in the window.
struct InstructionCount: Equatable {
    /// What callgrind counted in one window.
    struct Window: Equatable {
        /// Instructions executed (`Ir`).
        var instructions: UInt64
        /// First-level misses: instruction fetches, data reads and data writes (`I1mr + D1mr + D1mw`).
        var l1Misses: UInt64
        /// Last-level misses: the same three kinds (`ILmr + DLmr + DLmw`).
        var lastLevelMisses: UInt64
    }

    /// The task's full result name.
    let name: String
    /// Operations per window.
    let iterations: Int
    /// The windows, in the order they ran.
    let windows: [Window]

    /// Instructions per operation of each window.
    var instructionsPerOperation: [Double] { windows.map { Double($0.instructions) / Double(iterations) } }
    /// First-level misses per operation of each window.
    var l1MissesPerOperation: [Double] { windows.map { Double($0.l1Misses) / Double(iterations) } }
    /// Last-level misses per operation of each window.
    var lastLevelMissesPerOperation: [Double] { windows.map { Double($0.lastLevelMisses) / Double(iterations) } }

    /// `(max − min) / min` of the windows' instructions, 0 when they are identical.
    var instructionSpread: Double {
        let counts = windows.map(\.instructions)
        guard let low = counts.min(), let high = counts.max(), low > 0 else { return 0 }
        return Double(high - low) / Double(low)
    }

    /// Reads the windows of a task from callgrind's output: the parts whose trigger is each window's
    /// label, in order.
    /// - Throws: `MicroBenchError.countingFailed` when a window is missing, or an event is (the cache
    ///   events exist only with `--cache-sim=yes`).
    /// - Complexity: O(*w* × *p*) for *w* windows and *p* parts.
    static func windows(
        in output: CallgrindOutput, task: String, count: Int = CallgrindInvocation.windows
    ) throws(MicroBenchError) -> [Window] {
        var windows: [Window] = []
        for index in 0..<count {
            let trigger = "Client Request: " + CallgrindInvocation.windowLabel(index)
            guard let part = output.parts.first(where: { $0.trigger == trigger }) else {
                throw .countingFailed(
                    task: task,
                    reason:
                        "callgrind's output has \(output.parts.count) parts but none for window \(index) of \(count)")
            }
            func total(_ events: [String]) throws(MicroBenchError) -> UInt64 {
                var sum: UInt64 = 0
                for event in events {
                    guard let value = part[event] else {
                        throw .countingFailed(
                            task: task,
                            reason:
                                "callgrind's output has no \(event) event (events: \(part.events.joined(separator: " ")))"
                        )
                    }
                    sum &+= value
                }
                return sum
            }
            windows.append(
                Window(
                    instructions: try total(["Ir"]), l1Misses: try total(["I1mr", "D1mr", "D1mw"]),
                    lastLevelMisses: try total(["ILmr", "DLmr", "DLmw"])))
        }
        return windows
    }

    /// The count as a PerfResult result: `instructions` (shared key), `l1MissesPerOp` and
    /// `llMissesPerOp` (count, lower is better), each the median over the windows with every window's
    /// figure as `samples`.
    /// - Complexity: O(*w* log *w*) in the number of windows.
    func result() -> Result {
        let instructions = instructionsPerOperation
        do {
            return try Result(
                name: name,
                metrics: [
                    .instructions(Self.median(instructions), samples: instructions),
                    try Self.perOperation("l1MissesPerOp", l1MissesPerOperation),
                    try Self.perOperation("llMissesPerOp", lastLevelMissesPerOperation),
                ])
        } catch {
            preconditionFailure("cannot build the result of \(name): \(error)")
        }
    }

    private static func perOperation(_ key: String, _ values: [Double]) throws(PerfResultError) -> Metric {
        try Metric(key: key, value: median(values), unit: .count, better: .lower, samples: values)
    }

    static func median(_ values: [Double]) -> Double {
        SortedSample(values).median
    }
}
