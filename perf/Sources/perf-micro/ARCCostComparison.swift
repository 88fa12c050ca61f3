import MemProbe
import MicroBench
import PerfResult
import PerfSupport

/// `perf-micro arc-cost`: issue #18's bar "counting ARC traffic adds at most 5 ns per retain/release pair while
/// on, and nothing measurable while off".
///
/// The body is one `swift_retain` and one `swift_release` of a class instance (`Unmanaged`, each through MicroBench's
/// `opaque`, so that the optimizer cannot cancel the pair). It is measured with MicroBench's `Sampler` (full profile, no probes) first before any ARC window was
/// ever opened in this process (`never`), then in interleaved rounds with the hooks removed after a window
/// (`off`), with forwarders in the hooks' places that count nothing (`dispatch`: the runtime's swizzled path
/// alone, which any counter through its hook points pays), and with a window open around the samples (`on`).
/// Prints each ns/op, `on − off` (what counting costs), `dispatch − off` (the part the runtime's dispatch takes)
/// and `off − never`; exits 1 when `on − off` exceeds 5 ns in the median round.
enum ARCCostComparison {
    /// `--rounds N`: how many interleaved rounds of `off` and `on`.
    static let rounds = Option("rounds", .integer.within(1...20), default: 5, help: "interleaved rounds to measure")

    /// The command line after `perf-micro arc-cost`.
    static let command = Command(
        "perf-micro arc-cost",
        summary: """
            Measures a retain/release pair with the ARC counting hooks never installed, removed, replaced by
            forwarders that count nothing (the runtime's swizzled dispatch alone) and installed, in N interleaved
            rounds. Exits 1 when the hooks add more than 5 ns per pair (median round).
            """,
        options: [rounds], footer: "Exit status: 0 within 5 ns; 1 above; 2 bad usage or ARC counting unavailable.")

    /// The lines `perf-micro --help` adds for this subcommand.
    static let helpLine = """
          arc-cost   Measures a retain/release pair with ARC counting never on, off, dispatch only and on, in N
                     interleaved rounds (--rounds N, default 5). Exits 1 when counting adds more than 5 ns per pair.

        """

    private final class Object {}

    /// What is in the runtime's hook points while the pair is measured.
    private enum Hooks {
        /// The runtime's own functions (after a window closed, or before any opened).
        case off
        /// Forwarders that count nothing: the swizzled dispatch alone.
        case dispatch
        /// The counting hooks: a window is open.
        case on
    }

    /// A task whose operation is one retain and one release of the same object.
    private static func pair(_ hooks: Hooks) -> Suite {
        Suite("arc") { suite in
            suite.benchBatch("retainRelease") { batch in
                let object = Unmanaged.passRetained(Object())
                if hooks == .on { ARCCounter.begin() }
                if hooks == .dispatch { ARCCounter.beginForwardingOnly() }
                batch.measure {
                    for _ in 0..<batch.iterations {
                        // Through `opaque`, so that the optimizer cannot pair the retain with the release.
                        _ = opaque(object).retain()
                        opaque(object).release()
                    }
                }
                if hooks == .on { ARCCounter.end() }
                if hooks == .dispatch { ARCCounter.endForwardingOnly() }
                object.release()
            }
        }
    }

    private static func nanoseconds(_ hooks: Hooks) -> Double {
        Sampler(policy: .full).measure(pair(hooks))[0].statistics.p50
    }

    /// Runs the comparison; returns the exit status.
    static func run(rounds: Int) -> Int32 {
        guard ARCCounter.availability == .available else {
            print("perf-micro arc-cost: \(ARCCounter.availability)")
            return 2
        }
        let environment = Environment.capture()
        print(environment.description)
        if let warning = environment.buildWarning { print(warning) }
        let never = nanoseconds(.off)
        ARCCounter.begin()
        ARCCounter.end()
        print("never (before any window): \(NumberText.fixed(never, decimals: 2)) ns per retain/release pair\n")
        let table = TextTable([
            .left("round"), .right("off ns"), .right("dispatch ns"), .right("on ns"),
            .right("on − off", minimumWidth: 9), .right("dispatch − off", minimumWidth: 14),
            .right("off − never", minimumWidth: 11),
        ])
        print(table.headerLine())
        var added: [Double] = []
        var dispatched: [Double] = []
        var residual: [Double] = []
        for round in 1...rounds {
            let off = nanoseconds(.off)
            let dispatch = nanoseconds(.dispatch)
            let on = nanoseconds(.on)
            added.append(on - off)
            dispatched.append(dispatch - off)
            residual.append(off - never)
            let figures = [off, dispatch, on, on - off, dispatch - off, off - never]
            let cells = [String(round)] + figures.map { NumberText.fixed($0, decimals: 2) }
            print(table.line(cells.map { TextTable.Cell($0) }))
        }
        let medianAdded = SortedSample(added).median
        let medianDispatch = SortedSample(dispatched).median
        let medianResidual = SortedSample(residual).median
        print(
            "\nmedian: counting adds \(NumberText.fixed(medianAdded, decimals: 2)) ns per pair (bar ≤ 5 ns), of which "
                + "the runtime's swizzled dispatch alone takes \(NumberText.fixed(medianDispatch, decimals: 2)) ns; "
                + "off − never \(NumberText.fixed(medianResidual, decimals: 2)) ns")
        return medianAdded <= 5 ? 0 : 1
    }
}
