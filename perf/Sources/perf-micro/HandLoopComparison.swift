import MicroBench
import PerfResult
import PerfSupport

/// `perf-micro hand-loop`: the harness bar "ns/op within 10 % of a hand-written `ContinuousClock` loop".
///
/// For each FNV-1a size of the harness suite, in interleaved rounds (so drift hits both alike): a hand-written
/// loop (`ContinuousClock.now`, `iterations` calls, `ContinuousClock.now`) in 1 ms chunks for 0.5 s, whose median
/// chunk gives its ns/op; then MicroBench's `Sampler` on the same task as `harness/fnv1a`, whose p50 gives its
/// ns/op. Prints both and MicroBench's difference from the hand loop; exits 1 when a difference exceeds 10 %.
enum HandLoopComparison {
    /// `--rounds N`: how many interleaved rounds to measure.
    static let rounds = Option("rounds", .integer.within(1...20), default: 3, help: "interleaved rounds to measure")

    /// The command line after `perf-micro hand-loop`.
    static let command = Command(
        "perf-micro hand-loop",
        summary: """
            Compares harness/fnv1a with a hand-written ContinuousClock loop over the same body, in N interleaved
            rounds. Exits 1 when a round differs by more than 10 %.
            """,
        options: [rounds], footer: "Exit status: 0 every round within 10 %; 1 a round is not; 2 bad usage.")

    /// The lines `perf-micro --help` adds for this subcommand.
    static let helpLine = """
        Commands (perf-micro hand-loop --help for its options):
          hand-loop  Compares harness/fnv1a with a hand-written ContinuousClock loop over the same body, in N
                     interleaved rounds (--rounds N, default 3). Exits 1 when a round differs by more than 10 %.

        """

    /// Runs the comparison in `rounds` rounds; returns the exit status: 0 when every round is within 10 %, 1 when
    /// one is not.
    static func run(rounds: Int) -> Int32 {
        let environment = Environment.capture()
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        print("hand loop: ContinuousClock around 1 ms chunks for 0.5 s, median chunk · MicroBench: full profile p50\n")
        let table = TextTable([
            .left("round"), .left("task", minimumWidth: 24), .right("hand loop ns/op"), .right("MicroBench ns/op"),
            .right("difference", minimumWidth: 10),
        ])
        print(table.headerLine())
        var worst: [Int: Double] = [:]
        for round in 1...rounds {
            for size in HarnessBodies.sizes {
                let hand = handLoop(HarnessBodies.input(size))
                let microBench = harnessP50(size: size)
                let difference = (microBench - hand) / hand * 100
                worst[size] = max(worst[size] ?? 0, abs(difference))
                let cells = [
                    String(round), "harness/fnv1a[bytes=\(size)]", NumberText.fixed(hand, decimals: 2),
                    NumberText.fixed(microBench, decimals: 2),
                    NumberText.fixed(difference, decimals: 2, signed: true) + " %",
                ]
                print(table.line(cells.map { TextTable.Cell($0) }))
            }
        }
        print("")
        var allWithin = true
        for size in HarnessBodies.sizes {
            let within = worst[size]! <= 10
            allWithin = allWithin && within
            print(
                "harness/fnv1a[bytes=\(size)]: largest difference \(NumberText.fixed(worst[size]!, decimals: 2)) %, "
                    + "\(within ? "within" : "NOT within") 10 %")
        }
        return allWithin ? 0 : 1
    }

    /// The hand-written loop: calibrate a chunk to ≥ 1 ms, warm up 0.1 s, then chunks for 0.5 s.
    static func handLoop(_ bytes: [UInt8]) -> Double {
        let clock = ContinuousClock()
        func chunk(_ iterations: Int) -> Double {
            let start = clock.now
            for _ in 0..<iterations { blackHole(HarnessBodies.fnv1a(bytes)) }
            return Double((clock.now - start).nanosecondsClamped)
        }
        var iterations = 1
        while chunk(iterations) < 1e6 { iterations *= 2 }
        let warmupEnd = clock.now + .milliseconds(100)
        while clock.now < warmupEnd { _ = chunk(iterations) }
        var perOperation: [Double] = []
        let end = clock.now + .milliseconds(500)
        while clock.now < end || perOperation.count < 30 {
            perOperation.append(chunk(iterations) / Double(iterations))
        }
        return SortedSample(perOperation).median
    }

    /// MicroBench's p50 for `harness/fnv1a[bytes=size]`, in the full profile, without probes.
    static func harnessP50(size: Int) -> Double {
        let suite = Suite("harness") { HarnessBodies.addFNV1a(to: $0, sizes: [size]) }
        return Sampler(policy: .full).measure(suite)[0].statistics.p50
    }
}
