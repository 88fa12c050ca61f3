import PerfResult
import PerfSupport

/// Instruction counts under callgrind must be identical in two runs of the same binary: `perf-micro
/// --instructions` on the harness's deterministic tasks, twice, each task's `instructions` compared exactly.
enum InstructionRepeatCheck {
    static let bar = "identical in two runs"
    /// The tasks counted: FNV-1a over fixed inputs, no allocation, no randomness.
    static let filter = "harness/fnv1a"

    static func rows(_ context: VerifyContext) -> [VerifyRow] {
        let name = "microbench/instructions[check=repeat]"
        guard let micro = context.product("perf-micro", in: context.perfProducts) else {
            return [.failed(name, bar: bar, why: "perf-micro is not built in \(context.perfProducts)")]
        }
        guard context.tool("valgrind") != nil else {
            return [
                .skipped(
                    name, bar: bar,
                    why: "valgrind is not installed (Debian's valgrind; make perf-verify installs it as root)")
            ]
        }
        var runs: [Report] = []
        for run in 1...2 {
            let path = context.file("instructions-\(run).json")
            do {
                let outcome = try context.run(
                    micro, ["--instructions", "--filter", filter, "--json", path], timeout: .seconds(600))
                guard outcome.termination == .exited(0) else {
                    return [
                        .failed(
                            name, bar: bar, why: "perf-micro --instructions: \(lastLines(outcome.standardErrorText))")
                    ]
                }
                runs.append(try Report.read(from: path))
            } catch {
                return [.failed(name, bar: bar, why: "\(error)")]
            }
        }
        let rows = runs[0].results.compactMap { first -> VerifyRow? in
            guard let count = first["instructions"]?.value else { return nil }
            let again = runs[1].result(named: first.name)?["instructions"]?.value ?? -1
            return .judged(
                named(first.name, check: "callgrindRepeat"),
                ours: count, reference: again, unit: .count, bar: bar, note: "second callgrind run",
                holds: count == again)
        }
        return rows.isEmpty ? [.failed(name, bar: bar, why: "perf-micro --instructions counted no task")] : rows
    }
}
