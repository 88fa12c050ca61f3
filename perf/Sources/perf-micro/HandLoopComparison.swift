import MicroBench
import PerfResult

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `perf-micro hand-loop`: the harness bar "ns/op within 10 % of a hand-written `ContinuousClock` loop".
///
/// For each FNV-1a size of the harness suite, in interleaved rounds (so drift hits both alike): a hand-written
/// loop (`ContinuousClock.now`, `iterations` calls, `ContinuousClock.now`) in 1 ms chunks for 0.5 s, whose median
/// chunk gives its ns/op; then MicroBench's `Sampler` on the same task as `harness/fnv1a`, whose p50 gives its
/// ns/op. Prints both and MicroBench's difference from the hand loop; exits 1 when a difference exceeds 10 %.
enum HandLoopComparison {
    /// The line `perf-micro --help` adds for this subcommand.
    static let helpLine = """
        SUBCOMMAND:
          hand-loop [--rounds N]  Compare harness/fnv1a with a hand-written ContinuousClock loop over the same
                                  body, in N interleaved rounds (default 3). Exits 1 when a round
                                  differs by more than 10 %.

        """

    /// Runs the comparison with the arguments after `hand-loop`; returns the exit status: 0 when every round is
    /// within 10 %, 1 when one is not, 2 on bad usage.
    static func run(arguments: [String]) -> Int32 {
        var rounds = 3
        var index = 0
        while index < arguments.count {
            switch arguments[index] {
            case "--rounds":
                guard index + 1 < arguments.count else {
                    printError("error: --rounds needs a value, e.g. --rounds 3")
                    return 2
                }
                guard let value = Int(arguments[index + 1]), (1...20).contains(value) else {
                    printError("error: --rounds expects a whole number from 1 to 20, got '\(arguments[index + 1])'")
                    return 2
                }
                rounds = value
                index += 2
            case "--help", "-h":
                print("USAGE: perf-micro hand-loop [--rounds N]\n\n" + helpLine)
                return 0
            default:
                printError("error: unexpected argument '\(arguments[index])'; usage: perf-micro hand-loop [--rounds N]")
                return 2
            }
        }
        let environment = Environment.capture()
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        print("hand loop: ContinuousClock around 1 ms chunks for 0.5 s, median chunk · MicroBench: full profile p50\n")
        print(
            pad("round", 6) + pad("task", 24) + pad("hand loop ns/op", 18, right: true)
                + pad("MicroBench ns/op", 18, right: true) + pad("difference", 12, right: true))
        var worst: [Int: Double] = [:]
        for round in 1...rounds {
            for size in HarnessBodies.sizes {
                let hand = handLoop(HarnessBodies.input(size))
                let microBench = harnessP50(size: size)
                let difference = (microBench - hand) / hand * 100
                worst[size] = max(worst[size] ?? 0, abs(difference))
                print(
                    pad("\(round)", 6) + pad("harness/fnv1a[bytes=\(size)]", 24) + pad(fixed(hand), 18, right: true)
                        + pad(fixed(microBench), 18, right: true) + pad(signed(difference) + " %", 12, right: true))
            }
        }
        print("")
        var allWithin = true
        for size in HarnessBodies.sizes {
            let within = worst[size]! <= 10
            allWithin = allWithin && within
            print(
                "harness/fnv1a[bytes=\(size)]: largest difference \(fixed(worst[size]!)) %, "
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
            return nanoseconds(clock.now - start)
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
        return Statistics(perOperation).p50
    }

    /// MicroBench's p50 for `harness/fnv1a[bytes=size]`, in the full profile, without probes.
    static func harnessP50(size: Int) -> Double {
        let suite = Suite("harness") { HarnessBodies.addFNV1a(to: $0, sizes: [size]) }
        return Sampler(policy: .full).measure(suite)[0].statistics.p50
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }

    private static func fixed(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths) % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    private static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "-") + fixed(abs(value))
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    private static func printError(_ message: String) {
        var line = message + "\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    }
}
