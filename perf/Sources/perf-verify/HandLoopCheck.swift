import PerfResult
import PerfSupport

/// MicroBench against a hand-written `ContinuousClock` loop over the same body: `perf-micro hand-loop` measures
/// both in interleaved rounds within one process (so a slow stretch of the machine hits both); the medians over
/// the rounds must agree within 10 %.
enum HandLoopCheck {
    static let bar = "within 10 % of a hand-written clock loop"
    static let rounds = 5

    static func rows(_ context: VerifyContext) -> [VerifyRow] {
        let name = "microbench/handLoop"
        guard let micro = context.product("perf-micro", in: context.perfProducts) else {
            return [.failed(name, bar: bar, why: "perf-micro is not built in \(context.perfProducts)")]
        }
        let text: String
        do {
            let run = try context.run(micro, ["hand-loop", "--rounds", String(rounds)], timeout: .seconds(600))
            text = run.standardOutputText + run.standardErrorText
        } catch {
            return [.failed(name, bar: bar, why: "\(error)")]
        }
        let lines = HandLoopLine.all(in: text)
        let tasks = lines.map(\.task).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let rows = tasks.map { task -> VerifyRow in
            let mine = lines.filter { $0.task == task }
            let ours = SortedSample(mine.map(\.microBenchNs)).quantile(0.5)
            let reference = SortedSample(mine.map(\.handLoopNs)).quantile(0.5)
            return .judged(
                named(task, check: "handLoop"), ours: ours, reference: reference, unit: .nanoseconds, bar: bar,
                note: "medians of \(mine.count) interleaved rounds: MicroBench's p50, the loop's median 1 ms chunk",
                holds: abs(ours / reference - 1) <= 0.10)
        }
        return rows.isEmpty ? [.failed(name, bar: bar, why: "perf-micro hand-loop: \(lastLines(text))")] : rows
    }
}

/// A round's line of `perf-micro hand-loop`'s table: round, task, hand loop ns/op, MicroBench ns/op, difference
/// (`1  harness/fnv1a[bytes=48]  25.10  25.32  +0.88 %`).
struct HandLoopLine: Sendable, Equatable {
    var task: String
    var handLoopNs: Double
    var microBenchNs: Double

    /// Every such line in `text`, in order.
    static func all(in text: String) -> [HandLoopLine] {
        text.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard words.count == 6, Int(words[0]) != nil, words[5] == "%",
                let hand = Double(words[2].filter { $0 != "," }), let micro = Double(words[3].filter { $0 != "," })
            else { return nil }
            return HandLoopLine(task: String(words[1]), handLoopNs: hand, microBenchNs: micro)
        }
    }
}
